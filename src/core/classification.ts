// Classification levels, their order, and the portion marks that carry them paragraph by paragraph.

/** Overall classification levels, lowest first. */
export const CLASSIFICATIONS = [
  "UNCLASSIFIED",
  "LIMITED OFFICIAL USE",
  "CONFIDENTIAL",
  "SECRET",
  "TOP SECRET",
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * Rank of a level: 0 for UNCLASSIFIED up to 4 for TOP SECRET. Compare ranks, never names.
 * @example classificationRank("CONFIDENTIAL") // 2
 */
export function classificationRank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

/** Type guard for the classification vocabulary. */
export function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

/** How each level is written on the classification line of a rendered telegram. */
export const CLASSIFICATION_LINE: Record<Classification, string> = {
  UNCLASSIFIED: "UNCLAS",
  "LIMITED OFFICIAL USE": "LIMITED OFFICIAL USE",
  CONFIDENTIAL: "C O N F I D E N T I A L",
  SECRET: "S E C R E T",
  "TOP SECRET": "T O P S E C R E T",
};

const PORTION_LEVEL: Record<string, Classification> = {
  U: "UNCLASSIFIED",
  SBU: "UNCLASSIFIED",
  LOU: "LIMITED OFFICIAL USE",
  C: "CONFIDENTIAL",
  S: "SECRET",
  TS: "TOP SECRET",
};

/** A portion mark read into its parts: `(S//REL TO USA, FVEY)`, `(C/NF)`, `(SBU)`. */
export type PortionMark = {
  level: Classification;
  /** SBU: sensitive but unclassified. */
  sensitive: boolean;
  noforn: boolean;
  /** Release list, e.g. ["NATO"] for `REL NATO`; empty when none. */
  releasableTo: string[];
  /** Foreign government information. */
  fgi: boolean;
};

/**
 * Reads a normalised portion mark (as in `Paragraph.marking`) into its level and controls, or null when the
 * level is not recognised.
 * @example parsePortionMark("S/NF") // { level: "SECRET", noforn: true, sensitive: false, releasableTo: [], fgi: false }
 */
export function parsePortionMark(marking: string): PortionMark | null {
  const parts = marking
    .toUpperCase()
    .split(/\s*(?:\/\/|\/|-)\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const head = parts.shift();
  if (head === undefined) return null;
  // "S NF" and "C REL NATO" join the controls with a space.
  const [levelWord, ...rest] = head.split(/\s+/);
  const level = PORTION_LEVEL[levelWord ?? ""];
  if (level === undefined) return null;
  const mark: PortionMark = { level, sensitive: levelWord === "SBU", noforn: false, releasableTo: [], fgi: false };
  const controls = rest.length > 0 ? [rest.join(" "), ...parts] : parts;
  for (const control of controls) {
    if (control === "NF" || control === "NOFORN") mark.noforn = true;
    else if (control === "FGI") mark.fgi = true;
    else if (control === "FOUO") mark.sensitive = true;
    else if (control.startsWith("REL")) {
      mark.releasableTo.push(
        ...control
          .replace(/^REL(\s+TO)?\s*/, "")
          .split(/\s*,\s*/)
          .filter((x) => x.length > 0),
      );
    }
  }
  return mark;
}

/** The short portion mark of a level, for rendering: `U`, `C`, `S`, `TS`. */
export const PORTION_OF_LEVEL: Record<Classification, string> = {
  UNCLASSIFIED: "U",
  "LIMITED OFFICIAL USE": "LOU",
  CONFIDENTIAL: "C",
  SECRET: "S",
  "TOP SECRET": "TS",
};
