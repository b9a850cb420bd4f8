// What awaits a user: clearances asked of them or their offices, and drafts of their post submitted for approval.
import { mayRead } from "../access/index.ts";
import { readerOf } from "../users/reader-of.ts";
import { hasRole, type User } from "../users/user-schema.ts";
import type { Store } from "../../store/open-store.ts";
import { homePlad } from "./draft-access.ts";
import { draftCable } from "./draft-rows.ts";
import { changesSinceDecision } from "./changes-since-decision.ts";
import type { ClearanceStatus, LastDecision } from "./draft-schema.ts";

/** One item of the queue. */
export type QueueItem = {
  draftId: string;
  subject: string | null;
  classification: string | null;
  originPost: string;
  updatedAt: string;
  /** The clearance to decide (clearance items), or null (approval items). */
  clearanceId: string | null;
  /**
   * Whom the clearance is asked of (clearance items): the user by name, or one of their offices, so that someone in
   * several offices sees which one is to answer. Null for approval items.
   */
  askedOf: { kind: "user" | "office"; clearer: string } | null;
  /** For approval items: every required clearance given. */
  cleared: boolean;
  /** The username of who drafted it. */
  drafter: string;
  /** When it was submitted for approval, or null (not yet submitted). */
  submittedAt: string | null;
  /** Every clearance asked on the draft: given (`cleared`), or pending (`requested`, `objected`). */
  clearances: QueueClearance[];
  /** A clearance asked again: the last decision on it and what changed since; null otherwise. */
  sinceLastDecision: LastDecision | null;
};

/** A clearance on a queued draft, as the queue shows it. */
export type QueueClearance = { clearer: string; status: ClearanceStatus; required: boolean };

/** The two lists of the queue. */
export type Queue = { clearances: QueueItem[]; approvals: QueueItem[] };

/**
 * The user's queue. Drafts the access rule hides from the user are left out, whatever was asked of them.
 * @example (await queueOf(store, erin)).clearances.length // 1
 */
export async function queueOf(store: Store, user: User): Promise<Queue> {
  const reader = readerOf(user);
  const offices = user.offices.map((o) => o.toUpperCase());
  const asked = await store.db
    .selectFrom("draft_clearances as c")
    .innerJoin("drafts as d", "d.id", "c.draft_id")
    .leftJoin("users as u", "u.id", "d.created_by")
    .select([
      "d.id",
      "d.model",
      "d.origin_post",
      "d.updated_at",
      "d.submitted_at",
      "u.username as drafter",
      "c.id as clearance_id",
      "c.kind",
      "c.clearer",
    ])
    .where("d.status", "=", "draft")
    .where("c.status", "=", "requested")
    .where((eb) =>
      eb.or([
        eb.and([eb("c.kind", "=", "user"), eb("c.clearer", "=", user.username)]),
        ...(offices.length > 0 ? [eb.and([eb("c.kind", "=", "office"), eb("c.clearer", "in", offices)])] : []),
      ]),
    )
    .orderBy("d.updated_at")
    .execute();
  const visible = asked.filter((r) => mayRead(reader, draftCable(r)));
  const home = await homePlad(store, user);
  const drafts =
    !hasRole(user, "approver") || home === null
      ? []
      : (
          await store.db
            .selectFrom("drafts as d")
            .leftJoin("users as u", "u.id", "d.created_by")
            .select(["d.id", "d.model", "d.origin_post", "d.updated_at", "d.submitted_at", "u.username as drafter"])
            .where("d.status", "=", "draft")
            .where("d.origin_post", "=", home)
            // A draft is the approvers' once its drafter submits it, not at its first save.
            .where("d.submitted_at", "is not", null)
            .orderBy("d.submitted_at")
            .execute()
        ).filter((d) => mayRead(reader, draftCable(d)));
  const ids = [...new Set([...visible.map((r) => r.id), ...drafts.map((d) => d.id)])];
  const byDraft = ids.length === 0 ? new Map<string, QueueClearance[]>() : await clearancesOf(store, ids);
  const since = await changesSinceDecision(
    store.db,
    visible.map((r) => ({
      clearanceId: r.clearance_id,
      draftId: r.id,
      kind: r.kind,
      clearer: r.clearer,
      cable: draftCable(r),
    })),
  );
  const clearances = visible.map((r) => ({
    ...item(r, byDraft.get(r.id) ?? [], r.clearance_id),
    sinceLastDecision: since.get(r.clearance_id) ?? null,
    askedOf: { kind: r.kind === "office" ? ("office" as const) : ("user" as const), clearer: r.clearer },
  }));
  const approvals = drafts.map((d) => item(d, byDraft.get(d.id) ?? [], null));
  return { clearances, approvals };
}

/** Every clearance of the drafts, by draft, in the order they were asked. */
async function clearancesOf(store: Store, ids: string[]): Promise<Map<string, QueueClearance[]>> {
  const rows = await store.db
    .selectFrom("draft_clearances")
    .select(["draft_id", "clearer", "status", "required"])
    .where("draft_id", "in", ids)
    .orderBy("requested_at")
    .orderBy("id")
    .execute();
  const by = new Map<string, QueueClearance[]>();
  for (const r of rows) {
    const list = by.get(r.draft_id) ?? [];
    list.push({ clearer: r.clearer, status: r.status as ClearanceStatus, required: Number(r.required) === 1 });
    by.set(r.draft_id, list);
  }
  return by;
}

function item(
  r: {
    id: string;
    model: string;
    origin_post: string;
    updated_at: string;
    submitted_at: string | null;
    drafter: string | null;
  },
  clearances: QueueClearance[],
  clearanceId: string | null,
): QueueItem {
  const cable = draftCable(r);
  return {
    draftId: r.id,
    subject: cable.subject,
    classification: cable.classification,
    originPost: r.origin_post,
    updatedAt: r.updated_at,
    clearanceId,
    askedOf: null,
    cleared: clearances.every((c) => !c.required || c.status === "cleared"),
    drafter: r.drafter ?? "(unknown)",
    submittedAt: r.submitted_at,
    clearances,
    sinceLastDecision: null,
  };
}
