// Migration 0020: a draft is submitted for approval explicitly (submitDraft); only submitted drafts are in the
// approvers' queue, with the time they were submitted and by whom. Drafts saved before are taken as not submitted.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("drafts").addColumn("submitted_at", "text").execute();
  await db.schema.alterTable("drafts").addColumn("submitted_by", "text").execute();
}
