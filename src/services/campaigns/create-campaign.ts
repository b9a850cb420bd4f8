// Creates a campaign with its questions; audited.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DEFAULT_POSITIONS, ISO_DATE_PATTERN } from "../../core/index.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { parseInput } from "../parse-input.ts";
import type { CampaignQuestion, CampaignSummary } from "./campaign.ts";
import { assertMayRecord, recorderOf, type Recorder } from "./may-record.ts";

const isoDate = z.string().regex(ISO_DATE_PATTERN, "a date is YYYY-MM-DD");
const position = z.object({ code: z.string().min(1).max(60), label: z.string().min(1), colour: z.string().min(1) });

/** A new campaign: its questions take the default five-point scale unless they give their own. */
export const NewCampaignSchema = z.object({
  /** A stable id (`kosovo-recognition`); generated when absent. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "an id is lower case letters, digits and dashes")
    .optional(),
  name: z.string().trim().min(1).max(200),
  objective: z.string().trim().max(4000).default(""),
  office: z.string().trim().min(1).max(40).nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(10)).max(20).default([]),
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
  questions: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "a question id is lower case letters, digits and dashes"),
        title: z.string().trim().min(1).max(500),
        positions: z.array(position).min(2).max(12).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type NewCampaign = z.input<typeof NewCampaignSchema>;

/**
 * Creates a campaign. FORBIDDEN unless drafter, approver or admin; INVALID_INPUT for a bad field. Writes the audit
 * entry `campaign.create` in the same transaction.
 * @example await createCampaign(deps, user, { name: "IMF membership", startsOn: "2009-01-01", questions: [{ id: "imf", title: "Supports Kosovo in the IMF" }] })
 * // { id: "…", name: "IMF membership", questions: [{ id: "imf", positions: DEFAULT_POSITIONS, ... }], ... }
 */
export async function createCampaign(deps: Deps, by: Recorder, input: NewCampaign): Promise<CampaignSummary> {
  assertMayRecord(by, "creating a campaign");
  const fields = parseInput(NewCampaignSchema, input, "campaign");
  const questions: CampaignQuestion[] = fields.questions.map((q) => ({
    id: q.id,
    title: q.title,
    positions: q.positions ?? [...DEFAULT_POSITIONS],
  }));
  const campaign: CampaignSummary = {
    id: fields.id ?? randomUUID(),
    name: fields.name,
    objective: fields.objective,
    office: fields.office,
    tags: fields.tags.map((t) => t.toUpperCase()),
    startsOn: fields.startsOn,
    endsOn: fields.endsOn,
    questions,
  };
  await deps.store.transaction((tx) => insertCampaign({ store: tx, clock: deps.clock }, by, campaign));
  return campaign;
}

/**
 * Writes a campaign and its questions with the audit entry `campaign.create`, on the store given (a transaction's,
 * for callers that write more with it, as the preload does).
 * @example await store.transaction((tx) => insertCampaign({ store: tx, clock }, SYSTEM_ACTING, campaign))
 */
export async function insertCampaign({ store, clock }: Deps, by: Recorder, campaign: CampaignSummary): Promise<void> {
  const { actor, name } = recorderOf(by);
  await store.db
    .insertInto("campaigns")
    .values({
      id: campaign.id,
      name: campaign.name,
      objective: campaign.objective,
      office: campaign.office,
      tags: JSON.stringify(campaign.tags),
      starts_on: campaign.startsOn,
      ends_on: campaign.endsOn,
      created_by: name,
      created_at: clock.now().toISOString(),
    })
    .execute();
  await store.db
    .insertInto("campaign_questions")
    .values(
      campaign.questions.map((q, ordinal) => ({
        campaign_id: campaign.id,
        id: q.id,
        ordinal,
        title: q.title,
        positions: JSON.stringify(q.positions),
      })),
    )
    .execute();
  await recordAudit(
    { store, clock },
    {
      actor,
      action: "campaign.create",
      target: campaign.id,
      detail: { name: campaign.name, questions: campaign.questions.map((q) => q.id) },
    },
  );
}
