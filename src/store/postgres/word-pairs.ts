// Word pairs: PostgreSQL indexes the pairs of adjacent words beside the words (migration 0013), so that a phrase is
// found by the index rather than by rechecking every row holding its words.
/**
 * Words no indexed word pair holds (migration 0013): the commonest function words. A pair such as "of the"
 * matches nearly every cable, so it would narrow no phrase search, while pairs with them ("the kosovo",
 * "kosovo and") are more than half of a cable's distinct pairs, each one more key for GIN to insert.
 */
export const PAIR_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been but by could for from had has have he her his i if in into is it its no not of on " +
    "or our over said she should so some such than that the their them there these they this those to was we were " +
    "which while who will with would you"
  ).split(" "),
);

/**
 * Starts every pair's lexeme: a word prefix (`counc*`, 'counc':*) must not match the pair "council met", whose
 * lexeme has no positions and would spoil the phrase and rank arithmetic. '~' is in no word ftsText makes.
 */
export const PAIR_MARK = "~";

/** Longer words make no pair: a pair is one lexeme, and PostgreSQL's are at most 2,047 bytes. */
const PAIR_WORD_MAX = 500;

/**
 * The distinct pairs of adjacent words of a text as ftsText gives it, as lexemes ("~security council"), leaving
 * out pairs with a stop word: what PostgreSQL indexes beside the words so that phrases are found by the index.
 * @example wordPairs("the security council met") // ["~security council", "~council met"]
 */
export function wordPairs(normalised: string): string[] {
  const words = normalised.split(" ");
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (PAIR_STOP_WORDS.has(a) || PAIR_STOP_WORDS.has(b) || a.length > PAIR_WORD_MAX || b.length > PAIR_WORD_MAX) {
      continue;
    }
    if (a.length > 0 && b.length > 0) pairs.add(`${PAIR_MARK}${a} ${b}`);
  }
  return [...pairs];
}
