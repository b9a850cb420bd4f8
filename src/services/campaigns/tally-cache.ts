// The indexed events a tally counts, kept per store, campaign revision, question and what the reader may see: a
// page that redraws the map for every day of a slider asks the same question hundreds of times, and reading and
// indexing a question's events costs far more than counting them. The events are read through the access rule in
// SQL on a miss; readers who may see the same things share an entry, and a new event (a new revision) empties it.
import { indexEvents, type EventIndex } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import { normaliseName, readerGrantKeys } from "../access/access-rule.ts";
import type { Reader } from "../access/reader.ts";
import { tallyEvents } from "./campaign.ts";

/** Entries kept per store: a few readers' views of a few questions. */
const MAX_ENTRIES = 256;

const caches = new WeakMap<object, Map<string, EventIndex>>();

/**
 * The index of the events of `questionId` that `reader` may see, at the campaign's `revision`.
 * @example tally({ ...scope, events: await indexedEvents(store, reader, campaign.id, 3, question.id), question, asOf })
 */
export async function indexedEvents(
  store: Store,
  reader: Reader,
  campaignId: string,
  revision: number,
  questionId: string,
): Promise<EventIndex> {
  let cache = caches.get(store.db);
  if (cache === undefined) caches.set(store.db, (cache = new Map()));
  const key = JSON.stringify([campaignId, revision, questionId, accessKey(reader)]);
  const cached = cache.get(key);
  if (cached !== undefined) {
    // Most recently used last, so the first is the one to drop.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const index = indexEvents(await tallyEvents(store, reader, campaignId, questionId));
  // An older revision of this campaign is never read again; past the bound, the least recently used goes.
  const stale = `[${JSON.stringify(campaignId)},`;
  for (const k of cache.keys()) if (k.startsWith(stale) && !k.startsWith(`${stale}${revision},`)) cache.delete(k);
  while (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, index);
  return index;
}

/** What decides which events a reader sees: his clearance, accesses and grants, normalised. */
function accessKey(reader: Reader): string {
  const grants = readerGrantKeys(reader);
  return JSON.stringify([
    reader.clearance,
    [...new Set(reader.accesses.map(normaliseName))].sort(),
    grants === "*" ? "*" : [...grants].sort(),
  ]);
}
