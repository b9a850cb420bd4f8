// One campaign with the position events its reader may see.
import type { Store } from "../../store/open-store.ts";
import type { Reader } from "../access/reader.ts";
import { campaignSummary, visibleEvents, type Campaign } from "./campaign.ts";

/**
 * The campaign, its questions and every event `reader` may see (the access rule applied in SQL): an event he may
 * not see is absent, not masked. CAMPAIGN_NOT_FOUND when there is no such campaign.
 * @example (await campaignById(store, reader, "kosovo-recognition")).events[0] // { country: "CR", position: "recognizes", sources: [...], ... }
 */
export async function campaignById(store: Store, reader: Reader, id: string): Promise<Campaign> {
  const summary = await campaignSummary(store, id);
  return { ...summary, events: await visibleEvents(store, reader, id) };
}
