// Writes a released cable's deliveries and tasks inside the release transaction: the transactional outbox.
import type { Kysely } from "kysely";
import { precedenceRank, type Cable } from "../../core/index.ts";
import type { ActionRequest } from "../../core/action-request.ts";
import type { Database } from "../../store/database.ts";
import type { Store } from "../../store/open-store.ts";
import { timeOrderedId } from "../../store/time-ordered-id.ts";
import { createTasks } from "../actions/create-tasks.ts";
import { reportTasks } from "../actions/report-tasks.ts";
import { modelOf } from "../archive/stored-model.ts";
import type { Clock } from "../clock.ts";
import type { AddresseeDirectory } from "../directory/index.ts";
import { CablegramError } from "../errors.ts";
import { expandAddressees } from "./expand-addressees.ts";
import { routingHintOf } from "./routing-hint.ts";

/**
 * What release hands to distribution: the released cable, the draft's action requests, and the directory its
 * addressees were resolved against in the release transaction (absent: distribution resolves them itself).
 */
export type Released = { cable: Cable; actionRequests: ActionRequest[]; directory?: AddresseeDirectory };

/**
 * Expands the addressees against the directory and writes, in the transaction `store` is bound to, one queued
 * delivery per post and office, the tasks of the action requests, and the reports this cable makes of earlier tasks. Nothing is sent here: the
 * dispatcher delivers the queued rows after commit, so a release that rolls back leaves no delivery, and one that
 * commits leaves every delivery, whatever crashes later. Throws UNKNOWN_ADDRESSEE (rolling the release back).
 * @example await store.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, clock))
 */
export async function enqueueDeliveries(store: Store, released: Released, clock: Clock): Promise<void> {
  const tx = store.db;
  const { cable } = released;
  const cableId = cable.id;
  if (!cableId) throw new CablegramError("BAD_CABLE", "a released cable needs its id before distribution");
  const now = clock.now().toISOString();
  const targets = await expandAddressees(tx, cable, released.directory);
  const hint = await routingHintOfCited(tx, cable);
  const hintJson = hint.length > 0 ? JSON.stringify(hint) : null;
  const copies = targets.map((t) => ({
    id: timeOrderedId(),
    post: t.post,
    station: t.station,
    office: t.office,
    role: t.role,
    precedence: t.precedence,
    rank: precedenceRank(t.precedence),
  }));
  await store.deliveries.enqueue(cableId, copies, now, hintJson);
  await createTasks(tx, cableId, targets, released.actionRequests, now);
  await reportTasks(tx, [cable], now);
}

/** Offices the cables this one cites ask replies to be slugged for. */
async function routingHintOfCited(db: Kysely<Database>, cable: Cable): Promise<string[]> {
  const ids = [...new Set(cable.references.flatMap((r) => (r.id ? [r.id] : [])))];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("cables as c")
    .innerJoin("cable_texts as t", "t.seq", "c.seq")
    .select(["t.model", "t.raw", "t.parse_hints"])
    .where("c.id", "in", ids)
    .execute();
  return [...new Set(rows.flatMap((r) => routingHintOf(modelOf(r))))];
}
