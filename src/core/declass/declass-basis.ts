// Why a cable is reviewed when it is, and where its review date came from: the schedule's vocabulary, imported by
// the search language too (which the browser runs), so this file imports nothing.

/** Why a cable is reviewed when it is: one list gives the values, the type and the order. */
export const DECLASS_BASES = [
  "date",
  "period",
  "downgrade",
  "gds",
  "exemption",
  "oadr",
  "manual-review",
  "event",
  "no-instruction",
  "unclassified",
] as const;
export type DeclassBasis = (typeof DECLASS_BASES)[number];

/** Where the review date came from: the line's instruction, the 25-year rule, or nowhere (not due, or undated). */
export const DECLASS_SOURCES = ["line", "25-year", "none"] as const;
export type DeclassSource = (typeof DECLASS_SOURCES)[number];
