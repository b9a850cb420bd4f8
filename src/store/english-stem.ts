// English stemming for search, pure: Martin Porter's algorithm (1980, with the reference implementation's "bli" and
// "logi" rules), the one SQLite FTS5's `porter` tokeniser runs. It runs here, not in each engine, for three reasons:
// the index must hold a word and its stem side by side so that exact words can rank first (FTS5 stems a whole table
// or nothing), a query must find the same cables on both engines (PostgreSQL's `english` is Porter's later Snowball
// stemmer, which stems some words differently), and snippets must mark the words a stem matched.

/**
 * The Porter stem of a word as ftsWords gives it (lower case). Words with anything but the letters a-z, and words of
 * one or two letters, are their own stem.
 * @example englishStem("recognized") // "recogn"
 * @example englishStem("recognizing") // "recogn"
 * @example englishStem("ponies") // "poni"
 */
export function englishStem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const cached = CACHE.get(word);
  if (cached !== undefined) return cached;
  const stem = step5(step4(step3(step2(step1c(step1b(step1a(word)))))));
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(word, stem);
  return stem;
}

// An archive's vocabulary repeats: most words of an import have been stemmed before.
const CACHE = new Map<string, string>();
const CACHE_MAX = 200_000;

/** Whether the letter at `i` is a consonant: not a vowel, and `y` only after a vowel (or first). */
function consonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 || !consonant(w, i - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in `stem`, [C](VC)^m[V]. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  while (i < stem.length && consonant(stem, i)) i++;
  while (i < stem.length) {
    while (i < stem.length && !consonant(stem, i)) i++;
    if (i >= stem.length) break;
    while (i < stem.length && consonant(stem, i)) i++;
    m++;
  }
  return m;
}

const hasVowel = (stem: string): boolean => [...stem].some((_, i) => !consonant(stem, i));

/** *d: ends in a double consonant. */
const doubleConsonant = (w: string): boolean =>
  w.length >= 2 && w[w.length - 1] === w[w.length - 2] && consonant(w, w.length - 1);

/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function cvc(w: string): boolean {
  const n = w.length;
  if (n < 3 || !consonant(w, n - 1) || consonant(w, n - 2) || !consonant(w, n - 3)) return false;
  const last = w[n - 1];
  return last !== "w" && last !== "x" && last !== "y";
}

function step1a(w: string): string {
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("ies")) return w.slice(0, -2);
  if (w.endsWith("ss")) return w;
  if (w.endsWith("s")) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith("eed")) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  const suffix = w.endsWith("ed") ? 2 : w.endsWith("ing") ? 3 : 0;
  if (suffix === 0) return w;
  const stem = w.slice(0, -suffix);
  if (!hasVowel(stem)) return w;
  if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) return stem + "e";
  if (doubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && cvc(stem)) return stem + "e";
  return stem;
}

function step1c(w: string): string {
  return w.endsWith("y") && hasVowel(w.slice(0, -1)) ? w.slice(0, -1) + "i" : w;
}

/** Replaces the longest of `rules`' suffixes that ends `w` when the stem before it passes `when`; else `w`. */
function replaceSuffix(w: string, rules: readonly [string, string][], when: (stem: string) => boolean): string {
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    return when(stem) ? stem + replacement : w;
  }
  return w;
}

const byLength = (rules: [string, string][]): [string, string][] => rules.sort((a, b) => b[0].length - a[0].length);

const STEP2 = byLength([
  ["ational", "ate"],
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["izer", "ize"],
  ["bli", "ble"],
  ["alli", "al"],
  ["entli", "ent"],
  ["eli", "e"],
  ["ousli", "ous"],
  ["ization", "ize"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["iveness", "ive"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["aliti", "al"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["logi", "log"],
]);

const STEP3 = byLength([
  ["icate", "ic"],
  ["ative", ""],
  ["alize", "al"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
]);

const STEP4 = byLength(
  ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti"]
    .concat(["ous", "ive", "ize"])
    .map((s) => [s, ""]),
);

const step2 = (w: string): string => replaceSuffix(w, STEP2, (stem) => measure(stem) > 0);
const step3 = (w: string): string => replaceSuffix(w, STEP3, (stem) => measure(stem) > 0);
const step4 = (w: string): string =>
  replaceSuffix(w, STEP4, (stem) => measure(stem) > 1 && (!w.endsWith("ion") || /[st]$/.test(stem)));

function step5(w: string): string {
  let out = w;
  if (out.endsWith("e")) {
    const stem = out.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !cvc(stem))) out = stem;
  }
  if (out.endsWith("ll") && measure(out) > 1) out = out.slice(0, -1);
  return out;
}
