// Yardsticks for PostgreSQL: a bare table with a tsvector column and a GIN index, fed the same texts, and the
// rate at which PostgreSQL makes tsvectors at all.
import pg from "pg";
import { readLines } from "../src/services/import/read-lines.ts";
import { ftsText } from "../src/store/full-text.ts";

/**
 * Inserts the first `limit` texts of a `{ "text" }` JSON Lines file into a bare PostgreSQL table (text, its
 * 'simple' tsvector, a GIN index) in transactions of 500, in a schema of its own that it drops, and returns the
 * rate in texts per second. It shows what full-text indexing alone costs on PostgreSQL, so that the archive's
 * PostgreSQL import rate can be read against its own database as well as against SQLite's FTS5.
 * @example await measureBarePostgres("/tmp/cables.jsonl", "postgres://postgres@127.0.0.1/test", 20000) // 403
 */
export async function measureBarePostgres(jsonl: string, url: string, limit: number): Promise<number> {
  const schema = `bench_bare_${process.pid}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query("CREATE TABLE bare (id serial PRIMARY KEY, text text, tsv tsvector)");
    await client.query("CREATE INDEX bare_tsv ON bare USING gin (tsv)");
    const insert = async (texts: string[]) => {
      await client.query("BEGIN");
      await client.query("INSERT INTO bare (text, tsv) SELECT t, to_tsvector('simple', t) FROM unnest($1::text[]) t", [
        texts,
      ]);
      await client.query("COMMIT");
    };
    const started = performance.now();
    let batch: string[] = [];
    let done = 0;
    for await (const line of readLines(jsonl)) {
      if (done + batch.length >= limit) break;
      if (!("text" in line) || line.text === "") continue;
      batch.push((JSON.parse(line.text) as { text: string }).text);
      if (batch.length === 500) {
        await insert(batch);
        done += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await insert(batch);
    done += batch.length;
    return (done * 1000) / (performance.now() - started);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

/**
 * How many of the first `limit` texts PostgreSQL turns into tsvectors a second with nothing stored: `to_tsvector`
 * over batches of 500, on `connections` connections at once, the texts in ftsText's form as the archive gives
 * them. No import that makes its tsvectors in PostgreSQL can go faster on this machine, whatever it stores.
 * @example await measurePostgresParsing("/tmp/cables.jsonl", "postgres://postgres@127.0.0.1/test", 20000, 2) // 2260
 */
export async function measurePostgresParsing(
  jsonl: string,
  url: string,
  limit: number,
  connections: number,
): Promise<number> {
  const batches: string[][] = [[]];
  let count = 0;
  for await (const line of readLines(jsonl)) {
    if (count >= limit) break;
    if (!("text" in line) || line.text === "") continue;
    if (batches.at(-1)!.length === 500) batches.push([]);
    batches.at(-1)!.push(ftsText((JSON.parse(line.text) as { text: string }).text));
    count += 1;
  }
  const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      clients.map(async (client) => {
        while (next < batches.length) {
          const texts = batches[next++]!;
          await client.query("SELECT sum(length(to_tsvector('simple', t))) FROM unnest($1::text[]) t", [texts]);
        }
      }),
    );
    return (count * 1000) / (performance.now() - started);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
