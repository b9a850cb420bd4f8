// The hash chain of archived cables: append inside the release or after an import batch, verify the whole against
// the operator's pinned key and head, sign with the installation key kept outside the database.
export {
  appendBatch,
  appendLink,
  appendRecordLink,
  nextVersion,
  type BatchEntry,
  type ChainEntry,
} from "./append-link.ts";
export { canonicalJson } from "./canonical-json.ts";
export { chainArchived, chainUnchained } from "./chain-archived.ts";
export { prepareChain, type ChainSetup } from "./prepare-chain.ts";
export {
  batchHash,
  cableHash,
  GENESIS_HASH,
  linkHash,
  storedCableHash,
  type LinkFields,
  type StoredForm,
} from "./link-hash.ts";
export { headSigned, readSignedHead, type SignedHead } from "./signed-head.ts";
export {
  chainPublicKey,
  checkSignature,
  fingerprintOf,
  KEY_FILE,
  publicKeyOf,
  publicKeyText,
  signingKey,
  signLink,
  type SigningKey,
} from "./signing-key.ts";
export { readTrust, recordHead, TRUST_FILE, trustFileOf, type ChainHead, type Trust } from "./trust-file.ts";
export { verifyChain, type ChainProblem, type ChainVerdict, type VerifyOptions } from "./verify-chain.ts";
export { appendReviewLink, reviewHash, REVIEW_LINK_PREFIX, type ChainedReview } from "./review-link.ts";
