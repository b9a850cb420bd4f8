// A node that starts does not know whether its database is older than what the sites it sends to hold: a restored
// backup has lost releases those sites still have, under channel numbers (and message serials) it would otherwise
// give again. So, per site, it marks the resync pending when it says hello and holds every new copy to that site
// until that site's answer has been applied, then numbers the held copies past whatever the answer gave back.
// Sites that answer are not held up by one that does not; releases wait a little for the answers, so that a
// release right after a restart is numbered past the releases the answers give back.
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import type { Store } from "../../store/open-store.ts";
import type { Clock } from "../clock.ts";
import { channelKey, type CopyPayload } from "./queue-site-copies.ts";

/** How long releases wait for the answers to a hello, by default: a round trip, with room for a slow link. */
export const RESYNC_WAIT_MS = 10_000;

/** How often a waiting release looks again. */
const WAIT_STEP_MS = 50;

/**
 * Marks the resync with each of `sites` pending, before the hellos go out: the channel number to each as it is now
 * (kept from an earlier mark that was never answered, so copies queued since then still count as held), and until
 * when releases here wait for the answer.
 * @example await markResyncsPending(store, "STATE", ["PANAMA"], new Date(), 10_000)
 */
export async function markResyncsPending(
  store: Store,
  here: string,
  sites: readonly string[],
  now: Date,
  waitMs: number,
): Promise<void> {
  const askedAt = now.toISOString();
  const waitUntil = new Date(now.getTime() + waitMs).toISOString();
  await store.transaction(async (tx) => {
    for (const site of sites) {
      const counter = await tx.db
        .selectFrom("message_counters")
        .select("value")
        .where("key", "=", channelKey(here, site))
        .executeTakeFirst();
      await tx.db
        .insertInto("site_resyncs")
        .values({
          site,
          sent: Number(counter?.value ?? 0),
          asked_at: askedAt,
          releases_wait_until: waitUntil,
          answered_at: null,
        })
        .onConflict((oc) =>
          oc.column("site").doUpdateSet((eb) => ({
            sent: eb
              .case()
              .when("site_resyncs.answered_at", "is", null)
              .then(eb.ref("site_resyncs.sent"))
              .else(eb.ref("excluded.sent"))
              .end(),
            asked_at: eb.ref("excluded.asked_at"),
            releases_wait_until: eb.ref("excluded.releases_wait_until"),
            answered_at: null,
          })),
        )
        .execute();
    }
  });
}

/**
 * The channel number to `site` when the pending resync with it was marked, or null when none is pending.
 * @example await pendingResyncSent(store.db, "PANAMA") // 6
 */
export async function pendingResyncSent(db: Kysely<Database>, site: string): Promise<number | null> {
  const mark = await db
    .selectFrom("site_resyncs")
    .select("sent")
    .where("site", "=", site)
    .where("answered_at", "is", null)
    .executeTakeFirst();
  return mark === undefined ? null : Number(mark.sent);
}

/**
 * The sites whose answer to this node's hello is still awaited: copies to them are held.
 * @example await pendingResyncSites(store.db) // Set { "PANAMA" }
 */
export async function pendingResyncSites(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom("site_resyncs").select("site").where("answered_at", "is", null).execute();
  return new Set(rows.map((r) => r.site));
}

/**
 * The sites whose answer is still awaited though they were asked before `before`: to be asked again.
 * @example await resyncsAskedBefore(store.db, "2026-12-06T12:00:00.000Z") // ["PANAMA"]
 */
export async function resyncsAskedBefore(db: Kysely<Database>, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom("site_resyncs")
    .select("site")
    .where("answered_at", "is", null)
    .where("asked_at", "<", before)
    .execute();
  return rows.map((r) => r.site);
}

/**
 * Records that `site` was asked again at `at` (the wait of releases stays as the first hello set it).
 * @example await noteAskedAgain(store, "PANAMA", now)
 */
export async function noteAskedAgain(store: Store, site: string, at: string): Promise<void> {
  await store.db.updateTable("site_resyncs").set({ asked_at: at }).where("site", "=", site).execute();
}

/**
 * Ends the pending resync with `site`, in the transaction that applied its answer (whose copies given back are
 * tracked already): the copies queued to it since the mark, never sent, are numbered in order past every number the
 * channel has used, and the channel's counter is set to the last, so the site sees one number per copy and no gap.
 * Answers how many copies it released to be sent. Does nothing when no resync with `site` is pending.
 * @example await finishResync(tx, "STATE", "PANAMA", now) // 1
 */
export async function finishResync(tx: Store, here: string, site: string, now: string): Promise<number> {
  const sent = await pendingResyncSent(tx.db, site);
  if (sent === null) return 0;
  const key = channelKey(here, site);
  // Taken first: the upsert locks the counter (PostgreSQL), so no release numbers a copy to the site meanwhile.
  await tx.db
    .insertInto("message_counters")
    .values({ key, value: 0 })
    .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("message_counters.value") })))
    .execute();
  const held = await tx.db
    .selectFrom("site_copies as c")
    .innerJoin("site_copy_payloads as p", "p.copy_id", "c.id")
    .select(["c.id", "c.seq", "p.payload"])
    .where("c.site", "=", site)
    .where("c.seq", ">", sent)
    .where("c.state", "=", "queued")
    .where("c.sent_at", "is", null)
    .orderBy("c.seq")
    .orderBy("c.queued_at")
    .execute();
  // Every number the site may have seen: up to the mark, and any copy sent (or given back by the answer) since.
  const used = await tx.db
    .selectFrom("site_copies")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("site", "=", site)
    .where((eb) => eb.or([eb("seq", "<=", sent), eb("sent_at", "is not", null)]))
    .executeTakeFirst();
  const base = Math.max(sent, Number(used?.seq ?? 0));
  for (const [i, copy] of held.entries()) {
    const seq = base + 1 + i;
    if (Number(copy.seq) === seq) continue;
    const payload = { ...(JSON.parse(copy.payload) as CopyPayload), seq };
    await tx.db.updateTable("site_copies").set({ seq }).where("id", "=", copy.id).execute();
    await tx.db
      .updateTable("site_copy_payloads")
      .set({ payload: JSON.stringify(payload) })
      .where("copy_id", "=", copy.id)
      .execute();
  }
  await tx.db
    .updateTable("message_counters")
    .set({ value: base + held.length })
    .where("key", "=", key)
    .execute();
  await tx.db.updateTable("site_resyncs").set({ answered_at: now }).where("site", "=", site).execute();
  return held.length;
}

/**
 * Waits, before a release is numbered, while a site has not answered this node's hello and the mark says releases
 * still wait for it: the answer may give back releases this node lost, whose message serials a release must not
 * take again. A site that does not answer in time is taken for away; releases go on without it.
 * @example await waitForResyncs(store, clock)
 */
export async function waitForResyncs(store: Store, clock: Clock): Promise<void> {
  let deadline: number | null = null;
  for (;;) {
    const now = clock.now();
    const row = await store.db
      .selectFrom("site_resyncs")
      .select((eb) => eb.fn.max("releases_wait_until").as("until"))
      .where("answered_at", "is", null)
      .where("releases_wait_until", ">", now.toISOString())
      .executeTakeFirst();
    if (!row?.until) return;
    // Measured on the real clock too: a test's clock that stands still must not hold a release forever.
    deadline ??= Date.now() + (Date.parse(row.until) - now.getTime());
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
