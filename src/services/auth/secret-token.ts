// Random secrets for session cookies and API tokens, and the one-way hash under which they are stored.
import { createHash, randomBytes } from "node:crypto";

/**
 * A new random secret: 32 bytes, base64url, with an optional prefix so a leaked token is recognisable.
 * @example newSecret("cgt_") // "cgt_Zx8...43 characters"
 */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/**
 * The SHA-256 of a secret, hex; the database holds only this, so a copy of it lets nobody sign in. A plain hash is
 * enough (no salt, no scrypt): the secrets are 256 random bits, not guessable passwords.
 * @example hashSecret("abc") // "ba7816bf..."
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
