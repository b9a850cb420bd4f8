// Which archive the environment names, checked: a DATABASE_URL that is not PostgreSQL's must not quietly mean the
// embedded SQLite archive in ./data, which would look like an empty archive rather than a typing mistake.
import { storeConfigFromEnv, type StoreConfig } from "../store/open-store.ts";
import { CablegramError } from "./errors.ts";

/**
 * The store configuration of the environment (`storeConfigFromEnv`), refusing a DATABASE_URL of another scheme
 * with SETTING_INVALID. The message names the scheme only: the URL may hold a password.
 * @example storeSettingsFromEnv({ DATABASE_URL: "postgres://127.0.0.1/test" }).dialect // "postgres"
 */
export function storeSettingsFromEnv(env: NodeJS.ProcessEnv): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//i.test(url)) {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? "no scheme";
    throw new CablegramError(
      "SETTING_INVALID",
      `DATABASE_URL (${scheme}) is not a PostgreSQL URL: give postgres://user@host:5432/database, or unset it ` +
        `for the embedded archive in CABLEGRAM_DATA_DIR (default ./data).`,
      { variable: "DATABASE_URL", scheme },
    );
  }
  return storeConfigFromEnv(env);
}
