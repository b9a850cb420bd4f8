// Writes a released cable's deliveries and tasks inside the release transaction: the transactional outbox.
import type { Kysely } from "kysely";
import { precedenceRank, siteOfStation, type Cable, type SitePlan } from "../../core/index.ts";
import type { ActionRequest } from "../../core/action-request.ts";
import type { Database } from "../../store/database.ts";
import type { CableCopies } from "../../store/delivery-queue.ts";
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
import { deliverNow, type DeliveredCopies } from "./deliver-queued.ts";
import { DEFAULT_OBJECTIVES, type HandlingObjectives } from "./handling-objectives.ts";

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
 * other site; `arrival` (a copy received from another site) delivers here what this node serves, and nothing else;
 * `recovered` (a release of this node's own that it lost with its database and took back from a destination)
 * delivers here what this node serves and makes every task the release asked, as the release did, but queues no
 * copy: the destinations hold theirs already, and say so in their answers (resync.ts).
 */
export type Distributing = "release" | "arrival" | "recovered";

/**
 * Expands the addressees against the directory and writes, in the transaction `store` is bound to, one queued
 * delivery per post and office, the tasks of the action requests, and the reports this cable makes of earlier tasks.
 * Nothing is sent here: the dispatcher delivers the queued rows after commit, so a release that rolls back leaves no
 * delivery, and one that commits leaves every delivery, whatever crashes later. Throws UNKNOWN_ADDRESSEE (rolling
 * the release back).
 * @example await store.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, clock))
 */
export async function enqueueDeliveries(
  store: Store,
  released: Released,
  clock: Clock,
  distributing: Distributing = "release",
): Promise<void> {
  await distribute(store, [released], clock, distributing);
}

/**
 * Does for a batch of copies arriving from other sites what enqueueDeliveries does for each (`arrival`), with a
 * statement for the whole batch where enqueueDeliveries would make one a cable (a backlog arrives hundreds at once),
 * and delivers the copies at once rather than queueing them: the transaction that stores the arrivals is itself the
 * durable event a queue would wait for. Deadlines follow `objectives`; the rows written come back, to be told once
 * the transaction commits (Dispatcher.delivered).
 * @example const delivered = await store.transaction((tx) => deliverArrivals(tx, [{ cable, actionRequests, directory, plan }], clock, objectives))
 */
export async function deliverArrivals(
  store: Store,
  arrivals: readonly Released[],
  clock: Clock,
  objectives: HandlingObjectives,
): Promise<DeliveredCopies> {
  return (await distribute(store, arrivals, clock, "arrival", objectives)) ?? { rows: [], alerts: 0 };
}

async function distribute(
  store: Store,
  batch: readonly Released[],
  clock: Clock,
  distributing: Distributing,
  objectives: HandlingObjectives = DEFAULT_OBJECTIVES,
): Promise<DeliveredCopies | null> {
  const tx = store.db;
  const now = clock.now().toISOString();
  let plan: SitePlan | null | undefined;
  const hints = await routingHintsOfCited(
    tx,
    batch.map((r) => r.cable),
  );
  const queued: CableCopies[] = [];
  const tasks: { cableId: string; tasked: DeliveryTarget[]; requests: ActionRequest[] }[] = [];
  for (const released of batch) {
    const { cable } = released;
    const cableId = cable.id;
    if (!cableId) throw new CablegramError("BAD_CABLE", "a released cable needs its id before distribution");
    const targets = await expandAddressees(tx, cable, released.directory);
    // On a site node, what another site serves goes there as one copy (sites/); the rest is delivered here.
    const sites = released.plan !== undefined ? released.plan : (plan ??= await loadSitePlan(tx));
    const local =
      sites === null
        ? targets
        : distributing === "release"
          ? await queueSiteCopies(store, sites, cable, targets, released.actionRequests, now)
          : targets.filter((t) => siteOfStation(sites, t.station) === sites.here);
    const copies = local.map((t) => ({
      id: timeOrderedId(),
      post: t.post,
      station: t.station,
      office: t.office,
      role: t.role,
      precedence: t.precedence,
      rank: precedenceRank(t.precedence),
    }));
    queued.push({ cableId, copies, routingHint: hints(cable) });
    // The origin tracks every task it asked; an arriving copy tasks the posts served here.
    const asked = distributing !== "arrival";
    tasks.push({
      cableId,
      tasked: asked ? targets : local,
      requests: asked ? released.actionRequests : requestsFor(local, released.actionRequests),
    });
  }
  const delivered = distributing === "arrival" ? await deliverNow(store, queued, now, objectives) : null;
  if (!delivered) await store.deliveries.enqueue(queued, now);
  for (const t of tasks) await createTasks(tx, t.cableId, t.tasked, t.requests, now);
  await reportTasks(
    tx,
    batch.map((r) => r.cable),
    now,
  );
  return delivered;
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

/** Cited cables read per query: within both dialects' bound-parameter limits. */
const CITED_PER_QUERY = 500;

/**
 * For each of `cables`, the offices the cables it cites ask replies to be slugged for (JSON), or null: the cited
 * cables of the whole batch read at once.
 */
async function routingHintsOfCited(
  db: Kysely<Database>,
  cables: readonly Cable[],
): Promise<(cable: Cable) => string | null> {
  const citedOf = (cable: Cable) => [...new Set(cable.references.flatMap((r) => (r.id ? [r.id] : [])))];
  const ids = [...new Set(cables.flatMap(citedOf))];
  const hintsOf = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += CITED_PER_QUERY) {
    const rows = await db
      .selectFrom("cables as c")
      .innerJoin("cable_texts as t", "t.seq", "c.seq")
      .select(["c.id", "t.model", "t.raw", "t.parse_hints"])
      .where("c.id", "in", ids.slice(i, i + CITED_PER_QUERY))
      .execute();
    for (const r of rows) hintsOf.set(r.id, routingHintOf(modelOf(r)));
  }
  return (cable) => {
    const hint = [...new Set(citedOf(cable).flatMap((id) => hintsOf.get(id) ?? []))];
    return hint.length > 0 ? JSON.stringify(hint) : null;
  };
}
