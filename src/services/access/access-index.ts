// The access rule as index words: a cable carries words saying which clearances may read it, so a search for a
// barely cleared reader skips in the index what they may not read instead of fetching and rejecting it row by row.
// The words only narrow: every query still applies readableBy, which decides.
import { CLASSIFICATIONS, classificationRank } from "../../core/index.ts";
import { metaToken } from "../../store/full-text.ts";
import type { CableLocks } from "./access-rule.ts";
import { EVERYTHING, type Reader } from "./reader.ts";

const TOP = CLASSIFICATIONS.length - 1;

/**
 * The access words of a cable: `le<r>` for every clearance rank r that reaches its level, and `open<r>` too when
 * it needs no access and has no caption (readable by clearance alone).
 * @example accessTokens({ classRank: 2, caveats: [], captioned: false, grants: [] })
 * // ["accle2", "accle3", "accle4", "accopen2", "accopen3", "accopen4"]
 */
export function accessTokens(locks: CableLocks): string[] {
  const open = locks.caveats.length === 0 && !locks.captioned;
  const tokens: string[] = [];
  for (let r = locks.classRank; r <= TOP; r++) tokens.push(metaToken("access", `le${r}`));
  if (open) for (let r = locks.classRank; r <= TOP; r++) tokens.push(metaToken("access", `open${r}`));
  return tokens;
}

/**
 * The access word every cable `reader` may read carries, or null when it would not narrow anything (the system,
 * or a reader cleared to the top holding some access or grant).
 * @example readerAccessToken({ ...reader, clearance: "UNCLASSIFIED", accesses: [], lists: [], offices: [] }) // "accopen0"
 */
export function readerAccessToken(reader: Reader): string | null {
  if (reader.accesses.includes(EVERYTHING)) return null;
  const rank = classificationRank(reader.clearance);
  const holdsNothing = reader.accesses.length === 0 && reader.lists.length === 0 && reader.offices.length === 0;
  if (holdsNothing) return metaToken("access", `open${rank}`);
  return rank < TOP ? metaToken("access", `le${rank}`) : null;
}

/**
 * True when `reader`'s access word says exactly what they may read, not just narrows it: for a reader holding no
 * access, list or office, `open<r>` is on a cable exactly when rules 1 to 3 let them read it (level at most r, no
 * restricting caveat, no caption), as `accessTokens` and `readableBy` read the same stored locks. Counting matches
 * then needs no look at the cables.
 * @example accessWordDecides({ ...reader, clearance: "UNCLASSIFIED", accesses: [], lists: [], offices: [] }) // true
 */
export function accessWordDecides(reader: Reader): boolean {
  return reader.accesses.length === 0 && reader.lists.length === 0 && reader.offices.length === 0;
}
