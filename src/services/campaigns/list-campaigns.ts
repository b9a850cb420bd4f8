// Lists campaigns with their questions, by start date.
import type { Store } from "../../store/open-store.ts";
import { summaryFromRows, type CampaignSummary } from "./campaign.ts";

/**
 * Every campaign, the latest started first. Campaigns themselves are not classified: their positions are, and
 * each reader sees only those he may (campaignById, tallyCampaign).
 * @example (await listCampaigns(store))[0].name // "Kosovo recognition"
 */
export async function listCampaigns(store: Store): Promise<CampaignSummary[]> {
  const rows = await store.db
    .selectFrom("campaigns")
    .selectAll()
    .orderBy("starts_on", "desc")
    .orderBy("name")
    .execute();
  const questions = await store.db.selectFrom("campaign_questions").selectAll().orderBy("ordinal").execute();
  return rows.map((row) =>
    summaryFromRows(
      row,
      questions.filter((q) => q.campaign_id === row.id),
    ),
  );
}
