// Declassification instructions of the E.O. line that are not a date: exemptions, events, reviews.

// After a DECL keyword the instruction is whatever follows; N/A says there is none.
/** `N/A`, `NA`, `NONE`: the line gives no instruction. */
export const NOT_APPLICABLE = /^(?:N\/?A|NONE)\.?$/i;
/** The DECL keyword in its forms (`DECL:`, `DECLASSIFY ON`, `DNG`); group 1 is the instruction after it. */
export const DECL_KEYWORD = /\b(?:DECL(?:ASSIFY(?: ON)?)?|DECLASSIFIED|DNG)\b[:.]?\s*(.*)$/i;
// E.O. 12958 exemption markings (25X1, 25X1-human, X1..X8), originating agency's review, manual review, and
// E.O. 11652's General Declassification Schedule.
const EXEMPTION = /\b(?:25X[1-9]|X[1-8]|OADR|MR|GDS)\b/i;
const DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

/**
 * Says whether an E.O. line's text (as in `ExecutiveOrder.text`) still gives a declassification instruction when
 * no date could be read from it: an exemption (`25X1-human`, `OADR`), a review (`MR`), an event
 * (`DECL: CLOSURE OF ICTY`), a date in an unusual form, or a downgrade. `N/A` and an empty text give none.
 * @example isDeclassificationInstruction("DECL: OADR") // true
 * @example isDeclassificationInstruction("DECL: TEN YEARS AFTER KOREAN UNIFICATION") // true
 * @example isDeclassificationInstruction("N/A") // false
 */
export function isDeclassificationInstruction(text: string): boolean {
  const t = text.trim().replace(/\s+/g, " ");
  if (EXEMPTION.test(t) || DATE.test(t)) return true;
  const after = DECL_KEYWORD.exec(t)?.[1]?.trim();
  return after !== undefined && after !== "" && !NOT_APPLICABLE.test(after);
}
