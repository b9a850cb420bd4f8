// PostgreSQL indexes adjacent words as pairs (migration 0013), so that phrases are found by the index alone: the
// pairs come with every cable archived, and an archive indexed before the migration gets them from it.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { searchCables } from "../src/services/search/index.ts";
import type { FtsTerm } from "../src/store/full-text.ts";
import { up as addWordPairs } from "../src/store/migrations/0013-word-pairs.ts";
import type { Store } from "../src/store/open-store.ts";
import { postgresFtsExpression } from "../src/store/postgres/postgres-full-text.ts";
import { wordPairs } from "../src/store/postgres/word-pairs.ts";
import { seed } from "./helpers/archive-fixtures.ts";
import { openTestStore } from "./helpers/test-stores.ts";

describe("word pairs", () => {
  const text = (words: string[], prefix = false): FtsTerm => ({ words, prefix, column: "text" });
  const pg = (term: FtsTerm) => postgresFtsExpression([term], []);

  it("are the distinct adjacent pairs of a normalised text, none with a stop word", () => {
    expect(wordPairs("the security council met the security council")).toEqual(["~security council", "~council met"]);
    expect(wordPairs("of the")).toEqual([]);
  });

  it("stand for a phrase on PostgreSQL: alone for two words, with the phrase for more, never for a prefix", () => {
    expect(pg(text(["security", "council"]))).toBe("(('~security council'))");
    expect(pg(text(["un", "security", "council"]))).toBe(
      "(('~un security' & '~security council' & ('un' <-> 'security' <-> 'council')))",
    );
    expect(pg(text(["security", "counc"], true))).toBe("(('security' <-> 'counc':*))");
    expect(pg(text(["the", "council"]))).toBe("(('the' <-> 'council'))");
    expect(postgresFtsExpression([text(["security", "council"])], [], { pairs: false })).toBe(
      "(('security' <-> 'council'))",
    );
  });
});

describe("postgres: word pairs for phrases", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore("postgres", "cg_pairs");
    await archiveCables(store, [{ cable: seed("08STATE16245").cable, raw: null }]);
  });
  afterAll(async () => store?.close());

  const lexemes = async () => {
    const { rows } = await sql<{ lexeme: string }>`SELECT lexeme FROM cable_fts, unnest(tsv)`.execute(store.db);
    return rows.map((r) => r.lexeme);
  };
  const ids = async (q: string) =>
    (await searchCables(store, SYSTEM_READER, { q, limit: 10 })).results.map((r) => r.id);

  it("indexes each pair of adjacent words of the subject and of the body, never across the two", async () => {
    const all = await lexemes();
    expect(all).toEqual(expect.arrayContaining(["~security council", "~demarche request", "~niact precedents"]));
    // No pair holds a stop word: "of the" would narrow no search.
    expect(all.filter((l) => /^~(the|of|for) | (the|of|for)$/.test(l))).toEqual([]);
    // The subject ends "... SECURITY COUNCIL DELIBERATIONS"; the body opens with its paragraph's words.
    expect(all.filter((l) => l.startsWith("~deliberations "))).toEqual([]);
    expect(all.every((l) => l.split(" ").length <= 2)).toBe(true);
  });

  it("gives an archive indexed without pairs the same pairs in migration 0013, after which phrases are found", async () => {
    // Stems (migration 0023) have no positions, which ts_filter drops with the pairs; only the pairs are this test's.
    const written = (await lexemes()).filter((l) => !l.startsWith("^")).sort();
    // The archive as it was before 0013: no pairs.
    await sql`UPDATE cable_fts SET tsv = ts_filter(tsv, '{a,b,c,d}')`.execute(store.db);
    expect((await lexemes()).some((l) => l.includes(" "))).toBe(false);
    expect(await ids('"security council"')).toEqual([]);
    await addWordPairs(store.db as never, "postgres");
    expect((await lexemes()).sort()).toEqual(written);
    expect(await ids('"security council"')).toEqual(["08STATE16245"]);
  });
});
