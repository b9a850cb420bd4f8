// English stemming in search (issue 17 item 11): an unquoted word finds the other forms of it, a cable with the word
// as written ranks above one with only another form, quoted words stay exact, and snippets mark every form found.
// Archives indexed before stems get them: SQLite's index file is rebuilt, PostgreSQL's rows by migration 0023.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOfParagraphs, type Cable } from "../src/core/index.ts";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables, repairSearchIndex } from "../src/services/archive/index.ts";
import { searchCables } from "../src/services/search/index.ts";
import { englishStem } from "../src/store/english-stem.ts";
import { up as addStems } from "../src/store/migrations/0023-english-stems.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { SEARCH_SCHEMA } from "../src/store/search-index.ts";
import { seed, variantOf } from "./helpers/archive-fixtures.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

/** A cable with the given subject, text and date, else the seed's. */
function cable(id: string, subject: string, text: string, dtg: string): Cable {
  const paragraphs = [{ number: 1, marking: null, text }];
  return variantOf(seed("08STATE16245").cable, {
    id,
    subject,
    dtg,
    paragraphs,
    body: bodyOfParagraphs(paragraphs),
    references: [],
  });
}

const CABLES = [
  cable("08PRISTINA1", "STATUS TALKS", "Kosovo asks partners to recognize its independence.", "2008-02-01T10:00:00Z"),
  // Newer, and the other form twice in its subject: date order or a stem weighed like a word would put it first.
  cable("08PRISTINA2", "RECOGNIZED, RECOGNIZING", "Kosovo was recognized by Albania.", "2008-03-01T10:00:00Z"),
  cable("08PRISTINA3", "FIGURES", "Kosovo trade grew; ministers meet monthly.", "2008-04-01T10:00:00Z"),
];

describe("english stems", () => {
  it("are Porter's: the forms of a word share one, and other words keep theirs", () => {
    expect(["recognize", "recognized", "recognizes", "recognizing"].map(englishStem)).toEqual(Array(4).fill("recogn"));
    expect(englishStem("recognition")).toBe("recognit");
    expect(["ponies", "relational", "hopping", "states", "kosovo", "1244"].map(englishStem)).toEqual([
      "poni",
      "relat",
      "hop",
      "state",
      "kosovo",
      "1244",
    ]);
  });
});

describe.each(DIALECTS)("%s: stemmed search", (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_stems");
    await archiveCables(
      store,
      CABLES.map((c) => ({ cable: c, raw: null })),
    );
  });
  afterAll(async () => {
    await store.close();
  });

  const search = (q: string, sort: "relevance" | "date" = "relevance") =>
    searchCables(store, SYSTEM_READER, { q, limit: 10, sort });
  const ids = async (q: string) => (await search(q)).results.map((r) => r.id);

  it("finds every form of an unquoted word, with the other words of the query", async () => {
    expect((await ids("kosovo recognized")).sort()).toEqual(["08PRISTINA1", "08PRISTINA2"]);
    expect((await ids("kosovo recognizes")).sort()).toEqual(["08PRISTINA1", "08PRISTINA2"]);
    expect(await ids("meetings")).toEqual(["08PRISTINA3"]);
    expect((await search("kosovo recognize", "date")).total).toBe(2);
  });

  it("ranks a cable with the word as written above one with only another form of it", async () => {
    expect(await ids("recognize")).toEqual(["08PRISTINA1", "08PRISTINA2"]);
    expect(await ids("kosovo recognize")).toEqual(["08PRISTINA1", "08PRISTINA2"]);
    expect(await ids("recognizing")).toEqual(["08PRISTINA2", "08PRISTINA1"]);
  });

  it("keeps a quoted word or phrase, a prefix and an exclusion exact", async () => {
    expect(await ids('"recognize"')).toEqual(["08PRISTINA1"]);
    expect(await ids('"to recognize"')).toEqual(["08PRISTINA1"]);
    expect((await ids("recogniz*")).sort()).toEqual(["08PRISTINA1", "08PRISTINA2"]);
    expect((await ids("kosovo -recognized")).sort()).toEqual(["08PRISTINA1", "08PRISTINA3"]);
  });

  it("marks the forms it found in the snippet", async () => {
    const hits = (await search("recognize")).results;
    expect(hits.find((h) => h.id === "08PRISTINA1")?.snippet).toContain("partners to <mark>recognize</mark> its");
    expect(hits.find((h) => h.id === "08PRISTINA2")?.snippet).toContain("Kosovo was <mark>recognized</mark> by");
  });
});

describe("postgres: migration 0023", () => {
  it("gives the rows indexed before it their stems", async () => {
    const store = await openTestStore("postgres", "cg_stems_migration");
    try {
      await archiveCables(
        store,
        CABLES.map((c) => ({ cable: c, raw: null })),
      );
      // The rows as written before stems were indexed.
      await sql`UPDATE cable_fts SET tsv = ts_delete(tsv, ARRAY(SELECT lexeme FROM unnest(tsv) WHERE lexeme LIKE '^%'))`.execute(
        store.db,
      );
      const found = async () => (await searchCables(store, SYSTEM_READER, { q: "recognizing", limit: 10 })).total;
      expect(await found()).toBe(1);
      await addStems(store.db as never, "postgres");
      expect(await found()).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe("sqlite: an index file made before stems", () => {
  it("is emptied when the archive is opened and indexed again, with progress, finding every form", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cablegram-stems-"));
    const file = join(dir, "cablegram.db");
    try {
      let store = await openStore({ dialect: "sqlite", file });
      await archiveCables(
        store,
        CABLES.map((c) => ({ cable: c, raw: null })),
      );
      // The index as made before migration 0023: no stems column.
      const db = store.sqlite!;
      db.exec(`DROP TABLE ${SEARCH_SCHEMA}.cable_fts`);
      db.exec(`CREATE VIRTUAL TABLE ${SEARCH_SCHEMA}.cable_fts USING fts5(subject, body, meta, content='')`);
      await store.close();

      store = await openStore({ dialect: "sqlite", file });
      const progress: [number, number][] = [];
      expect(await repairSearchIndex(store, (done, total) => progress.push([done, total]))).toBe(3);
      expect(progress).toEqual([[3, 3]]);
      expect((await searchCables(store, SYSTEM_READER, { q: "recognizing", limit: 10 })).total).toBe(2);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
