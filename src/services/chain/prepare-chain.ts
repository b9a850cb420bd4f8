// What a server start does for the chain: load (or make, or move out of the database) the signing key, write the
// trust file the first time, and chain the archived cables no link covers yet.
import { existsSync } from "node:fs";
import type { Store } from "../../store/open-store.ts";
import { chainUnchained } from "./chain-archived.ts";
import { signingKey } from "./signing-key.ts";
import { trustFileOf } from "./trust-file.ts";

/** What the start found and did, for its log. */
export type ChainSetup = {
  fingerprint: string;
  /** The trust file (null for an in-memory archive), and whether this start wrote it. */
  trustFile: string | null;
  trustCreated: boolean;
  /** True when the key folder is the per-user default of a PostgreSQL archive (no CABLEGRAM_DATA_DIR). */
  defaulted: boolean;
  /** Archived cables this start chained. */
  chained: number;
};

/**
 * Readies the chain for a server start: key, trust file, and a link set for the cables not chained yet.
 * @example await prepareChain(store) // { fingerprint: "SHA256:…", trustFile: "data/keys/chain-trust.json", trustCreated: true, ... }
 */
export async function prepareChain(
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<ChainSetup> {
  const trustFile = trustFileOf(store);
  const existed = trustFile !== null && existsSync(trustFile);
  const key = await signingKey(store);
  const chained = await chainUnchained(store, onProgress);
  return {
    fingerprint: key.fingerprint,
    trustFile,
    trustCreated: trustFile !== null && !existed,
    defaulted: store.keys.defaulted,
    chained,
  };
}
