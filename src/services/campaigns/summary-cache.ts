// A campaign's summary (its fields and questions) kept per store with the revision it was read at, so a tally asks
// the database one thing only: the campaign's revision, one indexed row by primary key. The revision lives in the
// database, not in this process, and is raised in the transaction of every event written, by any process (the
// server, the CLI): a tally reads it every time, so an event recorded elsewhere is counted at the next tally. A
// campaign's fields and questions are written once, when it is created; a changed revision reads them again all
// the same, and a campaign gone answers CAMPAIGN_NOT_FOUND as campaignSummary does.
import type { Store } from "../../store/open-store.ts";
import { campaignSummary, type CampaignAtRevision } from "./campaign.ts";

/** Campaigns kept per store; a deployment has a handful. */
const MAX_ENTRIES = 64;

const caches = new WeakMap<object, Map<string, CampaignAtRevision>>();

/**
 * The campaign's summary at its current revision, in one round trip when it is unchanged since the last call.
 * CAMPAIGN_NOT_FOUND when there is none.
 * @example (await currentSummary(store, "kosovo-recognition")).revision // 115
 */
export async function currentSummary(store: Store, id: string): Promise<CampaignAtRevision> {
  let cache = caches.get(store.db);
  if (cache === undefined) caches.set(store.db, (cache = new Map()));
  const cached = cache.get(id);
  if (cached !== undefined) {
    const row = await store.db.selectFrom("campaigns").select("revision").where("id", "=", id).executeTakeFirst();
    // A campaign gone is read again below, which answers CAMPAIGN_NOT_FOUND.
    if (row !== undefined && Number(row.revision) === cached.revision) return cached;
  }
  const fresh = await campaignSummary(store, id);
  cache.delete(id);
  while (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(id, fresh);
  return fresh;
}
