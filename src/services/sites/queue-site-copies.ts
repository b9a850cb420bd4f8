// The cross-site half of the transactional outbox: in the release transaction, the addressees another site's node
// serves become one queued copy for that site (headquarters gets one of every cable, as it holds the whole archive),
// numbered on the channel to that site. The site forwarder publishes them after commit.
import { precedenceRank, siteOfStation, type Cable, type Precedence, type SitePlan } from "../../core/index.ts";
import type { ActionRequest } from "../../core/action-request.ts";
import type { Insertable } from "kysely";
import type { Store } from "../../store/open-store.ts";
import type { SiteCopiesTable } from "../../store/tables/sites.ts";
import { takeNumbers } from "../../store/counters.ts";
import { timeOrderedId } from "../../store/time-ordered-id.ts";
import type { DeliveryTarget } from "../distribution/expand-addressees.ts";

/** What travels to another site: the cable as released, its action requests, and where it is on the channel. */
export type CopyPayload = {
  v: 1;
  origin: string;
  seq: number;
  /** The highest precedence among the destination's addressees: the one it travels at. */
  precedence: Precedence;
  cable: Cable;
  actionRequests: ActionRequest[];
};

/** The counter of the channel from `from` to `to`. */
export function channelKey(from: string, to: string): string {
  return `site-channel:${from}>${to}`;
}

/**
 * Writes, in the caller's transaction, one queued copy per other site the targets call for, and answers the
 * targets this node delivers itself.
 * @example const local = await queueSiteCopies(tx, plan, cable, targets, [], now)
 */
export async function queueSiteCopies(
  store: Store,
  plan: SitePlan,
  cable: Cable,
  targets: DeliveryTarget[],
  actionRequests: ActionRequest[],
  now: string,
): Promise<DeliveryTarget[]> {
  const local: DeliveryTarget[] = [];
  const remote = new Map<string, Precedence>();
  for (const t of targets) {
    const site = siteOfStation(plan, t.station);
    if (site === plan.here) {
      local.push(t);
      continue;
    }
    const had = remote.get(site);
    if (!had || precedenceRank(t.precedence) < precedenceRank(had)) remote.set(site, t.precedence);
  }
  // Headquarters holds the whole archive: a post's cable goes there even when no addressee is served there.
  if (plan.here !== plan.hq && !remote.has(plan.hq)) remote.set(plan.hq, cable.precedence ?? "ROUTINE");
  for (const [site, precedence] of remote) {
    const seq = await takeNumbers(store.db, channelKey(plan.here, site));
    await insertSiteCopy(
      store,
      { cable_id: cable.id!, site, seq, precedence, rank: precedenceRank(precedence), state: "queued", queued_at: now },
      { v: 1, origin: plan.here, seq, precedence, cable, actionRequests },
    );
  }
  return local;
}

/**
 * Writes one copy to another site, its tracking row and its payload apart (migration 0036), unless the cable already
 * has a copy for that site. Answers whether it was written.
 * @example await insertSiteCopy(tx, { cable_id, site: "PANAMA", seq: 7, precedence, rank, state: "queued", queued_at }, payload)
 */
export async function insertSiteCopy(
  store: Store,
  row: Omit<Insertable<SiteCopiesTable>, "id" | "attempt">,
  payload: CopyPayload,
): Promise<boolean> {
  const id = timeOrderedId();
  const written = await store.db
    .insertInto("site_copies")
    .values({ id, attempt: 0, ...row })
    .onConflict((oc) => oc.columns(["cable_id", "site"]).doNothing())
    .executeTakeFirst();
  if (Number(written.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await store.db
    .insertInto("site_copy_payloads")
    .values({ copy_id: id, payload: JSON.stringify(payload) })
    .execute();
  return true;
}
