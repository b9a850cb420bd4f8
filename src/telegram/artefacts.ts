// Removes what is not content from the text under the classification line: page lines, repeated section
// lines, record-copy page headers, stray SIPDIS, NNNN. They split sentences, so the text is mended around them.
import { collapse, firstNonSpaceCode, isBlank, isSpaceCode, type Line } from "./lines.ts";
import { readClassificationLine } from "./classification-line.ts";

// `STATE 00039345 002 OF 002`, `MADRID 00000766 001.2 OF 003`, `BRASILIA 1159 BRASILIA 00000028 001.4 OF 003`
const PAGE_LINE = /^\s*[A-Z][A-Z .0-9]{0,40}\s\d{8}\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3}\s*$/;
// `PAGE 02 HARARE 06677 01 OF 03 291400Z` (old record copies), possibly followed by content on the same line.
const RECORD_PAGE = /^\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{3,6}\s+\d{2}\s+OF\s+\d{2}\s+\d{6}Z\s*/;
const LEVEL_ONLY = /^\s*(UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$/;
const TRAILING_LEVEL = /\s{2,}(UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*$/;
const NOISE = /^\s*(NNNN|BT|End Cable Text|END CABLE TEXT)\s*$/;
const TERMINAL = /[.!?:;"'”’)\]]$/;

/**
 * Returns the lines without artefacts. Where a page line cut a sentence in two, the blank lines around it
 * go too, so `22 of` / `STATE 00039345 002 OF 002` / `27 EU member` reads `22 of 27 EU member`.
 * @example stripArtefacts(splitLines("22 of\n\nSTATE 00039345 002 OF 002\n\n27 EU")).map((l) => l.text) // ["22 of", "27 EU"]
 */
export function stripArtefacts(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  let joinPending = false;
  // Each pattern below is anchored at `^\s*`, so the first non-blank code unit rules most lines out before
  // any regex runs. It is found once per line: a line's `nextFirst` is its `first` on the next turn.
  let nextFirst = lines.length > 0 ? firstNonSpaceCode(lines[0]!.text) : NaN;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let text = line.text;
    const next = lines[i + 1]?.text ?? "";
    let first = nextFirst;
    nextFirst = firstNonSpaceCode(next);
    // Only a record page header (`PAGE 02 ...`) makes a level line or trailing level an artefact.
    const nextMayBePage = nextFirst === 80; /* P */
    const short = text.length < 100;
    const levelOnly = text.length < 40 && isLevelStart(first) && LEVEL_ONLY.test(text);
    if (
      (short && first >= 65 && first <= 90 && text.includes(" OF ") && PAGE_LINE.test(text)) ||
      levelOnly ||
      isLaterClassificationLine(text)
    ) {
      if (!levelOnly || (nextMayBePage && isRecordPage(next))) {
        while (out.length > 0 && isBlank(out[out.length - 1]!.text)) out.pop();
        joinPending = true;
      }
      continue;
    }
    const page = first === 80 && isRecordPage(text) ? RECORD_PAGE.exec(text) : null;
    if (page) {
      while (out.length > 0 && isBlank(out[out.length - 1]!.text)) out.pop();
      joinPending = true;
      text = text.slice(page[0].length);
      if (isBlank(text)) continue;
      first = firstNonSpaceCode(text);
    }
    if (text.length < 24 && (first === 78 || first === 66 || first === 69) /* N B E */ && NOISE.test(text)) continue;
    if (nextMayBePage && endsWithLevel(text) && isRecordPage(next)) text = text.replace(TRAILING_LEVEL, "");
    if (joinPending) {
      if (isBlank(text)) continue;
      joinPending = false;
      const prev = out[out.length - 1];
      if (prev && TERMINAL.test(prev.text.trimEnd()) && /^\s*[¶A-Z0-9(-]/.test(text))
        out.push({ text: "", no: line.no });
    }
    out.push(text === line.text ? line : { text, no: line.no });
  }
  return out;
}

/** U, C, S or L: the first letters of LEVEL_ONLY's words. */
function isLevelStart(c: number): boolean {
  return c === 85 || c === 67 || c === 83 || c === 76;
}

function endsWithLevel(text: string): boolean {
  // CONFIDENTIAL, SECRET and UNCLASSIFIED end in L, T and D; a line ending otherwise needs no trimEnd.
  const last = text.charCodeAt(text.length - 1);
  if (last !== 76 && last !== 84 && last !== 68 && !isSpaceCode(last)) return false;
  const t = text.trimEnd();
  return t.endsWith("CONFIDENTIAL") || t.endsWith("SECRET") || t.endsWith("UNCLASSIFIED");
}

/** Callers first check that the line's first non-blank letter is P. */
function isRecordPage(text: string): boolean {
  return text.includes("PAGE ") && RECORD_PAGE.test(text);
}

function isLaterClassificationLine(text: string): boolean {
  const c = readClassificationLine(text);
  return c !== null && (c.station !== null || c.section !== null);
}

/** True when the line is the archive's note that only part of the cable survives. */
export function isPartialExtractNote(text: string): boolean {
  return /^This record is a partial extract of the original cable/i.test(text.trim());
}

/**
 * Reads the viewer's weekday banner, `Tuesday, 28 July 2009, 02:18`, into its parts; null otherwise.
 * @example readWeekdayBanner("Tuesday, 28 July 2009, 02:18") // { day: 28, month: "July", year: 2009, hour: 2, minute: 18 }
 */
export function readWeekdayBanner(
  text: string,
): { day: number; month: string; year: number; hour: number; minute: number } | null {
  const m =
    /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4}),\s+(\d{1,2}):(\d{2})$/.exec(
      collapse(text),
    );
  if (!m) return null;
  return { day: Number(m[1]), month: m[2]!, year: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
}
