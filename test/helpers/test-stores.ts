// Real databases for tests: a fresh SQLite file or a PostgreSQL schema of its own per store, dropped on close;
// and an in-memory Io for driving CLI commands.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Io } from "../../src/cli/io.ts";
import { openStore, type Dialect, type Store } from "../../src/store/open-store.ts";

/** The test database server (trust auth); TEST_DATABASE_URL overrides it. */
export const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Every suite that touches the store runs once per dialect. */
export const DIALECTS: Dialect[] = ["sqlite", "postgres"];

/** A unique schema name for one test store. */
export function testSchemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Runs SQL on the test PostgreSQL server outside any store (creating and dropping schemas). */
export async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated store: an SQLite file in a temporary folder, or a PostgreSQL schema of its own. `close` removes
 * it again, so tests leave nothing behind.
 * @example const store = await openTestStore("postgres"); ...; await store.close()
 */
export async function openTestStore(dialect: Dialect, prefix = "cg_test"): Promise<Store> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    const store = await openStore({ dialect, file: join(dir, "cablegram.db") });
    return { ...store, close: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const schema = testSchemaName(prefix);
  // The chain's key and trust file go in a temporary folder too, not in the user's own (key-place.ts).
  const keys = mkdtempSync(join(tmpdir(), `${prefix}-keys-`));
  const store = await openStore({ dialect, url: PG_URL, schema, keys: { dir: keys } });
  return {
    ...store,
    close: async () => {
      await store.close();
      await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      rmSync(keys, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL URL whose connections use `schema`, for commands that read DATABASE_URL (the CLI, the server).
 * @example pgUrlInSchema("t1") // "postgres://...?options=-c%20search_path%3Dt1"
 */
export function pgUrlInSchema(schema: string): string {
  const separator = PG_URL.includes("?") ? "&" : "?";
  return `${PG_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** An Io that records what a command prints (and the bytes it writes) and feeds it `stdin` lines. */
export type MemoryIo = Io & { out: string[]; err: string[]; bytes: Uint8Array[] };

/**
 * An in-memory Io with the given environment and standard input.
 * @example const io = memoryIo({ CABLEGRAM_DATA_DIR: dir }, ["secret password"])
 */
export function memoryIo(env: Record<string, string>, stdin: readonly string[] = []): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  const bytes: Uint8Array[] = [];
  return {
    out,
    err,
    bytes,
    writeStdout: async (chunk) => void bytes.push(chunk),
    stdoutIsTerminal: false,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: async () => "",
    stdinLines: async function* () {
      yield* stdin;
    },
    env,
    interactive: false,
  };
}
