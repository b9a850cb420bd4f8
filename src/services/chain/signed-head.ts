// The chain's signed head: how many links it has and the last one's hash, signed, written with every append. Deleting
// the newest links leaves a head that names them; writing a new head needs the key, which the database does not hold.
import { createHash, type KeyObject } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import { canonicalJson } from "./canonical-json.ts";
import { checkSignature, signLink, type SigningKey } from "./signing-key.ts";
import type { ChainHead } from "./trust-file.ts";

const HEAD_KEY = "chain.head";

/** A head with its signature (base64). */
export type SignedHead = { links: number; head: string; signature: string };

/**
 * Signs and stores the head, in the append's transaction.
 * @example await writeSignedHead(tx, key, { links: 4, head: "9f2c…" })
 */
export async function writeSignedHead(tx: Kysely<Database>, key: SigningKey, head: ChainHead): Promise<void> {
  const links = head.links;
  const value = JSON.stringify({ links, head: head.head, signature: signLink(key, headDigest(links, head.head)) });
  await tx
    .insertInto("instance_state")
    .values({ key: HEAD_KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/**
 * The stored head, or null when there is none (an empty chain, or one the head was deleted from).
 * @example await readSignedHead(store.db) // { links: 4, head: "9f2c…", signature: "…" }
 */
export async function readSignedHead(db: Kysely<Database>): Promise<SignedHead | null> {
  const row = await db.selectFrom("instance_state").select("value").where("key", "=", HEAD_KEY).executeTakeFirst();
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as SignedHead;
    return { links: Number(value.links), head: String(value.head), signature: String(value.signature) };
  } catch {
    return { links: 0, head: "", signature: "" };
  }
}

/**
 * Whether the head's signature checks against `publicKey`.
 * @example headSigned(pinnedKey, await readSignedHead(store.db)) // true
 */
export function headSigned(publicKey: KeyObject, head: SignedHead): boolean {
  return checkSignature(publicKey, headDigest(head.links, head.head), head.signature);
}

/** What is signed: the SHA-256 of the head's canonical JSON. */
function headDigest(links: number, head: string | null): string {
  return createHash("sha256")
    .update(canonicalJson({ chainHead: { links, head } }))
    .digest("hex");
}
