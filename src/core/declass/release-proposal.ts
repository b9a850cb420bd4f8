// Which cables may be proposed for release in full without a reviewer reading them: those whose every portion is
// unclassified (U or SBU). Only a proposal: a reviewer decides.
import type { Cable } from "../cable.ts";
import { parsePortionMark } from "../classification.ts";

/**
 * Whether every paragraph of a cable is marked, and marked unclassified (`U`, `SBU`, `U//FOUO`): then nothing in it
 * needs withholding by portion. A paragraph with no mark or an unknown one stops the proposal, as does a cable with
 * no paragraphs.
 * @example portionsAllUnclassified({ ...cable, paragraphs: [{ number: 1, marking: "SBU", text: "..." }] }) // true
 * @example portionsAllUnclassified({ ...cable, paragraphs: [{ number: 1, marking: null, text: "..." }] }) // false
 */
export function portionsAllUnclassified(cable: Pick<Cable, "paragraphs">): boolean {
  const marked = cable.paragraphs.filter((p) => p.number !== null || p.marking !== null);
  if (marked.length === 0) return false;
  return marked.every((p) => p.marking !== null && parsePortionMark(p.marking)?.level === "UNCLASSIFIED");
}
