// The ZN security-warning line of the transmission header: what a classification is sent under, and back.
import type { Classification } from "../core/index.ts";

const WARNING: Record<Classification, string> = {
  UNCLASSIFIED: "ZNR UUUUU ZZH",
  "LIMITED OFFICIAL USE": "ZNR UUUUU ZZH",
  CONFIDENTIAL: "ZNY CCCCC ZZH",
  SECRET: "ZNY SSSSS ZZH",
  "TOP SECRET": "ZNY TTTTT ZZH",
};

/** The letter of each level on a ZN line (`ZNY CCCCC`), as the parser reads it. */
export const SECURITY_LETTER: Record<Classification, string> = {
  UNCLASSIFIED: "U",
  "LIMITED OFFICIAL USE": "E",
  CONFIDENTIAL: "C",
  SECRET: "S",
  "TOP SECRET": "T",
};

const LEVEL_OF_LETTER = new Map(
  Object.entries(SECURITY_LETTER).map(([level, letter]) => [letter, level as Classification]),
);

/**
 * The security warning line a cable of `classification` is sent with; an unknown classification is sent as SECRET.
 * @example securityWarning("SECRET") // "ZNY SSSSS ZZH"
 */
export function securityWarning(classification: Classification | null): string {
  return WARNING[classification ?? "SECRET"];
}

/**
 * The classification a security warning line gives (`ZNY CCCCC ZZH` -> CONFIDENTIAL), or null when the line
 * gives none.
 * @example classificationOfSecurityWarning("ZNR UUUUU ZZH ZK") // "UNCLASSIFIED"
 */
export function classificationOfSecurityWarning(line: string | null | undefined): Classification | null {
  const letter = /^ZN[A-Z]\s+([UECST])\1{4}/.exec(line ?? "")?.[1];
  return letter === undefined ? null : (LEVEL_OF_LETTER.get(letter) ?? null);
}
