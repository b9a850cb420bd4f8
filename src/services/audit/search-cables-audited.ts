// Searches the archive for a user and records the search (query and result count) in the audit log.
import type { Deps } from "../clock.ts";
import type { Reader } from "../access/reader.ts";
import { searchCables, type SearchOptions, type SearchResult } from "../search/search-cables.ts";
import type { Actor } from "./audit-entry.ts";
import { recordAuditGrouped } from "./record-audit.ts";

/**
 * `searchCables`, plus an audit entry `cable.search` with the query, the total (and whether it is a lower bound)
 * and the page asked for. Every search is recorded, whatever the classification of what it found, and its result is
 * given only once its entry is committed (with those of the searches answered meanwhile).
 * @example await searchCablesAudited(deps, actor, reader, { q: "kosovo" }) // audit: alice cable.search "kosovo" 2
 */
export async function searchCablesAudited(
  deps: Deps,
  actor: Actor,
  reader: Reader,
  options: SearchOptions,
  detail: Record<string, unknown> = {},
): Promise<SearchResult> {
  const result = await searchCables(deps.store, reader, { now: deps.clock.now(), ...options });
  await recordAuditGrouped(deps, {
    actor,
    action: "cable.search",
    target: options.q,
    resultCount: result.total,
    detail: {
      totalIsLowerBound: result.totalIsLowerBound,
      sort: result.sort,
      page: options.cursor ? "next" : "first",
      returned: result.results.length,
      ...detail,
    },
  });
  return result;
}
