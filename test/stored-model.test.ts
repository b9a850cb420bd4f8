// How the archive stores a cable's model, on SQLite and PostgreSQL: a telegram import keeps its verbatim text and
// the hints it was parsed with, not a second copy of the cable as JSON (migration 0014), and reads back the cable
// the import archived; cables that came as JSON, or were released here, keep their JSON.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { readCable } from "../src/services/archive/read-cable.ts";
import { modelOf } from "../src/services/archive/stored-model.ts";
import { importPaths } from "../src/services/import/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { CORPUS_DIR, corpusIndexEntries, sharedAvailable } from "./helpers/shared-data.ts";
import { readSeed, SEEDS_DIR } from "./helpers/seeds.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const hasData = sharedAvailable("corpus/cablegate/index.jsonl", "stored models of imported telegrams");

/** Cables whose corpus index overrules the parsed id or classification: only the stored hints can restore them. */
const OVERRULED = ["08RABAT727", "09HAVANA132", "09TBILISI1123", "88BAGHDAD28"];

type StoredRow = {
  id: string;
  subject: string | null;
  dtg: string | null;
  origin: string | null;
  classification: string | null;
  model: string;
  raw: string | null;
  parse_hints: string | null;
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cablegram-stored-model-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(DIALECTS)("%s: stored models", (dialect) => {
  let store: Store;
  let rows: StoredRow[];
  const released = parseTelegram(readSeed("08STATE16245"));

  beforeAll(async () => {
    store = await openTestStore(dialect, "stored_model");
    if (!hasData) return;
    // Every 11th corpus cable and the overruled ones, through a parse worker; the seeds inline; one cable as JSON.
    const corpus = join(work, `${dialect}-corpus`);
    mkdirSync(corpus, { recursive: true });
    const chosen = corpusIndexEntries().filter((e, i) => i % 11 === 0 || OVERRULED.includes(e.id));
    for (const e of chosen) copyFileSync(join(CORPUS_DIR, e.file), join(corpus, e.file));
    writeFileSync(join(corpus, "index.jsonl"), chosen.map((e) => `${JSON.stringify(e)}\n`).join(""));
    await importPaths(store, [corpus], { workers: 1 });
    await importPaths(store, [SEEDS_DIR], { workers: 0 });
    const json = join(work, `${dialect}-model.jsonl`);
    writeFileSync(json, `${JSON.stringify({ ...released, id: "08STATE99999", serial: 99999 })}\n`);
    await importPaths(store, [json]);
    const result = await sql<StoredRow>`
      SELECT c.id, c.subject, c.dtg, c.origin, c.classification, t.model, t.raw, t.parse_hints
      FROM cables c JOIN cable_texts t ON t.seq = c.seq ORDER BY c.id`.execute(store.db);
    rows = result.rows;
  });
  afterAll(async () => store?.close());

  describe.skipIf(!hasData)("after importing telegrams and a cable's JSON", () => {
    it("keeps an imported telegram's text and hints, with no JSON copy of the cable", () => {
      const telegrams = rows.filter((r) => r.id !== "08STATE99999");
      expect(telegrams.length).toBeGreaterThan(100);
      for (const row of telegrams) {
        expect({ id: row.id, model: row.model, hasText: row.raw !== null, hasHints: row.parse_hints !== null }).toEqual(
          { id: row.id, model: "", hasText: true, hasHints: true },
        );
      }
    });

    it("keeps the JSON of a cable imported as JSON, with no hints", () => {
      const row = rows.find((r) => r.id === "08STATE99999")!;
      expect(row.parse_hints).toBeNull();
      expect(row.raw).toBeNull();
      expect(JSON.parse(row.model)).toMatchObject({ id: "08STATE99999", subject: released.subject });
    });

    it("reads back, for every cable, the model its columns were written from", async () => {
      for (const row of rows) {
        const cable = (await readCable(store, SYSTEM_READER, row.id))!.cable;
        expect({ id: cable.id, subject: cable.subject, dtg: cable.dtg, classification: cable.classification }).toEqual({
          id: row.id,
          subject: row.subject,
          dtg: row.dtg,
          classification: row.classification,
        });
        expect(cable.origin).toBe(row.origin);
      }
    });

    it("applies the corpus index's id and classification again when it reads an overruled cable back", async () => {
      for (const id of OVERRULED) {
        const row = rows.find((r) => r.id === id)!;
        const parsedAlone = parseTelegram(row.raw!);
        const cable = (await readCable(store, SYSTEM_READER, id))!.cable;
        expect(parsedAlone.id === id && parsedAlone.classification === cable.classification).toBe(false);
        expect(cable.id).toBe(id);
        expect(cable.warnings.filter((w) => w.code === "import_override").length).toBeGreaterThan(0);
      }
    });
  });
});

describe("modelOf", () => {
  it("says that a stored text no longer parses rather than inventing a cable", () => {
    expect(() => modelOf({ model: "", raw: "not a telegram", parse_hints: "{}" })).toThrow(
      "an archived telegram no longer parses (NO_CABLE_ID)",
    );
  });

  it("decodes a stored JSON model when there are no hints", () => {
    const cable = parseTelegram("UNCLAS STATE 016245\nSUBJECT: A TEST\n1. TEXT.\n");
    expect(modelOf({ model: JSON.stringify(cable), raw: null, parse_hints: null })).toEqual(cable);
  });
});
