// A benchmark's own PostgreSQL schema: its size once the import's pages are written out, and dropping it after.
import pg from "pg";

/**
 * Bytes of every table of `schema` with its indexes and TOAST, after a CHECKPOINT, so that the import's dirty
 * pages are written out now and not while it is searched (as SQLite's WAL is checkpointed before its files are sized).
 * @example await schemaBytes("postgres://postgres@127.0.0.1:5432/test", "bench_archive_123") // 431_000_000
 */
export async function schemaBytes(url: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CHECKPOINT");
    const r = await client.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0) AS bytes
         FROM pg_tables WHERE schemaname = $1`,
      [schema],
    );
    return Number(r.rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Drops `schema` and all it holds, if it exists.
 * @example await dropSchema("postgres://postgres@127.0.0.1:5432/test", "bench_archive_123")
 */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
