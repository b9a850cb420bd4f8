// Every match of a global regex, for the parser's hot loops: `String.prototype.matchAll` builds a fresh copy of
// its regex on each call (a compile-cache lookup keyed by the source), which for the long station alternation
// of a REF block costs more than the matching itself.

/**
 * The matches of `re` (which must have the `g` flag) in `text`, in order, as `matchAll` would give them.
 * Leaves `re.lastIndex` at 0, so a shared module-level regex can be used again.
 * @example execAll(/\d+/g, "a1b22").map((m) => m[0]) // ["1", "22"]
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    matches.push(m);
    if (m[0].length === 0) re.lastIndex++; // an empty match would otherwise repeat forever, as matchAll also avoids
  }
  return matches;
}
