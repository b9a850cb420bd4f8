// Opens the database: embedded SQLite (WAL) by default, PostgreSQL when a postgres:// URL is given.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database.ts";
import { keyPlaceOf, keySettingsFromEnv, type KeyPlace } from "./key-place.ts";
import { migrateToLatest } from "./migrate.ts";
import { postgresStore } from "./postgres/postgres-store.ts";
import { attachSearchIndex, searchFileOf } from "./search-index.ts";
import { sqliteStore } from "./sqlite/sqlite-store.ts";
import { cachingStatements } from "./statement-cache.ts";
import type { StatementTimings } from "./statement-timings.ts";
import type { Store } from "./store.ts";

export type { Dialect, Store } from "./store.ts";

/**
 * Where the data lives: an SQLite file (or `:memory:`) or a PostgreSQL URL, optionally in a schema of its own; and
 * where the chain's signing key is kept instead (key-place.ts).
 */
export type StoreConfig = (
  { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string; schema?: string }
) & {
  keys?: Partial<KeyPlace>;
  /** Records how long each statement takes (statement-timings.ts); off when absent. */
  timings?: StatementTimings;
};

/**
 * Reads the store configuration from the environment: `DATABASE_URL=postgres://...` selects PostgreSQL,
 * otherwise SQLite in `$CABLEGRAM_DATA_DIR/cablegram.db` (default `./data`).
 * @example storeConfigFromEnv({}) // { dialect: "sqlite", file: "data/cablegram.db" }
 */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env.DATABASE_URL;
  const keys = keySettingsFromEnv(env);
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", url, keys };
  const dir = env.CABLEGRAM_DATA_DIR ?? "data";
  return { dialect: "sqlite", file: `${dir}/cablegram.db`, keys };
}

/**
 * Where a configuration keeps the data, for a log line: the SQLite file, or PostgreSQL without its URL (which may
 * hold a password).
 * @example storeLocation({ dialect: "sqlite", file: "data/cablegram.db" }) // "data/cablegram.db"
 */
export function storeLocation(config: StoreConfig): string {
  return config.dialect === "sqlite" ? config.file : "PostgreSQL (DATABASE_URL)";
}

/**
 * Opens the store and brings its schema up to date.
 * @example const store = await openStore({ dialect: "sqlite", file: ":memory:" })
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.dialect === "sqlite") {
    if (config.file !== ":memory:") mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new BetterSqlite3(config.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    // 64 MB of page cache (the default is 2 MB): imports touch the archive's tables and full-text index all over.
    sqlite.pragma("cache_size = -65536");
    sqlite.pragma("foreign_keys = ON");
    // The CLI and the server may share the file; wait for the other's write instead of failing at once.
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
      ...(config.timings ? { log: config.timings.log } : {}),
    });
    await migrateToLatest(db, "sqlite");
    attachSearchIndex(sqlite, config.file);
    const searchFile = searchFileOf(config.file) === ":memory:" ? null : searchFileOf(config.file);
    const keys = keyPlaceOf(config.keys, config.file === ":memory:" ? null : { dir: dirname(config.file) });
    return sqliteStore(db, sqlite, searchFile, keys);
  }
  const pool = new pg.Pool({ connectionString: withSessionSettings(config.url, config.schema), max: 10 });
  if (config.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(config.schema)}`);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(config.timings ? { log: config.timings.log } : {}),
  });
  // A URL may pick the schema itself (options=-c search_path=...): migrate the one its connections use.
  const schema = config.schema ?? (await pool.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]?.s;
  await migrateToLatest(db, "postgres", schema);
  const keys = keyPlaceOf(config.keys, { url: `${config.url}#${schema ?? ""}` });
  return postgresStore(db, keys);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Adds the session settings every connection needs to the URL's `options`, so the server applies them at connect
 * time. (Issuing `SET` from the pool's connect event instead races the first query on the same client.)
 * JIT is off: the search queries look costly to the planner, which would then spend longer compiling them than
 * compiling saves.
 * @example withSessionSettings("postgres://h/db", "t1") // "postgres://h/db?options=-c+jit%3Doff+-c+search_path%3D%22t1%22"
 */
function withSessionSettings(url: string, schema: string | undefined): string {
  const parsed = new URL(url);
  const settings = [
    "-c jit=off",
    ...(schema ? [`-c search_path=${quoteIdentifier(schema).replace(/ /g, "\\ ")}`] : []),
  ];
  const existing = parsed.searchParams.get("options");
  parsed.searchParams.set("options", [existing, ...settings].filter(Boolean).join(" "));
  return parsed.toString();
}
