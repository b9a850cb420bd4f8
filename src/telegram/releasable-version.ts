// The releasable version of a reviewed cable, and the withdrawal card of one withheld in full: made from the
// reviewer's decisions alone, so that nothing withheld can reach them. Pure; the original cable is not touched.
import {
  bodyOfParagraphs,
  DECLASSIFICATION_AUTHORITY,
  exemptionsOf,
  portionLabel,
  withheldMarker,
  type Cable,
  type Exemption,
  type PortionDecision,
  type ReviewDecision,
} from "../core/index.ts";

/** Who declassified a version, and when (YYYY-MM-DD). */
export type DeclassificationStamp = { reviewer: string; date: string };

/** What the reading room shows of a cable withheld in full: NARA's withdrawal card. */
export type WithdrawalCard = {
  id: string;
  dtg: string | null;
  origin: string | null;
  /** The subject when the reviewer released it; null when it is withheld too. */
  subject: string | null;
  exemptions: Exemption[];
  /** The day of the review that withheld it. */
  reviewDate: string;
};

type Release = Extract<ReviewDecision, { outcome: "release-in-full" | "release-in-part" }>;

/**
 * The releasable version of `cable`: the header metadata kept, each portion, the subject and each TAGS entry either
 * as released or replaced in place by a marker (`[Paragraph 4 (C) withheld: 1.4(b)]`), and a DECLASSIFIED marking
 * with the authority, the reviewer and the date under the classification line. Parse warnings (which quote the
 * text) are dropped. Render it with renderTelegram, or serve it as JSON, as any cable.
 * @example releasableVersion(cable, decision, { reviewer: "rreviewer", date: "2026-12-06" }).paragraphs[0].text
 * // "[Paragraph 1 (C) withheld: 1.4(b), 1.4(d)]"
 */
export function releasableVersion(cable: Cable, decision: Release, stamp: DeclassificationStamp): Cable {
  const paragraphs = cable.paragraphs.map((p, i) => {
    const d = decision.portions[i] ?? WITHHELD_UNDECIDED;
    return d.action === "release"
      ? { ...p }
      : { number: null, marking: null, text: withheldMarker(portionLabel(p), d) };
  });
  const tags = cable.tags.map((tag, i) => {
    const d = decision.tags[i] ?? WITHHELD_UNDECIDED;
    return d.action === "release" ? tag : withheldMarker("TAGS entry", d);
  });
  const subject =
    cable.subject === null || decision.subject.action === "release"
      ? cable.subject
      : withheldMarker("Subject", decision.subject);
  return {
    ...cable,
    handling: [...cable.handling, declassifiedMarking(decision, stamp)],
    tags,
    subject,
    paragraphs,
    body: bodyOfParagraphs(paragraphs),
    warnings: [],
  };
}

/**
 * The DECLASSIFIED marking of a released version.
 * @example declassifiedMarking(decision, { reviewer: "rreviewer", date: "2026-12-06" })
 * // "DECLASSIFIED IN PART. AUTHORITY: E.O. 13526. REVIEWER: rreviewer. DATE: 2026-12-06."
 */
export function declassifiedMarking(decision: Release, stamp: DeclassificationStamp): string {
  const extent = decision.outcome === "release-in-full" ? "DECLASSIFIED" : "DECLASSIFIED IN PART";
  return `${extent}. AUTHORITY: ${DECLASSIFICATION_AUTHORITY}. REVIEWER: ${stamp.reviewer}. DATE: ${stamp.date}.`;
}

/**
 * The withdrawal card of a cable withheld in full: its id, date and origin, its subject if released, the
 * exemptions and the review date; nothing of its text.
 * @example withdrawalCard(cable, { outcome: "withhold-in-full", exemptions: ["1.4(b)"], subject: { action: "release" } }, stamp).subject
 * // "SUPPORTING KOSOVO IN INTERNATIONAL BODIES"
 */
export function withdrawalCard(
  cable: Cable,
  decision: Extract<ReviewDecision, { outcome: "withhold-in-full" }>,
  stamp: DeclassificationStamp,
): WithdrawalCard {
  return {
    id: cable.id ?? "",
    dtg: cable.dtg,
    origin: cable.origin,
    subject: decision.subject.action === "release" ? cable.subject : null,
    exemptions: exemptionsOf(decision),
    reviewDate: stamp.date,
  };
}

// A portion the decision does not cover is never released (validation refuses such a decision; this fails closed).
const WITHHELD_UNDECIDED: PortionDecision = { action: "withhold", exemptions: [] };
