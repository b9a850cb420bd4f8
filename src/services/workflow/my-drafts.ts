// A drafter's own drafts not yet released, with where each stands: saved or submitted, the clearances given,
// pending and objected to, and the last thing that happened to it. The "My drafts" page.
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import { mayRead } from "../access/index.ts";
import type { Store } from "../../store/open-store.ts";
import { draftCable } from "./draft-rows.ts";
import type { ClearanceStatus } from "./draft-schema.ts";

/** Where a draft stands: saved only, or submitted for approval. */
export type MyDraftStatus = "draft" | "submitted";

/** One of my drafts. */
export type MyDraft = {
  id: string;
  subject: string | null;
  classification: string | null;
  status: MyDraftStatus;
  submittedAt: string | null;
  /** Every clearance asked, in the order asked, with an objection's comment. */
  clearances: { clearer: string; status: ClearanceStatus; required: boolean; comment: string | null }[];
  /** How many clearances are given, pending (asked, not yet decided) and objected to. */
  counts: { cleared: number; pending: number; objected: number };
  /** The last step of its life: what (`clearance.decide`, `draft.update`, ...), by whom, when. */
  lastChange: { at: string; action: string; by: string | null };
};

/** How many drafts the list holds at most. */
export const MY_DRAFTS_LIMIT = 200;

/**
 * The user's drafts not released or discarded, last changed first. A draft above the user's clearance now is left
 * out, as everywhere.
 * @example (await myDrafts(store, dana))[0] // { id, subject, status: "submitted", counts: { cleared: 1, pending: 0, objected: 1 }, ... }
 */
export async function myDrafts(store: Store, user: User): Promise<MyDraft[]> {
  const reader = readerOf(user);
  const rows = (
    await store.db
      .selectFrom("drafts")
      .select(["id", "model", "submitted_at", "updated_at"])
      .where("created_by", "=", user.id)
      .where("status", "=", "draft")
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .limit(MY_DRAFTS_LIMIT)
      .execute()
  ).filter((r) => mayRead(reader, draftCable(r)));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [clearances, events] = await Promise.all([
    store.db
      .selectFrom("draft_clearances")
      .select(["draft_id", "clearer", "status", "required", "comment"])
      .where("draft_id", "in", ids)
      .orderBy("requested_at")
      .orderBy("id")
      .execute(),
    // The newest step of each draft: the highest event id per draft.
    store.db
      .selectFrom("draft_events as e")
      .select(["e.draft_id", "e.at", "e.action", "e.username"])
      .where("e.id", "in", (eb) =>
        eb
          .selectFrom("draft_events")
          .select((f) => f.fn.max("id").as("id"))
          .where("draft_id", "in", ids)
          .groupBy("draft_id"),
      )
      .execute(),
  ]);
  const last = new Map(events.map((e) => [e.draft_id, e]));
  return rows.map((r) => {
    const cable = draftCable(r);
    const asked = clearances
      .filter((c) => c.draft_id === r.id)
      .map((c) => ({
        clearer: c.clearer,
        status: c.status as ClearanceStatus,
        required: Number(c.required) === 1,
        comment: c.comment,
      }));
    const step = last.get(r.id);
    return {
      id: r.id,
      subject: cable.subject,
      classification: cable.classification,
      status: r.submitted_at === null ? "draft" : "submitted",
      submittedAt: r.submitted_at,
      clearances: asked,
      counts: {
        cleared: asked.filter((c) => c.status === "cleared").length,
        pending: asked.filter((c) => c.status === "requested").length,
        objected: asked.filter((c) => c.status === "objected").length,
      },
      lastChange: step
        ? { at: step.at, action: step.action, by: step.username }
        : { at: r.updated_at, action: "draft.update", by: null },
    };
  });
}
