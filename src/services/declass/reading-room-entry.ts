// The reading room's entry for a reviewed cable, made from the decision alone: the released version and its index
// text, or the withdrawal card. Pure; recordReview writes it, and bench:declass fills a reading room with it.
import { exemptionsOf, type Cable, type ReviewDecision } from "../../core/index.ts";
import { META_PREFIX } from "../../store/full-text.ts";
import type { ReadingRoomEntry } from "../../store/reading-room.ts";
import { releasableVersion, renderTelegram, withdrawalCard } from "../../telegram/index.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";

/**
 * The reading room's entry for a decision on the archived cable `seq`: its released version (with the index text of
 * the released version alone, withheld TAGS and access words left out), its withdrawal card, or none (an extension).
 * @example readingRoomEntryOf(cable, seq, reviewId, decision, { reviewer: "rreviewer", date: "2026-12-06" })?.kind // "released"
 */
export function readingRoomEntryOf(
  cable: Cable,
  seq: number,
  reviewId: string,
  decision: ReviewDecision,
  stamp: { reviewer: string; date: string },
): ReadingRoomEntry | null {
  if (decision.outcome === "extend") return null;
  const base = {
    seq,
    cable_id: cable.id!,
    review_id: reviewId,
    outcome: decision.outcome,
    dtg: cable.dtg,
    year: cable.dtg ? Number(cable.dtg.slice(0, 4)) : null,
    origin: cable.origin,
    classification: cable.classification,
    exemptions: JSON.stringify(exemptionsOf(decision)),
    review_date: stamp.date,
    reviewer: stamp.reviewer,
  };
  if (decision.outcome === "withhold-in-full") {
    const card = withdrawalCard(cable, decision, stamp);
    return { ...base, kind: "withdrawn", subject: card.subject, model: "", telegram: "", tags: [], fts: null };
  }
  const version = releasableVersion(cable, decision, stamp);
  const releasedTags = cable.tags.filter((_, i) => decision.tags[i]?.action === "release");
  // The index text comes from the released version alone, its withheld TAGS and the access words left out.
  const record = cableRecordOf({ ...version, tags: releasedTags }, null, null, stamp.date);
  const meta = record.fts.meta
    .split(" ")
    .filter((w) => !w.startsWith(META_PREFIX.access))
    .join(" ");
  return {
    ...base,
    kind: "released",
    subject: version.subject,
    model: JSON.stringify(version),
    telegram: renderTelegram(version),
    tags: releasedTags,
    fts: { subject: record.fts.subject, body: record.fts.body, meta },
  };
}
