// Writes a released cable's deliveries and tasks inside the release transaction: the transactional outbox.
import type { Kysely } from "kysely";
import { precedenceRank, siteOfStation, type Cable, type SitePlan } from "../../core/index.ts";
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
import { expandAddressees, type DeliveryTarget } from "./expand-addressees.ts";
import { normalisePlad } from "../directory/directory-schema.ts";
import { loadSitePlan } from "../sites/site-plan-store.ts";
import { queueSiteCopies } from "../sites/queue-site-copies.ts";
import { routingHintOf } from "./routing-hint.ts";

/**
 * What release hands to distribution: the released cable, the draft's action requests, and the directory its
 * addressees were resolved against in the release transaction (absent: distribution resolves them itself).
 */
export type Released = {
  cable: Cable;
  actionRequests: ActionRequest[];
  directory?: AddresseeDirectory;
  /** The node's plan of sites, when the caller has it already (a batch of arrivals); absent, it is read here. */
  plan?: SitePlan | null;
};

/**
 * How the copies are made: `release` (the default) delivers here what this node serves and queues a copy for each
 * other site; `arrival` (a copy received from another site) delivers here what this node serves, and nothing else.
 */
export type Distributing = "release" | "arrival";

/**
 * Expands the addressees against the directory and writes, in the transaction `store` is bound to, one queued
 * delivery per post and office, the tasks of the action requests, and the reports this cable makes of earlier tasks. Nothing is sent here: the
 * dispatcher delivers the queued rows after commit, so a release that rolls back leaves no delivery, and one that
 * commits leaves every delivery, whatever crashes later. Throws UNKNOWN_ADDRESSEE (rolling the release back).
 * @example await store.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, clock))
 */
export async function enqueueDeliveries(
  store: Store,
  released: Released,
  clock: Clock,
  distributing: Distributing = "release",
): Promise<void> {
  const tx = store.db;
  const { cable } = released;
  const cableId = cable.id;
  if (!cableId) throw new CablegramError("BAD_CABLE", "a released cable needs its id before distribution");
  const now = clock.now().toISOString();
  const targets = await expandAddressees(tx, cable, released.directory);
  // On a site node, what another site serves goes there as one copy (sites/); the rest is delivered here.
  const plan = released.plan === undefined ? await loadSitePlan(tx) : released.plan;
  const local =
    plan === null
      ? targets
      : distributing === "release"
        ? await queueSiteCopies(store, plan, cable, targets, released.actionRequests, now)
        : targets.filter((t) => siteOfStation(plan, t.station) === plan.here);
  const hint = await routingHintOfCited(tx, cable);
  const hintJson = hint.length > 0 ? JSON.stringify(hint) : null;
  const copies = local.map((t) => ({
    id: timeOrderedId(),
    post: t.post,
    station: t.station,
    office: t.office,
    role: t.role,
    precedence: t.precedence,
    rank: precedenceRank(t.precedence),
  }));
  await store.deliveries.enqueue(cableId, copies, now, hintJson);
  // The origin tracks every task it asked; an arriving copy tasks the posts served here.
  const tasked = distributing === "release" ? targets : local;
  const requests = distributing === "release" ? released.actionRequests : requestsFor(local, released.actionRequests);
  await createTasks(tx, cableId, tasked, requests, now);
  await reportTasks(tx, [cable], now);
}

/** The action requests that task posts among `local`, narrowed to those posts. */
function requestsFor(local: DeliveryTarget[], requests: ActionRequest[]): ActionRequest[] {
  const posts = new Set(local.filter((t) => t.role === "action").map((t) => t.post));
  if (posts.size === 0) return [];
  return requests.flatMap((r) => {
    if (r.posts.length === 0) return [r];
    const mine = r.posts.filter((p) => posts.has(normalisePlad(p)));
    return mine.length > 0 ? [{ ...r, posts: mine }] : [];
  });
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
