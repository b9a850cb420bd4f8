// Who may see what: the reader, the access rule and its SQL form.
export { EVERYTHING, SYSTEM_READER, type Reader } from "./reader.ts";
export {
  ACCESS_RULE,
  effectiveClassRank,
  locksOf,
  mayRead,
  normaliseListName,
  normaliseName,
  readerGrantKeys,
  readerMeets,
  type CableLocks,
} from "./access-rule.ts";
export { accessTokens, accessWordDecides, readerAccessToken } from "./access-index.ts";
export {
  cablesOfOtherParsers,
  derivedByThisParser,
  eventReadableBy,
  indexRowReadableBy,
  readableBy,
} from "./readable-by.ts";
