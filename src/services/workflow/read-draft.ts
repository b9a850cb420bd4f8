// Reads a draft as the API shows it, if the user may see it; an invisible draft is "not found", like a cable.
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../store/database.ts";
import { preparedQuery } from "../../store/prepared-query.ts";
import type { Store } from "../../store/open-store.ts";
import type { DraftClearancesTable, DraftsTable } from "../../store/tables/messaging.ts";
import { readCable } from "../archive/read-cable.ts";
import { routingHintOf } from "../distribution/index.ts";
import { CablegramError } from "../errors.ts";
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import { draftFindings } from "./compose-draft.ts";
import { homePlad, mayViewDraft } from "./draft-access.ts";
import { clearanceFromRow, draftActionRequests, draftCable, draftHistory, draftPositionReport } from "./draft-rows.ts";
import { changesSinceDecision } from "./changes-since-decision.ts";
import type { Draft, DraftStatus, LastDecision } from "./draft-schema.ts";

/** A draft's rows: the draft and its clearances. */
export type DraftRows = { row: Selectable<DraftsTable>; clearances: Selectable<DraftClearancesTable>[] };

/**
 * The draft's rows, or null. `forUpdate` (PostgreSQL only, inside a transaction) locks the draft row until it ends;
 * SQLite needs no lock, its transactions being serial.
 * @example await draftRows(store.db, id)
 */
export async function draftRows(db: Kysely<Database>, id: string, forUpdate = false): Promise<DraftRows | null> {
  const [row] = (await (forUpdate && db.isTransaction ? draftLocked : draftById)(db, id)).rows;
  if (!row) return null;
  return { row, clearances: (await clearancesOf(db, id)).rows };
}

// Every release reads these: compiled once.
const draftById = preparedQuery((db, id: string) => db.selectFrom("drafts").selectAll().where("id", "=", id));
const draftLocked = preparedQuery((db, id: string) =>
  db.selectFrom("drafts").selectAll().where("id", "=", id).forUpdate(),
);
const clearancesOf = preparedQuery((db, id: string) =>
  db.selectFrom("draft_clearances").selectAll().where("draft_id", "=", id).orderBy("requested_at").orderBy("id"),
);

/**
 * The draft's rows if the user may see it, else DRAFT_NOT_FOUND (also when it does not exist). `home` is the
 * user's home post when the caller has looked it up already.
 * @example const { row } = await visibleDraft(store, user, id)
 */
export async function visibleDraft(
  store: Store,
  user: User,
  id: string,
  forUpdate = false,
  home?: string | null,
): Promise<DraftRows> {
  const rows = await draftRows(store.db, id, forUpdate);
  if (
    !rows ||
    !mayViewDraft(user, home === undefined ? await homePlad(store, user) : home, rows.row, rows.clearances)
  ) {
    throw draftNotFound(id);
  }
  return rows;
}

/**
 * The error for a draft that does not exist or that the user may not see: the two are not told apart.
 * @example throw draftNotFound(id)
 */
export function draftNotFound(id: string): CablegramError {
  return new CablegramError("DRAFT_NOT_FOUND", `No draft ${JSON.stringify(id)} that you may see.`, { id });
}

/**
 * The draft as the API shows it: cable, action requests, fresh findings, clearances, history, routing hints.
 * @example (await readDraft(store, user, id)).findings // [{ code: "missing_tags", ... }]
 */
export async function readDraft(store: Store, user: User, id: string): Promise<Draft> {
  return showDraft(store, user, await visibleDraft(store, user, id));
}

/**
 * The API's form of a draft's rows (findings recomputed against the directory as it is now).
 * @example await showDraft(store, user, rows)
 */
export async function showDraft(store: Store, user: User, { row, clearances }: DraftRows): Promise<Draft> {
  const cable = draftCable(row);
  const actionRequests = draftActionRequests(row);
  const findings = row.status === "draft" ? await draftFindings(store, cable, actionRequests) : [];
  let routingHints: string[] = [];
  if (row.reply_to !== null) {
    const cited = await readCable(store, readerOf(user), row.reply_to);
    routingHints = cited ? routingHintOf(cited.cable) : [];
  }
  const since =
    row.status === "draft"
      ? await changesSinceDecision(
          store.db,
          clearances
            .filter((c) => c.status === "requested")
            .map((c) => ({ clearanceId: c.id, draftId: row.id, kind: c.kind, clearer: c.clearer, cable })),
        )
      : new Map<string, LastDecision>();
  return {
    id: row.id,
    status: row.status as DraftStatus,
    originPost: row.origin_post,
    revision: Number(row.revision),
    cable,
    actionRequests,
    findings,
    clearances: clearances.map((c) => ({ ...clearanceFromRow(c), sinceLastDecision: since.get(c.id) ?? null })),
    history: await draftHistory(store.db, row.id),
    replyTo: row.reply_to,
    positionReport: draftPositionReport(row),
    supersedes: row.supersedes,
    routingHints,
    releasedId: row.released_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
  };
}
