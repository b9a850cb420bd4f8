// The installation's Ed25519 key that signs the chain. It is never kept in the database, so that whoever can write
// the database cannot sign a chain of their own: it comes from CABLEGRAM_SIGNING_KEY, or from a file readable by the
// server's user only (CABLEGRAM_SIGNING_KEY_FILE, else `keys/chain-signing.key` in the data folder), made on first
// use. A key an older installation kept in the database (or beside the SQLite file) is moved into that file and
// deleted there. The public half is in the instance table, but verify trusts the one the operator pinned.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { ensureTrustFile } from "./trust-file.ts";

/** The private key file's name in the key folder. */
export const KEY_FILE = "chain-signing.key";
/** Where installations kept the key beside an SQLite database before it had a key folder. */
const LEGACY_KEY_FILE = "chain-signing-key.pem";
/** Where installations on PostgreSQL kept the key before: moved out on first use, then deleted. */
const LEGACY_PRIVATE_KEY = "chain.ed25519.private";
const PUBLIC_KEY = "chain.ed25519.public";

/** The chain's key pair, with the public key's fingerprint. */
export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; fingerprint: string };

/** Keys by where they come from: a store and the transactions made from it share one. */
const cache = new WeakMap<Store["keys"], SigningKey>();

/**
 * The installation's signing key, from the environment or its key file, made (or moved out of the database) on
 * first use; the trust file is written then too. Two processes starting at once agree: the first to write the
 * file wins and both read it back. Throws CHAIN_KEY_MISSING when the chain exists but its key file does not, and
 * CHAIN_KEY_MISMATCH when the key found is not the one the chain was signed with.
 * @example const key = await signingKey(store); signLink(key, hash)
 */
export async function signingKey(store: Store): Promise<SigningKey> {
  const known = cache.get(store.keys);
  if (known) return known;
  const legacyRow = await readState(store, LEGACY_PRIVATE_KEY);
  const legacyFile = legacyKeyFile(store);
  const privateKey = await loadPrivateKey(store, legacyRow ?? (legacyFile ? readKeyFile(legacyFile) : null));
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  await store.db
    .insertInto("instance_state")
    .values({ key: PUBLIC_KEY, value: publicPem })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  if ((await readState(store, PUBLIC_KEY)) !== publicPem) {
    throw new CablegramError(
      "CHAIN_KEY_MISMATCH",
      `the chain signing key (${keyOrigin(store)}) is not the key this archive's chain was signed with; ` +
        `restore the archive's own key file from its backup`,
    );
  }
  // Only now that the key is safely outside, and is the chain's, does the database's copy go.
  if (legacyRow !== null) {
    await store.db.deleteFrom("instance_state").where("key", "=", LEGACY_PRIVATE_KEY).execute();
  }
  const file = keyFileOf(store);
  if (legacyFile && file && legacyFile !== file && readKeyFile(legacyFile) === readKeyFile(file))
    unlinkSync(legacyFile);
  const key = { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
  await ensureTrustFile(store, key);
  cache.set(store.keys, key);
  return key;
}

async function loadPrivateKey(store: Store, legacy: string | null): Promise<KeyObject> {
  if (store.keys.keyText !== null) return privateKeyOf(store.keys.keyText, "CABLEGRAM_SIGNING_KEY");
  const file = keyFileOf(store);
  // An in-memory archive lives as long as the process: so does its key.
  if (file === null) return privateKeyOf(legacy ?? generatePem(), "the in-memory key");
  let pem = readKeyFile(file);
  if (pem === null) {
    if (legacy === null && (await readState(store, PUBLIC_KEY)) !== null) {
      throw new CablegramError(
        "CHAIN_KEY_MISSING",
        `the chain signing key ${file} is missing, and this archive's chain is signed; restore the file from ` +
          `the installation's backup (or give it in CABLEGRAM_SIGNING_KEY_FILE or CABLEGRAM_SIGNING_KEY)`,
        { file },
      );
    }
    pem = writeKeyFile(file, legacy ?? generatePem());
  }
  return privateKeyOf(pem, file);
}

/** The key file: CABLEGRAM_SIGNING_KEY_FILE, else the key folder's; null for an in-memory archive. */
function keyFileOf(store: Store): string | null {
  if (store.keys.keyFile !== null) return store.keys.keyFile;
  return store.keys.dir === null ? null : join(store.keys.dir, KEY_FILE);
}

/** Where the key was read from, for messages; never the key. */
function keyOrigin(store: Store): string {
  return store.keys.keyText !== null ? "CABLEGRAM_SIGNING_KEY" : (keyFileOf(store) ?? "in memory");
}

/** The file beside an SQLite database where installations kept the key before it had a key folder. */
function legacyKeyFile(store: Store): string | null {
  return store.searchFile ? join(dirname(store.searchFile), LEGACY_KEY_FILE) : null;
}

function generatePem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** A private Ed25519 key from PEM or base64 PKCS#8 DER; CHAIN_KEY_INVALID naming `where` otherwise. */
function privateKeyOf(text: string, where: string): KeyObject {
  try {
    const key = text.includes("-----BEGIN")
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "pkcs8" });
    if (key.asymmetricKeyType === "ed25519") return key;
  } catch {
    // Reported below, as any other key that is not an Ed25519 private key.
  }
  throw new CablegramError(
    "CHAIN_KEY_INVALID",
    `${where} is not an Ed25519 private key: give it as PEM or base64 PKCS#8 ` +
      `(openssl genpkey -algorithm ed25519 makes one)`,
    { where },
  );
}

