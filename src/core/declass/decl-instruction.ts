// What a cable's E.O. line instructs, read from its text: a date, a period, an event, exemptions, OADR, the General
// Declassification Schedule, a downgrade, or nothing (N/A). The review date is worked out from it (review-date.ts).
import { DECL_KEYWORD, NOT_APPLICABLE } from "../declassification.ts";
import { statedDate } from "./stated-date.ts";

/** What an E.O. line says about declassification, before any cable date is applied. */
export type DeclInstruction =
  /** `DECL: 04/16/2019`, `DECLASSIFY ON 9/12/2019`, `DECLASSIFIED BY NARA 09/02/2009`: a stated date. */
  | { kind: "date"; date: string; exemptions: string[] }
  /** `DECL: TEN YEARS`: a period counted from the cable's date. */
  | { kind: "period"; years: number }
  /** `DNG: CO 01/26/2021`: downgraded on a date, to the level named; no declassification date. */
  | { kind: "downgrade"; date: string; to: string }
  /** `GDS`: E.O. 11652's General Declassification Schedule, by level. */
  | { kind: "gds" }
  /** `25X1-HUMAN`, `(X1)`, `50X1-HUM` with no date: exempt from a declassification the exemption names. */
  | { kind: "exemption"; exemptions: string[] }
  /** `OADR`: originating agency's determination required. */
  | { kind: "oadr" }
  /** `MR`: manual review. */
  | { kind: "manual-review" }
  /** `DECL: CLOSURE OF ICTY`: an event no date can be worked out from. */
  | { kind: "event"; event: string }
  /** `N/A`, `NONE`. */
  | { kind: "not-applicable" }
  /** No line, an empty one, or one cut or blacked out (`DE...`, `XXXXXXXX`, `(##)`). */
  | { kind: "none"; text: string };

const NUMBER_WORDS: Record<string, number> = {
  ONE: 1,
  TWO: 2,
  THREE: 3,
  FOUR: 4,
  FIVE: 5,
  SIX: 6,
  SEVEN: 7,
  EIGHT: 8,
  NINE: 9,
  TEN: 10,
  FIFTEEN: 15,
  TWENTY: 20,
  "TWENTY-FIVE": 25,
  "TWENTY FIVE": 25,
  THIRTY: 30,
};
// X1..X8 (E.O. 12958 1.6(d)), 25X1..25X9 (3.4(b)), 50X1-HUM and 50X2-WMD (E.O. 13526 3.3(h)); the digit 5 of 25X
// is sometimes lost or typed as a letter in the corpus, so `2X1` and the like are not guessed at.
const EXEMPTION = /(?<![A-Z0-9])((?:25|50)?X[1-9])(?:\s*-\s*(HUM(?:AN)?|WMD))?(?![A-Z0-9])/gi;
const PERIOD = new RegExp(`^(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})\\s+(?:YEARS?|YRS?)\\.?$`, "i");
const DOWNGRADE = /^(?:DNG|DOWNGRADE(?:\s+TO)?)\s*:?\s*(CO?|S|C|CONFIDENTIAL|SECRET)\b/i;
const WORDS = /[A-Z]{2,}/i;

/**
 * Reads the text of an E.O. line (`ExecutiveOrder.text`: what follows the order's number) into its instruction.
 * General rules, in order: a downgrade (`DNG:`), a stated date (with any exemptions beside it), N/A, exemptions
 * alone, OADR, MR, GDS, a period of years, then any other words after DECL are an event. A text with no words left
 * (cut short, blacked out) gives none.
 * @example readDeclInstruction("DECL: 04/16/2019") // { kind: "date", date: "2019-04-16", exemptions: [] }
 * @example readDeclInstruction("DECL: 25X1-HUMAN") // { kind: "exemption", exemptions: ["25X1"] }
 * @example readDeclInstruction("DECL: TEN YEARS AFTER KOREAN UNIFICATION") // { kind: "event", event: "TEN YEARS AFTER KOREAN UNIFICATION" }
 */
export function readDeclInstruction(text: string | null): DeclInstruction {
  const t = (text ?? "").trim().replace(/\s+/g, " ");
  const dng = DOWNGRADE.exec(t);
  const date = statedDate(t);
  if (dng && date)
    return { kind: "downgrade", date, to: dng[1]!.toUpperCase().startsWith("S") ? "SECRET" : "CONFIDENTIAL" };
  const exemptions = exemptionsIn(t);
  if (date) return { kind: "date", date, exemptions };
  const after = (DECL_KEYWORD.exec(t)?.[1] ?? t).trim().replace(/^[(\s]+|[)\s.\\]+$/g, "");
  if (NOT_APPLICABLE.test(t) || NOT_APPLICABLE.test(after)) return { kind: "not-applicable" };
  if (exemptions.length > 0) return { kind: "exemption", exemptions };
  if (/\bOADR\b/i.test(t)) return { kind: "oadr" };
  if (/^MR\b/i.test(after)) return { kind: "manual-review" };
  if (/^GDS\b/i.test(after)) return { kind: "gds" };
  const period = PERIOD.exec(after);
  if (period) {
    const word = period[1]!.toUpperCase();
    return { kind: "period", years: NUMBER_WORDS[word] ?? Number(word) };
  }
  // Blacked out (`XXXXXXXX`) or cut short (`DE...`): no instruction to read.
  if (!WORDS.test(after.replace(/X{3,}/gi, "")) || /^DE(?:CL?)?\.*$/i.test(after) || /^X+$/i.test(after)) {
    return { kind: "none", text: t };
  }
  return { kind: "event", event: after.toUpperCase() };
}

/**
 * The exemption markings in a text, normalised (`25X1-HUMAN` is `25X1`, `50X1-HUM` stays whole), in order.
 * @example exemptionsIn("DECL: 25X1-human, 25X6") // ["25X1", "25X6"]
 */
export function exemptionsIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(EXEMPTION)) {
    const code = m[1]!.toUpperCase();
    const name = code.startsWith("50") && m[2] ? `${code}-${m[2].toUpperCase().slice(0, 3)}` : code;
    if (!found.includes(name)) found.push(name);
  }
  return found;
}
