// The public reading room: search, list and read released versions, and the withdrawal cards of cables withheld in
// full. Everything here reads the reading room's own tables, which hold released text only: no query reaches the
// archive, so nothing withheld can reach a page, a snippet, a facet count or the API.
import type { Cable, Exemption } from "../../core/index.ts";
import { isSearchQueryError, parseSearchQuery } from "../../core/search-language.ts";
import type { Store } from "../../store/open-store.ts";
import { COUNT_CAP, FACET_SAMPLE } from "../../store/search-engine.ts";
import type { ReadingRoomPlan } from "../../store/reading-room.ts";
import { SLOTS, seqAt } from "../../store/date-seq.ts";
import { archiveId } from "../archive/normalise-id.ts";
import { CablegramError } from "../errors.ts";
import { compileQuery } from "../search/compile-query.ts";
import { decodeCursor, encodeCursor } from "../search/search-cursor.ts";
import { snippetMemory } from "../search/snippet-memory.ts";
import type { FacetCount } from "../search/search-cables.ts";
import type { WithdrawalCard } from "../../telegram/index.ts";

/** One released version in a list of results. */
export type ReadingRoomHit = {
  id: string;
  subject: string | null;
  dtg: string | null;
  classification: string | null;
  outcome: string;
  reviewDate: string;
  /** HTML: escaped released text with the matches in <mark>…</mark>. */
  snippet: string;
};

/** A page of the reading room's search: as the archive's search answers, over released versions only. */
export type ReadingRoomResult = {
  total: number;
  totalIsLowerBound: boolean;
  results: ReadingRoomHit[];
  facets: { tags: FacetCount[]; origin: FacetCount[]; classification: FacetCount[]; year: FacetCount[] };
  facetsAreExact: boolean;
  nextCursor: string | null;
};

/** A released version as the public reads it. */
export type ReleasedVersion = {
  id: string;
  outcome: string;
  reviewDate: string;
  reviewer: string;
  exemptions: Exemption[];
  /** The released version as a cable model, withheld portions replaced by their markers. */
  cable: Cable;
  /** The same in the telegram format. */
  telegram: string;
};

/** What the reading room holds for one cable. */
export type ReadingRoomItem =
  { kind: "released"; version: ReleasedVersion } | { kind: "withdrawn"; card: WithdrawalCard };

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const FACET_SIZE = 20;
const remembered = snippetMemory();

/**
 * Searches released versions with the archive's query language (SEARCH_HELP), newest first; "" lists them all.
 * Throws BAD_QUERY for a query that cannot be read, BAD_CURSOR for a foreign cursor.
 * @example await searchReadingRoom(store, { q: "kosovo tag:PREL" }) // { total: 1, results: [{ id: "09STATE39345", ... }], ... }
 */
export async function searchReadingRoom(
  store: Store,
  options: { q: string; limit?: number; cursor?: string | null },
): Promise<ReadingRoomResult> {
  const parsed = parseSearchQuery(options.q);
  if (isSearchQueryError(parsed)) {
    throw new CablegramError("BAD_QUERY", `${parsed.message} (at ${parsed.position})`, { position: parsed.position });
  }
  const query = compileQuery(parsed);
  const asked = Number.isFinite(options.limit) ? Math.floor(options.limit!) : DEFAULT_LIMIT;
  const limit = Math.min(MAX_LIMIT, Math.max(1, asked));
  const before = options.cursor ? decodeCursor(options.cursor, query.fingerprint, "date").seq : null;
  const plan: ReadingRoomPlan = {
    // With terms to find, the exclusions join the index's own expression (FTS5's NOT, a tsquery's !): a set of every
    // excluded match, looked up per row, costs as much as the excluded word is common.
    expression: query.positive.length > 0 ? store.search.expression(query.positive, query.negative) : "",
    excluded:
      query.positive.length === 0 && query.negative.length > 0 ? store.search.expression([], query.negative) : "",
    range:
      query.from === null && query.to === null
        ? null
        : [
            Math.max(SLOTS, query.from === null ? 0 : seqAt(query.from)),
            query.to === null ? Number.MAX_SAFE_INTEGER : seqAt(query.to),
          ],
  };
  const [{ count, facets }, rows] = await Promise.all([
    store.readingRoom.countAndFacets(plan),
    store.readingRoom.datePage(plan, before, limit + 1),
  ]);
  const snippets = remembered.forTerms(query.highlight);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const lowerBound = count >= COUNT_CAP;
  return {
    total: lowerBound ? COUNT_CAP - 1 : count,
    totalIsLowerBound: lowerBound,
    results: page.map((r) => ({
      id: r.cable_id,
      subject: r.subject,
      dtg: r.dtg,
      classification: r.classification,
      outcome: r.outcome,
      reviewDate: r.review_date,
      snippet: snippets.of(`room:${r.cable_id}`, (JSON.parse(r.model) as Cable).body),
    })),
    facets: {
      tags: topCounts(facets.tags),
      origin: topCounts(facets.origin),
      classification: topCounts(facets.classification),
      year: topCounts(facets.year),
    },
    facetsAreExact: count <= FACET_SAMPLE,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ sort: "date", score: null, seq: Number(last.seq) }, query.fingerprint)
        : null,
  };
}

