// Positions a cable's text suggests: sentences that name countries with a stance ("France, Germany and the UK can
// be counted on to support", "opposition might emerge from Serbia, Russia", "Spain will not recognize"). They are
// suggestions for a person to confirm or dismiss, never positions: the reading is by rule, not understanding.
//
// A stance phrase either follows its countries (the subjects: "X and Y voted against") or precedes them ("support
// from X and Y"); only the list of countries next to the phrase is taken, so a country named elsewhere in the
// sentence, a possessive ("Kosovo's integration") or an exception ("all its neighbours save Serbia have recognized")
// gives nothing.
import type { Paragraph } from "../cable.ts";
import { findCountryMentions, type CountryMention } from "../countries/country-mentions.ts";
import type { Question } from "./question.ts";

/** The stances a sentence can carry, as the API names them. */
export const STANCES = ["supports", "opposes", "recognizes", "does_not_recognize", "abstains"] as const;
export type Stance = (typeof STANCES)[number];

/** One suggestion: a country's stance, the sentence that says so and the paragraph (index in `paragraphs`). */
export type SuggestedPosition = {
  paragraph: number;
  sentence: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The words that named the country: "the UK", "HMG", "the Turks". */
  mention: string;
  stance: Stance;
  /** The sentence hedges ("might emerge", "may oppose", "is likely to"): a possible, not a stated, stance. */
  hedged: boolean;
};

/** Where the countries stand relative to the phrase: before it (its subjects) or after it ("from X"). */
type Side = "before" | "after";

type CueRule = { stance: Stance; side: Side; pattern: RegExp };

type Cue = { stance: Stance; side: Side; start: number; end: number; text: string };

const HEDGE = /\b(?:might|may|could|possibl[ey]|likely|probabl[ey]|expected|potential(?:ly)?)\b/i;
const NEGATION = /\b(?:not|never|no longer)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$|\bcannot\s+$/i;
const MODAL = String.raw`(?:will|would|shall|should|can|could|may|might|must|is\s+(?:likely|expected)\s+to|are\s+(?:likely|expected)\s+to)`;
const ADVERB = String.raw`(?:(?:also|already|now|since|formally|all|both|probably|likely|still|again|strongly|firmly)\s+)?`;

