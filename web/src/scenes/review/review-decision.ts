// The review page's marks turned into the decision the API records: pure, so the page's keys and buttons and the
// tests share it.
import type { Exemption, PortionDecision, ReviewDecision } from "../../../../src/core/index.ts";

/** What the reviewer has marked: the exemption codes of each withheld item, null for released. */
export type Marks = { subject: Exemption[] | null; tags: (Exemption[] | null)[]; portions: (Exemption[] | null)[] };

/** Nothing marked: every item released. */
export function noMarks(tags: number, portions: number): Marks {
  return { subject: null, tags: Array<null>(tags).fill(null), portions: Array<null>(portions).fill(null) };
}

const part = (codes: Exemption[] | null): PortionDecision =>
  codes === null ? { action: "release" } : { action: "withhold", exemptions: codes };

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
