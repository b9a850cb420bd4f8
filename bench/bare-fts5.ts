// The yardstick of the archive benchmark: a bare SQLite FTS5 table fed the same texts, with nothing else stored.
import { statSync } from "node:fs";
import BetterSqlite3 from "better-sqlite3";
import { DEFAULT_BATCH } from "../src/services/import/import-paths.ts";
import { readLines } from "../src/services/import/read-lines.ts";
import { percentiles, timeRepeated, type Percentiles } from "./latency.ts";
import type { BenchQuery } from "./archive-queries.ts";

export type BareFigures = {
  rate: number;
  /** CPU milliseconds a cable while importing (user and system). */
  cpuPerCable: number;
  bytes: number;
  /** Per query label: latency of top 20 by rank plus the count of all matches. */
  latency: Map<string, Percentiles>;
  all: Percentiles;
};

/**
 * Loads the texts of a `{ "text" }` JSON Lines file into a bare FTS5 table (same pragmas and batch size as the
 * archive's import: WAL, synchronous NORMAL, DEFAULT_BATCH rows a transaction), then times each query that has a
 * bare form as "top 20 by rank, and the count of all matches", which is what a search page needs. At 500 rows a
 * transaction, as it once took, it imported 150,000 bench texts 1.5% slower (2,341 and 2,337/s against 2,376 and
 * 2,377/s at 2,000).
 * @example const bare = await measureBareFts5("/tmp/cables.jsonl", "/tmp/bare.db", QUERIES, 10)
 */
export async function measureBareFts5(
  jsonl: string,
  file: string,
  queries: readonly BenchQuery[],
  repeat: number,
  onProgress: (done: number) => void,
): Promise<BareFigures> {
  const db = new BetterSqlite3(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE VIRTUAL TABLE bare USING fts5(text)");
    const insert = db.prepare("INSERT INTO bare (text) VALUES (?)");
    const insertAll = db.transaction((texts: string[]) => {
      for (const text of texts) insert.run(text);
    });

    const started = performance.now();
    const cpuStart = process.cpuUsage();
    let batch: string[] = [];
    let done = 0;
    for await (const line of readLines(jsonl)) {
      if (!("text" in line) || line.text === "") continue;
      batch.push((JSON.parse(line.text) as { text: string }).text);
      if (batch.length === DEFAULT_BATCH) {
        insertAll(batch);
        done += batch.length;
        batch = [];
        onProgress(done);
      }
    }
    insertAll(batch);
    done += batch.length;
    const rate = (done * 1000) / (performance.now() - started);
    const cpu = process.cpuUsage(cpuStart);
    const cpuPerCable = (cpu.user + cpu.system) / 1000 / done;
    db.pragma("wal_checkpoint(TRUNCATE)");

    const top = db.prepare("SELECT rowid, rank FROM bare WHERE bare MATCH ? ORDER BY rank LIMIT 20");
    const count = db.prepare("SELECT count(*) AS n FROM bare WHERE bare MATCH ?");
    const latency = new Map<string, Percentiles>();
    const every: number[] = [];
    for (const q of queries) {
      if (q.bare === undefined) continue;
      const expr = q.bare;
      const samples = await timeRepeated(() => {
        top.all(expr);
        count.get(expr);
      }, repeat);
      latency.set(q.label, percentiles(samples));
      every.push(...samples);
    }
    return { rate, cpuPerCable, bytes: statSync(file).size, latency, all: percentiles(every) };
  } finally {
    db.close();
  }
}
