// The hash chain of released cables: append inside the release, verify the whole, sign with the installation key.
export { appendLink, nextVersion, type ChainEntry } from "./append-link.ts";
export { canonicalJson } from "./canonical-json.ts";
export { cableHash, GENESIS_HASH, linkHash, type LinkFields } from "./link-hash.ts";
export { chainPublicKey, checkSignature, KEY_FILE, signingKey, signLink, type SigningKey } from "./signing-key.ts";
export { verifyChain, type ChainVerdict } from "./verify-chain.ts";