/** Ordered: an earlier rule takes its words first, so "will not recognize" is never read as "recognize". */
const RULES: readonly CueRule[] = [
  {
    stance: "does_not_recognize",
    side: "before",
    pattern: new RegExp(
      String.raw`\b(?:(?:will|would|does|do|did|has|have|had|can|could|shall|is|are)\s+${ADVERB}(?:not|never)|won't|doesn't|don't|didn't|hasn't|haven't|hadn't|cannot|can't)\s+(?:yet\s+)?recogni[sz](?:e|ed)\b`,
      "gi",
    ),
  },
  {
    stance: "does_not_recognize",
    side: "before",
    pattern: /\b(?:refuses?|refused|declines?|declined)\s+to\s+recogni[sz]e\b|\bwithh(?:o|e)lds?\s+recognition\b/gi,
  },
  { stance: "recognizes", side: "after", pattern: /\brecogni[sz]ed\s+by\b|\brecognition\s+(?:from|by)\b/gi },
  {
    stance: "recognizes",
    side: "before",
    pattern: new RegExp(
      String.raw`\b(?:(?:has|have|had)\s+${ADVERB})?recogni[sz](?:ed|es)\b|\b${MODAL}\s+${ADVERB}recogni[sz]e\b`,
      "gi",
    ),
  },
  {
    stance: "opposes",
    side: "before",
    pattern: /\b(?:(?:does|do|did)\s+not|doesn't|don't|didn't)\s+(?:\w+\s+)?(?:support|back|endorse)\b/gi,
  },
  { stance: "opposes", side: "before", pattern: /\bvot(?:ed|es|ing)\s+against\b|\b(?:vetoed|vetoes)\b/gi },
  { stance: "supports", side: "before", pattern: /\bvot(?:ed|es|ing)\s+(?:for|in\s+favou?r(?:\s+of)?)\b/gi },
  { stance: "abstains", side: "before", pattern: /\babstain(?:ed|s)?\b/gi },
  { stance: "abstains", side: "after", pattern: /\babstentions?\s+(?:from|by)\b/gi },
  {
    stance: "supports",
    side: "before",
    pattern: new RegExp(
      String.raw`\b(?:can|could)\s+be\s+(?:counted|relied|depended)\s+(?:on|upon)\s+to\s+(?:support|back)\b|\b(?:supports|supported|backs|backed|endorses|endorsed|favou?rs|favou?red)\b|\b${MODAL}\s+${ADVERB}(?:support|back|endorse)\b`,
      "gi",
    ),
  },
  {
    stance: "opposes",
    side: "before",
    pattern: new RegExp(
      String.raw`\b(?:opposes|opposed|objects|objected)\b(?!\s+to\s)|\b${MODAL}\s+${ADVERB}(?:oppose|object|veto|block)\b`,
      "gi",
    ),
  },
  {
    stance: "opposes",
    side: "after",
    pattern: /\b(?:opposition|objections?|resistance)\b[^.;:]{0,120}?\b(?:from|by)\b/gi,
  },
  { stance: "supports", side: "after", pattern: /\b(?:support|backing)\b[^.;:]{0,60}?\bfrom\b/gi },
];

/** Words that put the countries after them outside what the sentence says of the others. */
const EXCEPTION = /\b(?:save|except(?:\s+for)?|excluding|other\s+than|apart\s+from|besides|but\s+not|unlike)\s*$/i;
/** What may stand between two countries of one list. */
const LIST_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|as\s+well\s+as|together\s+with)\s+)$/i;
/** A possessive: the country qualifies a noun ("Kosovo's integration", "Kosovo,s neighbors" in old telegrams). */
const POSSESSIVE = /^(?:['’`,]s\b|s['’])/;
/** What may stand between the subjects and their phrase: a few words, no clause break. */
const SUBJECT_GAP = /^[\s\p{L}'-]{0,40}$/u;
/** What may stand between "from" and the first country: "the delegations of", "the governments of". */
const OBJECT_GAP = /^\s*(?:(?:the\s+)?(?:delegations?|governments?|representatives?|missions?)\s+of\s+)?$/i;

function cuesOf(sentence: string): Cue[] {
  const taken: Cue[] = [];
  for (const rule of RULES) {
    for (const m of sentence.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((c) => start < c.end && c.start < end)) continue;
      let stance = rule.stance;
      // "does not support" / "will not oppose" turn the stance round; recognition has its own negative rule.
      if ((stance === "supports" || stance === "opposes") && NEGATION.test(sentence.slice(0, start))) {
        stance = stance === "supports" ? "opposes" : "supports";
      }
      taken.push({ stance, side: rule.side, start, end, text: m[0] });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function isPossessive(sentence: string, mention: CountryMention): boolean {
  return POSSESSIVE.test(sentence.slice(mention.end));
}

/** The list of countries that ends right before the cue, unless it is an exception or a possessive. */
function subjectsBefore(sentence: string, mentions: readonly CountryMention[], cue: Cue): CountryMention[] {
  const before = mentions.filter((m) => m.end <= cue.start);
  const last = before.at(-1);
  if (last === undefined || isPossessive(sentence, last)) return [];
  const gap = sentence.slice(last.end, cue.start);
  if (!SUBJECT_GAP.test(gap) || gap.trim().split(/\s+/).filter(Boolean).length > 4) return [];
  const list = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const previous = before[i];
    const next = list[0];
    if (previous === undefined || next === undefined) break;
    if (!LIST_GAP.test(sentence.slice(previous.end, next.start))) break;
    list.unshift(previous);
  }
  const first = list[0];
  if (first === undefined || EXCEPTION.test(sentence.slice(0, first.start))) return [];
  return list.filter((m) => !isPossessive(sentence, m));
}

/** The list of countries that starts right after the cue ("from Serbia, Russia, Cuba and Spain"). */
function objectsAfter(sentence: string, mentions: readonly CountryMention[], cue: Cue): CountryMention[] {
  const after = mentions.filter((m) => m.start >= cue.end);
  const first = after[0];
  if (first === undefined || !OBJECT_GAP.test(sentence.slice(cue.end, first.start))) return [];
  const list = [first];
  for (const next of after.slice(1)) {
    const previous = list.at(-1);
    if (previous === undefined || !LIST_GAP.test(sentence.slice(previous.end, next.start))) break;
    list.push(next);
  }
  return list.filter((m) => !isPossessive(sentence, m));
}

/**
 * The sentences of a paragraph's text, whitespace collapsed (telegrams break lines, and sometimes paragraphs, in
 * mid-sentence).
 * @example sentencesOf("Spain abstained.\nItaly\nvoted for.") // ["Spain abstained.", "Italy voted for."]
 */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+(?=["'(]?[A-Z0-9])/)
    .filter((s) => s.length > 0);
}

/**
 * The positions a cable's paragraphs suggest, in text order; one per paragraph, country and stance.
 * @example
 * suggestPositions([{ number: 3, marking: "C", text: "Opposition might emerge from Serbia and Cuba." }])
 * // [{ paragraph: 0, sentence: "Opposition might emerge from Serbia and Cuba.", country: "RS", mention: "Serbia",
 * //    stance: "opposes", hedged: true }, { paragraph: 0, ..., country: "CU", ... }]
 */
export function suggestPositions(paragraphs: readonly Pick<Paragraph, "text">[]): SuggestedPosition[] {
  const suggestions: SuggestedPosition[] = [];
  const seen = new Set<string>();
  paragraphs.forEach((paragraph, index) => {
    for (const sentence of sentencesOf(paragraph.text)) {
      const mentions = findCountryMentions(sentence);
      if (mentions.length === 0) continue;
      for (const cue of cuesOf(sentence)) {
        const named =
          cue.side === "before" ? subjectsBefore(sentence, mentions, cue) : objectsAfter(sentence, mentions, cue);
        const hedged = HEDGE.test(cue.side === "after" ? cue.text : sentence.slice(0, cue.end));
        for (const mention of named) {
          const key = `${index}/${mention.iso2}/${cue.stance}`;
          if (seen.has(key)) continue;
          seen.add(key);
          suggestions.push({
            paragraph: index,
            sentence,
            country: mention.iso2,
            mention: mention.text,
            stance: cue.stance,
            hedged,
          });
        }
      }
    }
  });
  return suggestions;
}

/**
 * The position on a question's scale a suggestion stands for, or null when the stance does not answer the question
 * (support for a policy says nothing of recognition). A hedged stance is a leaning where the scale has one.
 * @example positionForStance(DEFAULT_QUESTION, "opposes", true) // "leaning_against"
 * @example positionForStance(KOSOVO_RECOGNITION, "recognizes", false) // "recognizes"
 * @example positionForStance(KOSOVO_RECOGNITION, "supports", false) // null
 */
export function positionForStance(
  question: Pick<Question, "positions">,
  stance: Stance,
  hedged: boolean,
): string | null {
  const codes = new Set(question.positions.map((p) => p.code));
  const candidates: Record<Stance, readonly string[]> = {
    supports: hedged ? ["leaning_for", "supports"] : ["supports"],
    opposes: hedged ? ["leaning_against", "opposes"] : ["opposes"],
    abstains: ["undecided", "abstains"],
    recognizes: ["recognizes", "supports"],
    does_not_recognize: ["does_not_recognize", "opposes"],
  };
  return candidates[stance].find((code) => codes.has(code)) ?? null;
}
