// Release: one transaction numbers the draft, dates it from the clock, sections it, computes its transmission
// header, archives it immutably, chains and signs it, and queues its deliveries (the outbox). All or nothing; the
// transaction may be shared with concurrent releases (group commit), each of them all or nothing on its own.
import type { Kysely } from "kysely";
import { bodyOfParagraphs, canonicalCableId, type Cable } from "../../core/index.ts";
import { writeCableRecords } from "../../store/cable-writes.ts";
import type { Database } from "../../store/database.ts";
import { groupCommit } from "../../store/group-commit.ts";
import { preparedQuery } from "../../store/prepared-query.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import { decodeModel } from "../archive/archived-cable.ts";
import { locksOf } from "../access/index.ts";
import { appendLink, nextVersion, recordHead, signingKey } from "../chain/index.ts";
import {
  campaignSummary,
  questionOf,
  recordPosition,
  releaseDraftSuggestions,
  type PositionEventView,
} from "../campaigns/index.ts";
import { findPost, type Post } from "../directory/index.ts";
import { enqueueDeliveries } from "../distribution/index.ts";
import { CablegramError } from "../errors.ts";
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import { composeDraft } from "./compose-draft.ts";
import { actorOf, assertMayRelease, mayViewDraft } from "./draft-access.ts";
import { draftActionRequests, draftCable, draftPositionReport, recordStep } from "./draft-rows.ts";
import { takeNumbers } from "../../store/counters.ts";
import { messageCounterKey, takeChannelSerials } from "./numbering.ts";
import { draftNotFound, draftRows } from "./read-draft.ts";
import { assertEditable } from "./save-draft.ts";
import { sectionCount } from "../../telegram/outgoing-transmission.ts";
import { releasedCable, type Origin } from "./released-cable.ts";
import { notifyWatchingSearches } from "../saved-searches/notify-watching-searches.ts";
import type { WorkflowDeps } from "./workflow-deps.ts";
import { noticeReleased } from "./workflow-notices.ts";
import { waitForResyncs } from "../sites/resync-marks.ts";

/** Marks a correction on its first handling line, as State's corrected copies do. */
export const CORRECTED_COPY = "CORRECTED COPY";

/** What a release answers: the new cable, and the position event its position report recorded, if it had one. */
export type Released = {
  id: string;
  cable: Cable;
  /** The event recorded from the draft's position report, with the cable as source; absent without a report. */
  positionEvent?: PositionEventView;
  /** Why the report could not be recorded once the cable was out (the report was checked before release). */
  positionReportError?: string;
};

/**
 * Releases a draft as an approver of its originating post. Refuses (NOT_READY_FOR_RELEASE) a draft with error
 * findings, a required clearance not given for its current text, or a position report whose campaign, question or
 * position does not exist. Answers the new cable's canonical id; a position report is then recorded as a position
 * event with the released cable as its source, effective on the release date.
 * Concurrent releases share one transaction (group commit), each in a savepoint of its own: one that fails fails
 * alone, and none answers before its transaction has committed.
 * @example (await releaseDraft(deps, ada, draftId)).id // "24STATE1"
 */
