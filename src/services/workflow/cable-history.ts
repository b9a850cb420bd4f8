// Who drafted, cleared and approved a cable released here, with times: read from the draft it was released from,
// its clearances and its history. Only a reader who may read the cable sees it, and only that draft's steps.
import type { Store } from "../../store/open-store.ts";
import type { Reader } from "../access/index.ts";
import { requireReadableCable } from "../archive/read-cable.ts";
import { draftHistory } from "./draft-rows.ts";
import type { ClearanceStatus } from "./draft-schema.ts";

/** One decision on a clearance: cleared or objected, by whom, when, with the comment. */
export type ClearanceDecisionStep = {
  decision: "cleared" | "objected";
  by: string | null;
  at: string;
  comment: string | null;
};

/** A clearance asked on the cable's draft, and every decision made on it, oldest first. */
export type ClearanceHistory = {
  kind: "office" | "user";
  clearer: string;
  required: boolean;
  requestedBy: string;
  requestedAt: string;
  /** Where it stood at release. */
  status: ClearanceStatus;
  decisions: ClearanceDecisionStep[];
};

/** Who did what, when; null when not on record. */
export type Step = { by: string; at: string };

/** The making of a cable: null steps and no clearances when it was not released here (an archived cable). */
export type CableHistory = {
  releasedHere: boolean;
  drafted: Step | null;
  clearances: ClearanceHistory[];
  submitted: Step | null;
  released: Step | null;
};

/**
 * Who drafted, cleared and approved a cable, if the reader may read it (CABLE_NOT_FOUND otherwise). A cable
 * imported into the archive has no such history here: `releasedHere` is false.
 * @example (await cableHistory(store, reader, "24STATE1")).clearances[0] // { clearer: "EUR/WE", status: "cleared", decisions: [...] }
 */
export async function cableHistory(store: Store, reader: Reader, cableId: string): Promise<CableHistory> {
  const read = await requireReadableCable(store, reader, cableId);
  const draft = await store.db
    .selectFrom("drafts as d")
    .leftJoin("users as drafter", "drafter.id", "d.created_by")
    .leftJoin("users as releaser", "releaser.id", "d.released_by")
    .select([
      "d.id",
      "d.created_at",
      "d.submitted_by",
      "d.submitted_at",
      "d.released_at",
      "drafter.username as drafter",
      "releaser.username as releaser",
    ])
    .where("d.released_id", "=", read.cable.id ?? cableId)
    .where("d.status", "=", "released")
    .executeTakeFirst();
  if (!draft) return { releasedHere: false, drafted: null, clearances: [], submitted: null, released: null };
  const rows = await store.db
    .selectFrom("draft_clearances")
    .selectAll()
    .where("draft_id", "=", draft.id)
    .orderBy("requested_at")
    .orderBy("id")
    .execute();
  const decisions = new Map<string, ClearanceDecisionStep[]>();
  for (const event of await draftHistory(store.db, draft.id)) {
    const clearance = event.detail?.["clearance"];
    if (event.action !== "clearance.decide" || typeof clearance !== "string") continue;
    const comment = event.detail?.["comment"];
    decisions.set(clearance, [
      ...(decisions.get(clearance) ?? []),
      {
        decision: event.detail?.["decision"] === "objected" ? "objected" : "cleared",
        by: event.username,
        at: event.at,
        comment: typeof comment === "string" ? comment : null,
      },
    ]);
  }
  return {
    releasedHere: true,
    drafted: { by: draft.drafter ?? "(unknown)", at: draft.created_at },
    clearances: rows.map((c) => ({
      kind: c.kind === "user" ? "user" : "office",
      clearer: c.clearer,
      required: Number(c.required) === 1,
      requestedBy: c.requested_by,
      requestedAt: c.requested_at,
      status: c.status as ClearanceStatus,
      decisions: decisions.get(c.id) ?? [],
    })),
    submitted: draft.submitted_at === null ? null : { by: draft.submitted_by ?? "(unknown)", at: draft.submitted_at },
    released: draft.released_at === null ? null : { by: draft.releaser ?? "(unknown)", at: draft.released_at },
  };
}
