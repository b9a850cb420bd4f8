// The campaign every installation starts with: Kosovo's recognitions (and withdrawals), each from its public source.
import { KOSOVO_RECOGNITION, KOSOVO_RECOGNITION_EVENTS } from "../../core/index.ts";
import { SYSTEM_ACTING } from "../acting.ts";
import type { Deps } from "../clock.ts";
import type { CampaignSummary } from "./campaign.ts";
import { insertCampaign } from "./create-campaign.ts";
import { writeEvent } from "./write-event.ts";

/** The preloaded campaign, as issue 16's seed cables pursue it. */
export const KOSOVO_CAMPAIGN: CampaignSummary = {
  id: "kosovo-recognition",
  name: "Kosovo recognition",
  objective:
    "Secure the broadest international recognition of Kosovo's independence and its membership of international bodies (08STATE16245, 09STATE39345).",
  office: "EUR/SCE",
  tags: ["PREL", "KV"],
  startsOn: "2008-02-17",
  endsOn: null,
  questions: [{ ...KOSOVO_RECOGNITION, positions: [...KOSOVO_RECOGNITION.positions] }],
};

/**
 * Creates the Kosovo recognition campaign with every event of KOSOVO_RECOGNITION_EVENTS, in one transaction, unless
 * the campaign exists: a second start adds nothing.
 * @example await preloadKosovoCampaign(deps) // { created: true, events: 114 }; again: { created: false, events: 0 }
 */
export async function preloadKosovoCampaign(deps: Deps): Promise<{ created: boolean; events: number }> {
  const exists = await deps.store.db
    .selectFrom("campaigns")
    .select("id")
    .where("id", "=", KOSOVO_CAMPAIGN.id)
    .executeTakeFirst();
  if (exists) return { created: false, events: 0 };
  await deps.store.transaction(async (tx) => {
    await insertCampaign({ store: tx, clock: deps.clock }, SYSTEM_ACTING, KOSOVO_CAMPAIGN);
    const at = deps.clock.now();
    for (const event of KOSOVO_RECOGNITION_EVENTS) {
      await writeEvent(tx, KOSOVO_CAMPAIGN.id, event, { captioned: false, grants: [] }, at);
    }
  });
  return { created: true, events: KOSOVO_RECOGNITION_EVENTS.length };
}
