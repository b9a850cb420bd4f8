// What awaits a user: clearances asked of them or their offices, and drafts of their post they may release.
import { mayRead } from "../access/index.ts";
import { readerOf } from "../users/reader-of.ts";
import { hasRole, type User } from "../users/user-schema.ts";
import type { Store } from "../../store/open-store.ts";
import { homePlad } from "./draft-access.ts";
import { draftCable } from "./draft-rows.ts";

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
};

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
    .select(["d.id", "d.model", "d.origin_post", "d.updated_at", "c.id as clearance_id", "c.kind", "c.clearer"])
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
  const clearances = asked
    .filter((r) => mayRead(reader, draftCable(r)))
    .map((r) => ({
      ...item(r, r.clearance_id, false),
      askedOf: { kind: r.kind === "office" ? ("office" as const) : ("user" as const), clearer: r.clearer },
    }));
  const home = await homePlad(store, user);
  if (!hasRole(user, "approver") || home === null) return { clearances, approvals: [] };
  const drafts = await store.db
    .selectFrom("drafts")
    .select(["id", "model", "origin_post", "updated_at"])
    .where("status", "=", "draft")
    .where("origin_post", "=", home)
    .orderBy("updated_at")
    .execute();
  if (drafts.length === 0) return { clearances, approvals: [] };
  const open = await store.db
    .selectFrom("draft_clearances")
    .select("draft_id")
    .where("required", "=", 1)
    .where("status", "!=", "cleared")
    .where(
      "draft_id",
      "in",
      drafts.map((d) => d.id),
    )
    .execute();
  const blocked = new Set(open.map((o) => o.draft_id));
  const approvals = drafts.filter((d) => mayRead(reader, draftCable(d))).map((d) => item(d, null, !blocked.has(d.id)));
  return { clearances, approvals };
}

function item(
  r: { id: string; model: string; origin_post: string; updated_at: string },
  clearanceId: string | null,
  cleared: boolean,
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
    cleared,
  };
}
