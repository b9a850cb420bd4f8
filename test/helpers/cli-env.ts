// An archive as the CLI finds it through its environment, for tests that drive commands with main().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, storeConfigFromEnv, type Dialect, type Store } from "../../src/store/open-store.ts";
import { pgAdmin, pgUrlInSchema, testSchemaName } from "./test-stores.ts";

/**
 * An empty archive named by environment variables, as an operator points the CLI at one: a data folder
 * (CABLEGRAM_DATA_DIR) for SQLite, or a PostgreSQL schema of its own (DATABASE_URL with its search_path).
 * `cleanup` removes it.
 * @example const { env, cleanup } = await cliEnv("postgres", "search_cli"); await main(["import", dir], memoryIo(env))
 */
export async function cliEnv(
  dialect: Dialect,
  prefix: string,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return { env: { CABLEGRAM_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = testSchemaName(prefix);
  await pgAdmin(`CREATE SCHEMA "${schema}"`);
  // The chain's key and trust file: a data folder of the test's own, not the user's default (key-place.ts).
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    env: { DATABASE_URL: pgUrlInSchema(schema), CABLEGRAM_DATA_DIR: dir },
    cleanup: async () => {
      await pgAdmin(`DROP SCHEMA "${schema}" CASCADE`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `work` on the archive `env` names, opened for it and closed after, as an operator's archive is closed while
 * a command runs on it.
 * @example await withStoreOf(env, (store) => loadDefaultDirectory(store))
 */
export async function withStoreOf<T>(env: Record<string, string>, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfigFromEnv(env));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
