// The node's plan of sites, kept in the database so that every process on the node (the server, a CLI release)
// routes a release the same way; empty on a one-node system, where every copy stays local.
import type { Kysely } from "kysely";
import type { SitePlan } from "../../core/sites.ts";
import type { Database } from "../../store/database.ts";
import type { Store } from "../../store/open-store.ts";

/**
 * Replaces the stored plan with `plan`; null empties it (the node is one node again).
 * @example await saveSitePlan(store, parseSitePlan("PANAMA", "STATE,PANAMA"))
 */
export async function saveSitePlan(store: Store, plan: SitePlan | null): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom("sites").execute();
    if (plan === null) return;
    await tx
      .insertInto("sites")
      .values(
        plan.sites.map((s) => ({
          name: s.name,
          hq: s.name === plan.hq ? 1 : 0,
          here: s.name === plan.here ? 1 : 0,
          stations: JSON.stringify(s.stations),
        })),
      )
      .execute();
  });
}

/**
 * The stored plan, or null on a one-node system.
 * @example (await loadSitePlan(tx))?.here // "PANAMA"
 */
export async function loadSitePlan(db: Kysely<Database>): Promise<SitePlan | null> {
  const rows = await db.selectFrom("sites").selectAll().execute();
  const here = rows.find((r) => Number(r.here) === 1);
  const hq = rows.find((r) => Number(r.hq) === 1);
  if (!here || !hq) return null;
  return {
    here: here.name,
    hq: hq.name,
    sites: rows.map((r) => ({ name: r.name, stations: JSON.parse(r.stations) as string[] })),
  };
}