export async function releaseDraft(deps: WorkflowDeps, user: User, draftId: string): Promise<Released> {
  const { store, clock } = deps;
  const homePost = user.post === null ? null : await findPost(store, user.post);
  const key = await signingKey(store);
  // On a site node just started, the other sites' answers may give back releases its database lost: their serials
  // must not be given again.
  await waitForResyncs(store, clock);
  const { cable, supersedes, head, report, row } = await inReleaseGroup(store, async (tx) => {
    const txStore = store.within(tx);
    // The draft is read once, in the transaction (its row locked where the engine needs it): what is checked is what is released.
    const rows = await draftRows(tx, draftId, txStore.releaseGroups.locksDraftRow);
    const draft = rows ? draftCable(rows.row) : null;
    if (!rows || !draft || !mayViewDraft(user, homePost?.name ?? null, rows.row, rows.clearances, draft)) {
      throw draftNotFound(draftId);
    }
    const { row, clearances } = rows;
    assertMayRelease(user, homePost?.name ?? null, row);
    assertEditable(row.status, draftId);
    const actionRequests = draftActionRequests(row);
    // Checked in the transaction: the directory the addressees resolve against here is the one they are delivered by.
    const at = clock.now();
    // Collectives are derived for the release date: the Security Council of the day the cable goes out.
    const { findings, directory } = await composeDraft(
      txStore,
      { cable: draft, actionRequests },
      {},
      null,
      at.toISOString().slice(0, 10),
    );
    const errors = findings.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      throw new CablegramError(
        "NOT_READY_FOR_RELEASE",
        `Draft ${draftId} has ${errors.length} error finding(s): ${errors.map((e) => e.message).join("; ")}.`,
        { findings: errors },
      );
    }
    const report = draftPositionReport(row);
    if (report !== null) await assertReportable(txStore, draftId, report);
    const pending = clearances.filter((c) => Number(c.required) === 1 && c.status !== "cleared");
    if (pending.length > 0) {
      const list = pending.map((c) => `${c.clearer} (${c.status})`).join(", ");
      throw new CablegramError("NOT_READY_FOR_RELEASE", `Draft ${draftId} still needs clearance from ${list}.`, {
        clearances: pending.map((c) => ({ id: c.id, clearer: c.clearer, status: c.status })),
      });
    }
    // An approver releases their own post's drafts, as a rule: its directory row is the one just read.
    const origin = originOf(
      row.origin_post,
      homePost?.name === row.origin_post ? homePost : await findPost(txStore, row.origin_post),
    );
    const released = await numberAndDate(tx, markCorrection(draft, row.supersedes), origin, at);
    const record = cableRecordOf(released, null, "released", at.toISOString());
    // The chain hashes the cable as archived: the stored model read back (serialised once, for both).
    const stored = decodeModel(record.model);
    const written = await writeCableRecords(txStore, [record]);
    if (written.inserted !== 1) throw new Error(`cable ${released.id} is archived already`);
    const version = await nextVersion(tx, row.supersedes);
    const head = await appendLink(tx, key, {
      cable: stored,
      version,
      supersedes: row.supersedes,
      at: at.toISOString(),
    });
    await markReleased(tx, draftId, released.id!, user.id, at.toISOString());
    await enqueueDeliveries(txStore, { cable: released, actionRequests, directory }, clock);
    await recordStep({ ...deps, store: txStore }, actorOf(user), draftId, {
      action: "cable.release",
      target: released.id ?? draftId,
      detail: { draft: draftId, version, supersedes: row.supersedes },
    });
    return { cable: released, supersedes: row.supersedes, head, report, row };
  });
  // The operator's copy of the head moves on once the link is committed (trust-file.ts).
  recordHead(store, head);
  deps.kick?.();
  await deps.bus?.publish({
    type: "cable.released",
    cableId: cable.id!,
    // The locks the archive has just stored for it (cableRecordOf takes them from locksOf too): no query to read them.
    locks: locksOf(cable),
    data: { id: cable.id, subject: cable.subject, precedence: cable.precedence, supersedes },
  });
  await noticeReleased(deps, row, cable, user);
  await notifyWatchingSearches(deps, { cableIds: [cable.id!] }).catch((error: unknown) => {
    // The release is committed: a notice that could not be left must not make it look failed.
    deps.log?.error({ err: error }, "saved-search notices could not be left");
  });
  // The draft's suggestions, and what people decided of them, become the cable's (else the cable is read anew).
  await releaseDraftSuggestions(store, draftId, cable.id!, clock.now()).catch(() => {});
  if (report === null) return { id: cable.id!, cable };
  // After the commit: the position's source must be an archived cable its recorder may read.
  try {
    const positionEvent = await recordPosition(deps, {
      by: user,
      reader: readerOf(user),
      campaignId: report.campaignId,
      position: {
        questionId: report.questionId,
        country: report.country,
        position: report.position,
        confidence: report.confidence,
        effectiveOn: at(cable),
        sources: [{ kind: "cable", cableId: cable.id! }],
        note: null,
      },
    });
    return { id: cable.id!, cable, positionEvent };
  } catch (error) {
    return { id: cable.id!, cable, positionReportError: error instanceof Error ? error.message : String(error) };
  }
}

function at(cable: Cable): string {
  return (cable.dtg ?? new Date().toISOString()).slice(0, 10);
}

/** Refuses the release of a draft whose position report names no campaign, question or position on its scale. */
async function assertReportable(
  store: Parameters<typeof campaignSummary>[0],
  draftId: string,
  report: NonNullable<ReturnType<typeof draftPositionReport>>,
): Promise<void> {
  try {
    const question = questionOf(await campaignSummary(store, report.campaignId), report.questionId);
    if (!question.positions.some((p) => p.code === report.position)) {
      const scale = question.positions.map((p) => p.code).join(", ");
      throw new Error(
        `question ${question.id} has no position ${JSON.stringify(report.position)}; use one of: ${scale}`,
      );
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CablegramError("NOT_READY_FOR_RELEASE", `Draft ${draftId}'s position report: ${reason}`, {
      findings: [
        {
          code: "invalid_position_report",
          severity: "error",
          path: ["positionReport"],
          message: reason,
          hint: "fix the campaign, question or position of the report, or remove it",
        },
      ],
    });
  }
}

/**
 * The release transactions of a store. Each group first takes, in one fixed order, what every release would take
 * anyway (the store's release-group lock), so that a group holding one release's locks never waits for a lock
 * another transaction holds while that one waits for the group.
 */
const inReleaseGroup = groupCommit({
  opening: (tx, store, size) => store.within(tx).releaseGroups.open(size),
});

// Statements every release makes: compiled once.
const markReleased = preparedQuery((tx, draftId: string, cableId: string, userId: string, at: string) =>
  tx
    .updateTable("drafts")
    .set({ status: "released", released_id: cableId, released_by: userId, released_at: at })
    .where("id", "=", draftId),
);
const cableHeld = preparedQuery((tx, id: string) => tx.selectFrom("cables").select("id").where("id", "=", id));

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
    if ((await cableHeld(tx, id)).rows.length === 0) break;
    serial = await takeNumbers(tx, messageCounterKey(origin.station, year));
  }
  const channels =
    origin.route === null ? new Map<string, number>() : await takeChannelSerials(tx, origin.route, routes, sections);
  return releasedCable(draft, at, origin, { serial, channels });
}
