// Where the chain's signing key and the operator's trust file are kept: on the node, never in the database, so
// that whoever can write the database still cannot sign a chain of their own.
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";

/** Where the chain signing key comes from, and the folder of the trust file. */
export type KeyPlace = {
  /**
   * Folder of `chain-signing.key` (mode 0600) and `chain-trust.json`: `keys` in the data folder; null for an
   * in-memory archive, whose key lives as long as the process.
   */
  dir: string | null;
  /** The key file CABLEGRAM_SIGNING_KEY_FILE names, instead of the one in `dir`. */
  keyFile: string | null;
  /** The key CABLEGRAM_SIGNING_KEY gives (PEM, or base64 PKCS#8 DER). */
  keyText: string | null;
  /** True when `dir` is the per-user default of a PostgreSQL archive without CABLEGRAM_DATA_DIR. */
  defaulted: boolean;
};

/**
 * The key settings of the environment: CABLEGRAM_SIGNING_KEY, CABLEGRAM_SIGNING_KEY_FILE, and the folder
 * `$CABLEGRAM_DATA_DIR/keys` (SQLite's data folder, also for PostgreSQL when set).
 * @example keySettingsFromEnv({ CABLEGRAM_DATA_DIR: "/srv/cg" }).dir // "/srv/cg/keys"
 */
export function keySettingsFromEnv(env: NodeJS.ProcessEnv): Partial<KeyPlace> {
  return {
    ...(env.CABLEGRAM_DATA_DIR ? { dir: join(env.CABLEGRAM_DATA_DIR, "keys") } : {}),
    ...(env.CABLEGRAM_SIGNING_KEY_FILE ? { keyFile: env.CABLEGRAM_SIGNING_KEY_FILE } : {}),
    ...(env.CABLEGRAM_SIGNING_KEY ? { keyText: env.CABLEGRAM_SIGNING_KEY } : {}),
  };
}

/**
 * The key place of an archive: the settings given, else `keys` beside an SQLite file, else (PostgreSQL) a folder
 * of the user's own per database, `~/.local/share/cablegram/keys/<hash of the URL and schema>`.
 * @example keyPlaceOf({ dir: "/srv/cg/keys" }, null).dir // "/srv/cg/keys"
 */
export function keyPlaceOf(
  given: Partial<KeyPlace> | undefined,
  fallback: { dir: string } | { url: string } | null,
): KeyPlace {
  const keyFile = given?.keyFile ?? null;
  const keyText = given?.keyText ?? null;
  if (given?.dir) return { dir: given.dir, keyFile, keyText, defaulted: false };
  if (fallback === null) return { dir: null, keyFile, keyText, defaulted: false };
  if ("dir" in fallback) return { dir: join(fallback.dir, "keys"), keyFile, keyText, defaulted: false };
  const database = createHash("sha256").update(fallback.url).digest("hex").slice(0, 16);
  return { dir: join(homedir(), ".local/share/cablegram/keys", database), keyFile, keyText, defaulted: true };
}
