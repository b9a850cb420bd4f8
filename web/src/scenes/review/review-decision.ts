// The review page's marks turned into the decision the API records: pure, so the page's keys and buttons and the
// tests share it.
import type { Exemption, PortionDecision, ReviewDecision } from "../../../../src/core/index.ts";

/** One item's mark: released (null), withheld under exemption codes, or referred to another agency. */
export type Mark = Exemption[] | { referTo: string } | null;

/** What the reviewer has marked for the subject, each TAGS entry and each portion. */
export type Marks = { subject: Mark; tags: Mark[]; portions: Mark[] };

/** Nothing marked: every item released. */
export function noMarks(tags: number, portions: number): Marks {
  return { subject: null, tags: Array<Mark>(tags).fill(null), portions: Array<Mark>(portions).fill(null) };
}

const part = (mark: Mark): PortionDecision =>
  mark === null
    ? { action: "release" }
    : Array.isArray(mark)
      ? { action: "withhold", exemptions: mark }
      : { action: "refer", agency: mark.referTo };

/**
 * How a mark reads on its item's button.
 * @example markLabel({ referTo: "DOD" }) // "Referred to DOD"
 */
export function markLabel(mark: Mark): string {
  if (mark === null) return "Released";
  return Array.isArray(mark) ? `Withheld: ${mark.join(", ")}` : `Referred to ${mark.referTo}`;
}

/**
 * The release the marks say: in full when nothing is withheld, else in part.
 * @example releaseOf(noMarks(1, 2)).outcome // "release-in-full"
 */
export function releaseOf(marks: Marks): ReviewDecision {
  const all = [marks.subject, ...marks.tags, ...marks.portions];
  return {
    outcome: all.every((m) => m === null) ? "release-in-full" : "release-in-part",
    subject: part(marks.subject),
    tags: marks.tags.map(part),
    portions: marks.portions.map(part),
  };
}
