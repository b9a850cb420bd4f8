// Writes one position event with its locks (the rows the access rule reads in SQL): never an update.
import { classificationRank, type PositionEvent } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import { normaliseName } from "../access/access-rule.ts";

/** What a reader must hold to see an event, beyond its classification and caveats: the captions of its sources. */
export type EventGrants = { captioned: boolean; grants: readonly string[] };

const NON_RESTRICTIVE = new Set(["SIPDIS", "SENSITIVE"]);

/**
 * Inserts `event` of `campaignId` with its caveat and grant rows. Pass a transaction's store to write it with its
 * audit entry.
 * @example await writeEvent(tx, "kosovo-recognition", event, { captioned: false, grants: [] }, clock.now())
 */
export async function writeEvent(
  store: Store,
  campaignId: string,
  event: PositionEvent,
  grants: EventGrants,
  at: Date,
): Promise<void> {
  const caveats = restrictiveCaveats(event.caveats);
  await store.db
    .insertInto("position_events")
    .values({
      id: event.id,
      campaign_id: campaignId,
      question_id: event.questionId,
      country: event.country,
      position: event.position,
      effective_on: event.effectiveOn,
      recorded_on: event.recordedOn,
      confidence: event.confidence,
      sources: JSON.stringify(event.sources),
      note: event.note,
      recorded_by: event.recordedBy,
      recorded_at: at.toISOString(),
      classification: event.classification,
      caveats: JSON.stringify(event.caveats),
      supersedes: event.supersedes,
      class_rank: classificationRank(event.classification),
      needs_access: caveats.length > 0 ? 1 : 0,
      captioned: grants.captioned ? 1 : 0,
    })
    .execute();
  if (caveats.length > 0) {
    await store.db
      .insertInto("position_event_caveats")
      .values(caveats.map((caveat) => ({ event_id: event.id, caveat })))
      .execute();
  }
  if (grants.captioned && grants.grants.length > 0) {
    await store.db
      .insertInto("position_event_grants")
      .values(grants.grants.map((grant_key) => ({ event_id: event.id, grant_key })))
      .execute();
  }
}

/**
 * The caveats that restrict readers, normalised as the access rule compares them.
 * @example restrictiveCaveats(["noforn", "SIPDIS"]) // ["NOFORN"]
 */
export function restrictiveCaveats(caveats: readonly string[]): string[] {
  const names = caveats.map(normaliseName).filter((c) => c !== "" && !NON_RESTRICTIVE.has(c));
  return [...new Set(names)].sort();
}
