// Stem lexemes: PostgreSQL indexes the English stems of a cable's words beside the words (migration 0023), marked so
// that no word, prefix or phrase can match them by accident, and without positions so that they weigh nothing in
// ts_rank.
import { indexStems } from "../full-text.ts";

/** Starts every stem's lexeme; '^' is in no word ftsText makes, nor in a word pair's lexeme ('~'). */
export const STEM_MARK = "^";

/**
 * The stem lexemes of a cable's subject and body (see indexStems).
 * @example stemLexemes("Recognized", "recognizing it") // ["^recogn"]
 */
export function stemLexemes(subject: string, body: string): string[] {
  return indexStems(`${subject} ${body}`).map((stem) => STEM_MARK + stem);
}
