// Tells the owners of watching saved searches about new cables that match them: a `search.matched` notification
// (kept for the app, live to the owner alone when a bus is given, mailed where the owner has an address and mail is
// configured). Each owner's access is read as it is now: a user whose clearance was lowered since saving is told of
// nothing they may no longer read.
import { notify, type NotifyDeps } from "../notifications/notify.ts";
import { compileQuery } from "../search/compile-query.ts";
import { planSearch } from "../search/plan-search.ts";
import { userById } from "../users/find-user.ts";
import { readerOf } from "../users/reader-of.ts";
import { isSearchQueryError, parseSearchQuery } from "../../core/search-language.ts";

/** Cables checked against a search in one statement. */
const CHUNK = 500;

type NotifyProps =
  /** The cables just archived or released, by id. */
  | { cableIds: readonly string[] }
  /** The cables archived at or after this instant (ISO): a bulk import's, found once it has ended. */
  | { archivedSince: string };

/**
 * Checks new cables (given, or archived since an instant) against every watching saved search, each under its
 * owner's access at this moment, and leaves a notice per match (once per search and cable, however often it is
 * checked). Costs one query when no search watches. Returns how many notices it left.
 * @example await notifyWatchingSearches({ store, clock, bus, mail }, { cableIds: ["09STATE100"] }) // 1
 */
export async function notifyWatchingSearches(deps: NotifyDeps, props: NotifyProps): Promise<number> {
  const { store, clock } = deps;
  if ("cableIds" in props && props.cableIds.length === 0) return 0;
  const searches = await store.db
    .selectFrom("saved_searches")
    .select(["id", "user_id", "name", "query"])
    .where("watch", "=", 1)
    .execute();
  if (searches.length === 0) return 0;
  const cables: { seq: number; id: string; subject: string | null; classification: string | null }[] = [];
  const cableIds = "cableIds" in props ? props.cableIds : await archivedSince(store, props.archivedSince);
  for (let i = 0; i < cableIds.length; i += CHUNK) {
    const rows = await store.db
      .selectFrom("cables")
      .select(["seq", "id", "subject", "classification"])
      .where("id", "in", cableIds.slice(i, i + CHUNK))
      .execute();
    cables.push(...rows.map((r) => ({ ...r, seq: Number(r.seq) })));
  }
  const bySeq = new Map(cables.map((c) => [c.seq, c]));
  let left = 0;
  for (const search of searches) {
    const owner = await userById(store, search.user_id);
    const parsed = parseSearchQuery(search.query);
    if (owner === null || isSearchQueryError(parsed)) continue;
    const plan = planSearch(store, compileQuery(parsed, clock.now()), readerOf(owner));
    for (let i = 0; i < cables.length; i += CHUNK) {
      const matched = await store.search.matchingAmong(
        plan,
        cables.slice(i, i + CHUNK).map((c) => c.seq),
      );
      for (const seq of matched) {
        const cable = bySeq.get(seq)!;
        const notices = await notify(deps, cable, [
          {
            userId: owner.id,
            kind: "search.matched",
            onceKey: `search:${search.id}:${cable.id}`,
            cableId: cable.id,
            searchId: search.id,
            detail: { searchId: search.id, name: search.name },
          },
        ]);
        left += notices.length;
      }
    }
  }
  return left;
}

/** The ids of the cables archived at or after `since`. */
async function archivedSince(store: NotifyDeps["store"], since: string): Promise<string[]> {
  const rows = await store.db.selectFrom("cables").select("id").where("archived_at", ">=", since).execute();
  return rows.map((r) => r.id);
}