/**
 * A public key from PEM or base64 SPKI DER (as the trust file holds it); CHAIN_KEY_INVALID naming `where` otherwise.
 * @example publicKeyOf(trust.publicKey, "keys/chain-trust.json").asymmetricKeyType // "ed25519"
 */
export function publicKeyOf(text: string, where: string): KeyObject {
  try {
    const key = text.includes("-----BEGIN")
      ? createPublicKey(text)
      : createPublicKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType === "ed25519") return key;
  } catch {
    // Reported below, as any other key that is not an Ed25519 public key.
  }
  throw new CablegramError(
    "CHAIN_KEY_INVALID",
    `${where} is not an Ed25519 public key: give the chain-trust.json file, or the key as PEM or base64 SPKI`,
    { where },
  );
}

/**
 * The public key as base64 SPKI DER: one line, as the trust file and `verify --public-key` take it.
 * @example publicKeyText(key.publicKey) // "MCowBQYDK2VwAyEA…"
 */
export function publicKeyText(publicKey: KeyObject): string {
  return publicKey.export({ type: "spki", format: "der" }).toString("base64");
}

/**
 * A public key's fingerprint, as SSH writes one: SHA-256 of its SPKI DER, base64 without padding.
 * @example fingerprintOf(key.publicKey) // "SHA256:3q2+7w…"
 */
export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: "spki", format: "der" });
  return `SHA256:${createHash("sha256").update(der).digest("base64").replace(/=+$/, "")}`;
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
 * Writes the key only if no other process did first (then theirs is read back), owner read/write only, in a folder
 * only the owner may enter. The key is written to a file of its own and linked into place, so nobody ever reads a
 * half-written key.
 */
function writeKeyFile(file: string, pem: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
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

/**
 * The public key stored with the chain, or null before the first link. Anyone who can write the database can
 * replace it: verify checks it against the pinned key.
 * @example await chainPublicKey(store) // KeyObject | null
 */
export async function chainPublicKey(store: Store): Promise<KeyObject | null> {
  const pem = await readState(store, PUBLIC_KEY);
  return pem === null ? null : createPublicKey(pem);
}

/**
 * Signs a hash (hex); base64.
 * @example signLink(key, linkHash) // "kq3...=="
 */
export function signLink(key: SigningKey, hash: string): string {
  return sign(null, Buffer.from(hash, "hex"), key.privateKey).toString("base64");
}

/**
 * Whether a signature of a hash (hex) is good.
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
