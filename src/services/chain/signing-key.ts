// The installation's Ed25519 key that signs the chain, made on first use. With SQLite the private key is a file
// beside the database (mode 0600), so a copy of the database alone cannot re-sign a forged chain; with PostgreSQL
// it is kept in the instance table. The public half is always in the instance table: `cablegram verify` needs
// no secret.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Store } from "../../store/open-store.ts";

/** The private key file's name, beside an SQLite database. */
export const KEY_FILE = "chain-signing-key.pem";

const PRIVATE_KEY = "chain.ed25519.private";
const PUBLIC_KEY = "chain.ed25519.public";

/** The chain's key pair. */
export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject };

const cache = new WeakMap<Store["db"], SigningKey>();

/**
 * The installation's signing key, generated and stored on first use. Two processes starting at once agree: the
 * first to write wins and both read it back. Throws when a key is found that does not match the public key the
 * chain was signed with (a data folder mixed up with another installation's).
 * @example const key = await signingKey(store); signLink(key, hash)
 */
export async function signingKey(store: Store): Promise<SigningKey> {
  const known = cache.get(store.db);
  if (known) return known;
  const file = keyFileOf(store);
  let pem = file ? readKeyFile(file) : null;
  pem ??= await readState(store, PRIVATE_KEY);
  if (pem === null) {
    if (file && (await readState(store, PUBLIC_KEY)) !== null) {
      throw new Error(`the chain signing key ${file} is missing; restore it from the installation's backup`);
    }
    const generated = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    pem = file ? writeKeyFile(file, generated) : await storePrivateKey(store, generated);
  }
  const privateKey = createPrivateKey(pem);
  const publicPem = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
  await store.db
    .insertInto("instance_state")
    .values({ key: PUBLIC_KEY, value: publicPem })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  if ((await readState(store, PUBLIC_KEY)) !== publicPem) {
    throw new Error("the chain signing key does not match the public key the chain was signed with");
  }
  const key = { privateKey, publicKey: createPublicKey(privateKey) };
  cache.set(store.db, key);
  return key;
}

/** The key file beside an SQLite database file; null for PostgreSQL and in-memory databases. */
function keyFileOf(store: Store): string | null {
  const name = store.sqlite?.name;
  if (!name || name === ":memory:" || store.sqlite?.memory) return null;
  return join(dirname(name), KEY_FILE);
}

function readKeyFile(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Writes the key only if no other process did first (then theirs is read back), owner read/write only. The key is
 * written to a file of its own and linked into place, so nobody ever reads a half-written key.
 */
function writeKeyFile(file: string, pem: string): string {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, pem, { flag: "wx", mode: 0o600 });
  try {
    linkSync(draft, file);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8");
  } finally {
    unlinkSync(draft);
  }
}

async function storePrivateKey(store: Store, pem: string): Promise<string> {
  await store.db
    .insertInto("instance_state")
    .values({ key: PRIVATE_KEY, value: pem })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return (await readState(store, PRIVATE_KEY)) ?? pem;
}

/**
 * The public key that checks the chain's signatures, or null before the first release.
 * @example await chainPublicKey(store) // KeyObject | null
 */
export async function chainPublicKey(store: Store): Promise<KeyObject | null> {
  const pem = await readState(store, PUBLIC_KEY);
  return pem === null ? null : createPublicKey(pem);
}

/**
 * Signs a link hash; base64.
 * @example signLink(key, linkHash) // "kq3...=="
 */
export function signLink(key: SigningKey, hash: string): string {
  return sign(null, Buffer.from(hash, "hex"), key.privateKey).toString("base64");
}

/**
 * Whether a signature of a link hash is good.
 * @example checkSignature(publicKey, hash, signature) // true
 */
export function checkSignature(publicKey: KeyObject, hash: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(hash, "hex"), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

async function readState(store: Store, key: string): Promise<string | null> {
  const row = await store.db.selectFrom("instance_state").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value ?? null;
}
