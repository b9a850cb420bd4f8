// Release: one transaction numbers the draft, dates it from the clock, sections it, computes its transmission
// header, archives it immutably, chains and signs it, and queues its deliveries (the outbox). All or nothing.
import type { Kysely } from "kysely";
import { bodyOfParagraphs, canonicalCableId, type Cable } from "../../core/index.ts";
import { writeCableRecords } from "../../store/cable-writes.ts";
import type { Database } from "../../store/database.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import { decodeModel } from "../archive/archived-cable.ts";
import { locksOf } from "../access/index.ts";
import { appendLink, nextVersion, signingKey } from "../chain/index.ts";
import { findPost, type Post } from "../directory/index.ts";
import { enqueueDeliveries } from "../distribution/index.ts";
import { CablegramError } from "../errors.ts";
import type { User } from "../users/user-schema.ts";
import { draftFindings } from "./compose-draft.ts";
import { actorOf, assertMayRelease } from "./draft-access.ts";
import { draftActionRequests, draftCable, recordStep } from "./draft-rows.ts";
import { messageCounterKey, takeChannelSerials, takeNumbers } from "./numbering.ts";
import { draftRows, visibleDraft } from "./read-draft.ts";
import { assertEditable } from "./save-draft.ts";
import { releasedCable, sectionCount, type Origin } from "./transmission.ts";
import type { WorkflowDeps } from "./workflow-deps.ts";

/** Marks a correction on its first handling line, as State's corrected copies do. */
export const CORRECTED_COPY = "CORRECTED COPY";

/**
 * Releases a draft as an approver of its originating post. Refuses (NOT_READY_FOR_RELEASE) a draft with error
 * findings or a required clearance not given for its current text. Answers the new cable's canonical id.
 * @example (await releaseDraft(deps, ada, draftId)).id // "24STATE1"
 */
export async function releaseDraft(
  deps: WorkflowDeps,
  user: User,
  draftId: string,
): Promise<{ id: string; cable: Cable }> {
  const { store, clock } = deps;
  const homePost = user.post === null ? null : await findPost(store, user.post);
  const home = homePost?.name ?? null;
  const { row } = await visibleDraft(store, user, draftId, false, home);
  assertMayRelease(user, home, row);
  assertEditable(row.status, draftId);
  const actionRequests = draftActionRequests(row);
  const errors = (await draftFindings(store, draftCable(row), actionRequests)).filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new CablegramError(
      "NOT_READY_FOR_RELEASE",
      `Draft ${draftId} has ${errors.length} error finding(s): ${errors.map((e) => e.message).join("; ")}.`,
      { findings: errors },
    );
  }
  // An approver releases their own post's drafts, as a rule: its directory row is the one just read.
  const origin = originOf(
    row.origin_post,
    homePost?.name === row.origin_post ? homePost : await findPost(store, row.origin_post),
  );
  const key = await signingKey(store);
  const at = clock.now();
  const cable = await store.db.transaction().execute(async (tx) => {
    // SQLite: write first, so the transaction takes the write lock (waiting its busy timeout for another process,
    // a CLI beside the server) before it reads. A read first would pin a snapshot that another process's commit
    // makes stale, and the first write would then fail at once with SQLITE_BUSY.
    if (store.dialect === "sqlite") {
      await tx
        .updateTable("drafts")
        .set({ status: "draft" })
        .where("id", "=", draftId)
        .where("status", "=", "draft")
        .execute();
    }
    const locked = await draftRows(tx, draftId, store.dialect === "postgres");
    if (!locked || locked.row.status !== "draft" || Number(locked.row.revision) !== Number(row.revision)) {
      throw new CablegramError(
        "DRAFT_NOT_EDITABLE",
        `Draft ${draftId} changed or was released meanwhile; read it again.`,
      );
    }
    const pending = locked.clearances.filter((c) => Number(c.required) === 1 && c.status !== "cleared");
    if (pending.length > 0) {
      const list = pending.map((c) => `${c.clearer} (${c.status})`).join(", ");
      throw new CablegramError("NOT_READY_FOR_RELEASE", `Draft ${draftId} still needs clearance from ${list}.`, {
        clearances: pending.map((c) => ({ id: c.id, clearer: c.clearer, status: c.status })),
      });
    }
    const draft = markCorrection(draftCable(locked.row), locked.row.supersedes);
    const released = await numberAndDate(tx, draft, origin, at);
    const record = cableRecordOf(released, null, "released", at.toISOString());
    // The chain hashes the cable as archived: the stored model read back (serialised once, for both).
    const stored = decodeModel(record.model);
    const txStore = { ...store, db: tx };
    const written = await writeCableRecords(txStore, [record]);
    if (written.inserted !== 1) throw new Error(`cable ${released.id} is archived already`);
    const version = await nextVersion(tx, locked.row.supersedes);
    await appendLink(tx, key, { cable: stored, version, supersedes: locked.row.supersedes, at: at.toISOString() });
    await tx
      .updateTable("drafts")
      .set({ status: "released", released_id: released.id, released_by: user.id, released_at: at.toISOString() })
      .where("id", "=", draftId)
      .execute();
    await enqueueDeliveries(tx, { cable: released, actionRequests }, clock);
    await recordStep({ ...deps, store: txStore }, actorOf(user), draftId, {
      action: "cable.release",
      target: released.id ?? draftId,
      detail: { draft: draftId, version, supersedes: locked.row.supersedes },
    });
    return released;
  });
  deps.kick?.();
  await deps.bus?.publish({
    type: "cable.released",
    cableId: cable.id!,
    // The locks the archive has just stored for it (cableRecordOf takes them from locksOf too): no query to read them.
    locks: locksOf(cable),
    data: { id: cable.id, subject: cable.subject, precedence: cable.precedence, supersedes: row.supersedes },
  });
  return { id: cable.id!, cable };
}

function originOf(plad: string, post: Post | null): Origin {
  if (!post?.station) {
    throw new CablegramError("NOT_READY_FOR_RELEASE", `${plad} is not a post that numbers cables; fix the directory.`);
  }
  return { station: post.station, route: post.routingIndicator ?? null, name: post.name };
}

/** A correction says so on its first handling line. */
function markCorrection(cable: Cable, supersedes: string | null): Cable {
  if (supersedes === null) return cable;
  return { ...cable, handling: [CORRECTED_COPY, ...cable.handling.filter((h) => h !== CORRECTED_COPY)] };
}

/**
 * Takes the message number (skipping any held by an imported cable of the same id) and the channel serials, in
 * the transaction, and builds the released cable.
 */
async function numberAndDate(tx: Kysely<Database>, draft: Cable, origin: Origin, at: Date): Promise<Cable> {
  const sections = sectionCount(bodyOfParagraphs(draft.paragraphs));
  const routes = [...new Set([...draft.to, ...draft.info].flatMap((a) => (a.route ? [a.route] : [])))].sort();
  const year = at.getUTCFullYear();
  let serial = await takeNumbers(tx, messageCounterKey(origin.station, year));
  for (;;) {
    const id = canonicalCableId(year, origin.station, serial);
    const held = await tx.selectFrom("cables").select("id").where("id", "=", id).executeTakeFirst();
    if (!held) break;
    serial = await takeNumbers(tx, messageCounterKey(origin.station, year));
  }
  const channels =
    origin.route === null ? new Map<string, number>() : await takeChannelSerials(tx, origin.route, routes, sections);
  return releasedCable(draft, at, origin, { serial, channels });
}
