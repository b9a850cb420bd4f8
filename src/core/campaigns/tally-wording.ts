// The English of a tally: "57 of 192 UN members recognize", "1 of 27 EU recognizes", "0 of 7 G7 are undecided".
// A position's label is written for one country ("recognizes", "does not recognize", "leaning for"); a count of any
// number but one takes the plural verb, and a label that is no verb ("undecided", "leaning for") takes "is"/"are".
// One rule for the web and the CLI, so that no page and no command says "57 recognizes".

/** Verbs whose plural is not the singular less its "s". */
const IRREGULAR: Readonly<Record<string, string>> = { is: "are", has: "have", does: "do", was: "were" };

/** Labels (first words) that are no verb: a state "is" them. */
const COPULAR = new Set([
  "undecided",
  "neutral",
  "uncommitted",
  "unknown",
  "divided",
  "opposed",
  "silent",
  "absent",
  "in",
  "against",
  "for",
  "no",
  "not",
]);

/**
 * A third person singular present verb made plural: "recognizes" → "recognize", "pushes" → "push",
 * "denies" → "deny"; a word that is none is given back as it is.
 */
function pluralVerb(word: string): string | null {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower] !== undefined) return IRREGULAR[lower]!;
  if (!/^[a-z]+s$/.test(lower) || /(ss|us|is)$/.test(lower)) return null;
  if (/ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes|zzes)$/.test(lower)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * The position's label as the predicate of `count` countries: singular for exactly one, else plural.
 * @example positionPredicate("recognizes", 57) // "recognize"
 * @example positionPredicate("recognizes", 1) // "recognizes"
 * @example positionPredicate("does not recognize", 2) // "do not recognize"
 * @example positionPredicate("undecided", 0) // "are undecided"
 * @example positionPredicate("withdrew recognition", 3) // "withdrew recognition"
 */
export function positionPredicate(label: string, count: number): string {
  const [first = "", ...rest] = label.trim().split(/\s+/);
  const lower = first.toLowerCase();
  const one = count === 1;
  if (COPULAR.has(lower) || /ing$/.test(lower)) return `${one ? "is" : "are"} ${label.trim()}`;
  if (one) return label.trim();
  const plural = pluralVerb(first);
  // A past tense ("withdrew", "voted against") is the same for one and for many.
  return plural === null ? label.trim() : [plural, ...rest].join(" ");
}

/**
 * A tally's sentence: "N of M <members> <predicate>", the predicate agreeing with N.
 * @example tallySentence(57, 192, "UN members", "recognizes") // "57 of 192 UN members recognize"
 * @example tallySentence(1, 27, "EU", "recognizes") // "1 of 27 EU recognizes"
 */
export function tallySentence(held: number, members: number, noun: string, label: string): string {
  return `${held} of ${members}${noun ? ` ${noun}` : ""} ${positionPredicate(label, held)}`;
}

/**
 * The count of the members with no recorded position, as a clause: "has" for one, "have" for any other count.
 * @example noPositionPredicate(1) // "has no recorded position"
 */
export function noPositionPredicate(count: number): string {
  return `${count === 1 ? "has" : "have"} no recorded position`;
}
