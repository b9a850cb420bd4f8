// Precedence: the vocabulary, its order and the ACP-127 prosign letters.

/** Addressee precedences, highest first. NIACT IMMEDIATE is IMMEDIATE plus action at any hour. */
export const PRECEDENCES = ["FLASH", "NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE"] as const;
export type Precedence = (typeof PRECEDENCES)[number];

/** Transmission precedences (the prosign on the date-time group line): NIACT is per addressee, so it is not one. */
export const TRANSMISSION_PRECEDENCES = ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"] as const;
export type TransmissionPrecedence = (typeof TRANSMISSION_PRECEDENCES)[number];

/** ACP-127 prosign letter of each transmission precedence. */
export const PROSIGN: Record<TransmissionPrecedence, "Z" | "O" | "P" | "R"> = {
  FLASH: "Z",
  IMMEDIATE: "O",
  PRIORITY: "P",
  ROUTINE: "R",
};

const BY_PROSIGN: Record<string, TransmissionPrecedence> = { Z: "FLASH", O: "IMMEDIATE", P: "PRIORITY", R: "ROUTINE" };

/**
 * The transmission precedence a prosign letter stands for, or null for anything else.
 * @example precedenceOfProsign("O") // "IMMEDIATE"
 */
export function precedenceOfProsign(letter: string): TransmissionPrecedence | null {
  return BY_PROSIGN[letter] ?? null;
}

/**
 * Rank of a precedence, 0 for FLASH, growing as urgency falls; sorts deliveries in handling order.
 * @example precedenceRank("NIACT IMMEDIATE") // 1
 */
export function precedenceRank(p: Precedence): number {
  return PRECEDENCES.indexOf(p);
}

/**
 * The transmission precedence an addressee precedence travels at.
 * @example transmissionPrecedenceOf("NIACT IMMEDIATE") // "IMMEDIATE"
 */
export function transmissionPrecedenceOf(p: Precedence): TransmissionPrecedence {
  return p === "NIACT IMMEDIATE" ? "IMMEDIATE" : p;
}

/** Precedences whose delivery alerts the post's duty officer at once, whatever the hour there. */
export const ALERTING_PRECEDENCES = ["FLASH", "NIACT IMMEDIATE"] as const satisfies readonly Precedence[];

/**
 * Whether a precedence alerts the duty officer at once (FLASH and NIACT IMMEDIATE); false for anything else,
 * unknown words and null included, so callers may pass a stored or typed string as it is.
 * @example isAlerting("NIACT IMMEDIATE") // true
 * @example isAlerting("IMMEDIATE") // false
 */
export function isAlerting(precedence: string | null | undefined): boolean {
  return (ALERTING_PRECEDENCES as readonly (string | null | undefined)[]).includes(precedence);
}

/** Type guard for the addressee precedence vocabulary. */
export function isPrecedence(value: string): value is Precedence {
  return (PRECEDENCES as readonly string[]).includes(value);
}
