// Captions and handling caveats: the distribution controls written under the classification line.

/** Caveats Cablegram knows. Unknown ones read from archives are kept as written. */
export const KNOWN_CAVEATS = ["SENSITIVE", "SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS"] as const;
export type KnownCaveat = (typeof KNOWN_CAVEATS)[number];

/** Captions restrict a cable to its addressees' offices and named distribution lists. Most restrictive first. */
export const CAPTIONS = ["NODIS", "EXDIS", "LIMDIS", "STADIS"] as const;
export type Caption = (typeof CAPTIONS)[number];

/** Caveats that restrict who may read a cable (SIPDIS only says where a copy may go; SENSITIVE is SBU). */
export const RESTRICTIVE_CAVEATS = ["NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS"] as const;

/** Type guard for captions. */
export function isCaption(value: string): value is Caption {
  return (CAPTIONS as readonly string[]).includes(value);
}

/** Type guard for the caveats Cablegram knows. */
export function isKnownCaveat(value: string): value is KnownCaveat {
  return (KNOWN_CAVEATS as readonly string[]).includes(value);
}
