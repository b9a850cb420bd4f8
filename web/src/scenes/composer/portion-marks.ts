// The portion marks a paragraph may carry under the cable's overall level: U and SBU always, then each level up to
// the overall one, with its NOFORN form. A mark read from a pasted telegram stays selectable, even if unusual.
import {
  classificationRank,
  CLASSIFICATIONS,
  PORTION_OF_LEVEL,
  type Classification,
} from "../../../../src/core/index.ts";

export type PortionOption = { value: string; label: string };

const LABEL: Record<string, string> = {
  U: "U — unclassified",
  SBU: "SBU — sensitive but unclassified",
  "SBU/NF": "SBU/NF — SBU, no foreign nationals",
  LOU: "LOU — limited official use",
  C: "C — confidential",
  "C/NF": "C/NF — confidential, NOFORN",
  S: "S — secret",
  "S/NF": "S/NF — secret, NOFORN",
  TS: "TS — top secret",
  "TS/NF": "TS/NF — top secret, NOFORN",
};

/**
 * The marks offered for a paragraph of a cable at `overall`, plus `current` when it is not among them.
 * @example portionMarkOptions("CONFIDENTIAL").map((o) => o.value) // ["", "U", "SBU", "SBU/NF", "LOU", "C", "C/NF"]
 */
export function portionMarkOptions(overall: Classification, current = ""): PortionOption[] {
  const values = ["", "U", "SBU", "SBU/NF"];
  for (const level of CLASSIFICATIONS) {
    if (level === "UNCLASSIFIED" || classificationRank(level) > classificationRank(overall)) continue;
    const mark = PORTION_OF_LEVEL[level];
    values.push(mark);
    if (level !== "LIMITED OFFICIAL USE") values.push(`${mark}/NF`);
  }
  if (current !== "" && !values.includes(current)) values.push(current);
  return values.map((value) => ({ value, label: value === "" ? "(none)" : (LABEL[value] ?? value) }));
}
