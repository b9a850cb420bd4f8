// Finds the E.O. line's text inside a telegram whose header the parser could not read line by line: run into the
// addressees or the SIPDIS line (`... WHITE HOUSE FOR USTR E.O. 12958: DECL: 01/28/2020`), or re-cased for the press.
import { isDeclassificationInstruction } from "../declassification.ts";

// `E.0.` (a zero) occurs in the corpus, and `AMBASSADORE.O. 12958` where a line ran into the next; the instruction ends at the TAGS or SUBJECT that follows on a run-on line.
const EO_PHRASE = /(?:E\s?\.\s?[O0]\.?|\bE\s?[O0]\b\.?|\bEXECUTIVE\s+ORDER)\s*:?\s*(1\d{4})\b\s*[:,]?\s*([^\n]*)/gi;
const NEXT_FIELD = /\s*"?(?:TAGS?|SUBJECT|SUBJ|REF)\b\s*:?.*$/i;

/**
 * The text after the order's number of the first E.O. phrase in `text` that gives a declassification instruction,
 * cut before a TAGS or SUBJECT run onto the same line; null when there is none. The reasons of a Classified By
 * line (`E.O. 12958, 1.4(b)(d)`) give none and are passed over.
 * @example executiveOrderTextIn("STATE FOR EUR E.O. 12958: DECL: 01/19/2016 TAGS: PREL") // "DECL: 01/19/2016"
 */
export function executiveOrderTextIn(text: string): string | null {
  for (const m of text.matchAll(EO_PHRASE)) {
    const instruction = m[2]!.replace(NEXT_FIELD, "").trim().replace(/\s+/g, " ");
    if (instruction !== "" && isDeclassificationInstruction(instruction)) return instruction;
  }
  return null;
}
