// The operator's trust file, `keys/chain-trust.json`: the chain's public key and its head (links and last hash),
// outside the database. Written when the key is made, moved forward by every append, read by verify: a chain signed
// by another key, or shorter than the head recorded here, does not verify.
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { KeyObject } from "node:crypto";
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";

/** The trust file's name in the key folder. */
export const TRUST_FILE = "chain-trust.json";

/** A head of the chain: how many links, and the last link's hash (null for none). */
export type ChainHead = { links: number; head: string | null };

/** What the trust file holds. */
export type Trust = ChainHead & {
  /** The chain's public key, base64 SPKI DER. */
  publicKey: string;
  fingerprint: string;
};

/**
 * The trust file of an archive, or null for an in-memory one.
 * @example trustFileOf(store) // "data/keys/chain-trust.json"
 */
export function trustFileOf(store: Store): string | null {
  return store.keys.dir === null ? null : join(store.keys.dir, TRUST_FILE);
}

/**
 * Reads a trust file (or the operator's copy of one); null when there is none. A file that is not one is
 * CHAIN_TRUST_INVALID, naming it: verify must not quietly go on without the operator's head.
 * @example readTrust("data/keys/chain-trust.json") // { publicKey: "MCow…", fingerprint: "SHA256:…", links: 3, head: "9f…" }
 */
export function readTrust(file: string): Partial<Trust> | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<Trust>;
    if (value && typeof value === "object" && (value.links === undefined || Number.isInteger(value.links))) {
      return value;
    }
  } catch {
    // Reported below.
  }
  throw new CablegramError(
    "CHAIN_TRUST_INVALID",
    `${file} is not a chain trust file (JSON with publicKey, links and head); restore it from your copy`,
    { file },
  );
}

/**
 * Writes the trust file when there is none yet, with the key and the chain's head as it is now (the first start
 * trusts what it finds). Answers whether it wrote one.
 * @example await ensureTrustFile(store, key) // true the first time
 */
export async function ensureTrustFile(
  store: Store,
  key: { publicKey: KeyObject; fingerprint: string },
): Promise<boolean> {
  const file = trustFileOf(store);
  if (file === null || readTrust(file) !== null) return false;
  const last = await store.db
    .selectFrom("chain_links")
    .select(["seq", "link_hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const publicKey = key.publicKey.export({ type: "spki", format: "der" }).toString("base64");
  writeTrust(file, {
    publicKey,
    fingerprint: key.fingerprint,
    links: last ? Number(last.seq) : 0,
    head: last?.link_hash ?? null,
  });
  return true;
}

/**
 * Moves the trust file's head forward to `head`, after the append that made it committed. A head behind the
 * recorded one (another process appended meanwhile) leaves it as it is.
 * @example recordHead(store, { links: 4, head: "9f2c…" })
 */
export function recordHead(store: Store, head: ChainHead): void {
  const file = trustFileOf(store);
  const trust = file === null ? null : readTrust(file);
  if (file === null || trust === null || (trust.links ?? 0) >= head.links) return;
  writeTrust(file, { ...trust, links: head.links, head: head.head });
}

/** Writes the file whole and renames it into place, so a reader never sees half of it. */
function writeTrust(file: string, trust: Partial<Trust>): void {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  const { publicKey, fingerprint, links, head } = trust;
  writeFileSync(draft, `${JSON.stringify({ publicKey, fingerprint, links, head }, null, 2)}\n`, { mode: 0o644 });
  renameSync(draft, file);
}