/**
 * The reading room's entry for a cable: its released version, or its withdrawal card. Throws NOT_IN_READING_ROOM
 * when the cable has neither (whether or not it is archived: the archive is not the public's to probe).
 * @example (await readReadingRoom(store, "09STATE39345")).kind // "released"
 */
export async function readReadingRoom(store: Store, id: string): Promise<ReadingRoomItem> {
  const row = await store.db
    .selectFrom("reading_room")
    .selectAll()
    .where("cable_id", "=", archiveId(id))
    .executeTakeFirst();
  if (!row) {
    throw new CablegramError(
      "NOT_IN_READING_ROOM",
      `No released version or withdrawal card of ${JSON.stringify(id)} in the reading room.`,
      { id },
    );
  }
  const exemptions = JSON.parse(row.exemptions) as Exemption[];
  if (row.kind === "withdrawn") return { kind: "withdrawn", card: cardOf(row, exemptions) };
  return {
    kind: "released",
    version: {
      id: row.cable_id,
      outcome: row.outcome,
      reviewDate: row.review_date,
      reviewer: row.reviewer,
      exemptions,
      cable: JSON.parse(row.model) as Cable,
      telegram: row.telegram,
    },
  };
}

/**
 * Withdrawal cards, newest cable first, `limit` after the cable `after` (its id; null from the newest).
 * @example await listWithdrawals(store, { limit: 20 }) // { cards: [{ id: "09STATE39345", subject: null, ... }], next: null }
 */
export async function listWithdrawals(
  store: Store,
  options: { limit?: number; after?: string | null },
): Promise<{ cards: WithdrawalCard[]; next: string | null }> {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
  let query = store.db.selectFrom("reading_room").selectAll().where("kind", "=", "withdrawn");
  if (options.after) {
    const at = await store.db
      .selectFrom("reading_room")
      .select("seq")
      .where("cable_id", "=", archiveId(options.after))
      .executeTakeFirst();
    if (at) query = query.where("seq", "<", at.seq);
  }
  const rows = await query
    .orderBy("seq", "desc")
    .limit(limit + 1)
    .execute();
  const cards = rows.slice(0, limit).map((r) => cardOf(r, JSON.parse(r.exemptions) as Exemption[]));
  return { cards, next: rows.length > limit ? cards[cards.length - 1]!.id : null };
}

function cardOf(
  row: { cable_id: string; dtg: string | null; origin: string | null; subject: string | null; review_date: string },
  exemptions: Exemption[],
): WithdrawalCard {
  return {
    id: row.cable_id,
    dtg: row.dtg,
    origin: row.origin,
    subject: row.subject,
    exemptions,
    reviewDate: row.review_date,
  };
}

function topCounts(counts: Map<string, number> | undefined): FacetCount[] {
  if (!counts) return [];
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, FACET_SIZE);
}
