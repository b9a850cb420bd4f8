// Finds the line of a telegram that a validation finding is about, so `cablegram validate` can print FILE:LINE.
// Heuristic by design: the model keeps no line numbers except in parse warnings; when unsure it gives up (null).
import type { CableIssue } from "../core/index.ts";

const KEYWORD_LINES: Readonly<Record<string, RegExp>> = {
  tags: /^\s*TAGS\b/i,
  eo: /^\s*(?:E\.?\s?O\.?|EXECUTIVE\s+ORDER)\s*:?\s*\d{5}/i,
  subject: /^\s*SUBJECT\b/i,
  classifiedBy: /^\s*(?:¶?\s*\d+\.\s*(?:\([^)]*\)\s*)?)?CLASSIFIED\s+BY\b/i,
};

/**
 * The 1-based line of `text` that `issue` is about, or null when it cannot be told (something missing, or a
 * finding about the cable as a whole).
 * @example issueLine(seedText, { code: "unknown_tag", path: ["tags", 2], ... }) // 12, the TAGS line
 */
export function issueLine(text: string, issue: CableIssue): number | null {
  if (issue.code === "parse_warning") return issue.line;
  const lines = text.split(/\r\n|\r|\n/);
  const [head, index] = issue.path;
  if (typeof head !== "string") return null;
  const keyword = KEYWORD_LINES[head];
  if (keyword) return lineOf(lines, (l) => keyword.test(l));
  if ((head === "to" || head === "info") && typeof index === "number") return addresseeLine(lines, head, index);
  if (head === "paragraphs" && "paragraph" in issue && issue.paragraph !== null) {
    return paragraphLine(lines, issue.paragraph);
  }
  return null;
}

function lineOf(lines: readonly string[], test: (line: string) => boolean, from = 0): number | null {
  for (let i = from; i < lines.length; i++) if (test(lines[i]!)) return i + 1;
  return null;
}

/** Addressees stand one a line after TO or INFO, until the next keyword or the blank line that ends the header. */
function addresseeLine(lines: readonly string[], list: "to" | "info", index: number): number | null {
  const start = list === "to" ? /^\s*TO\s/i : /^\s*INFO\s/i;
  const first = lineOf(lines, (l) => start.test(l));
  if (first === null) return null;
  for (let i = first - 1, seen = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || (i > first - 1 && /^\s*(?:TO|INFO|XMT|BT)\b/i.test(line))) return null;
    if (seen++ === index) return i + 1;
  }
  return null;
}

/** `¶3.`, `3.` or, in cables numbered from 11 like 09STATE39345, `13.`; searched below the SUBJECT line. */
function paragraphLine(lines: readonly string[], n: number): number | null {
  const from = (lineOf(lines, (l) => KEYWORD_LINES.subject!.test(l)) ?? 0) - 1;
  const at = (pattern: RegExp) => lineOf(lines, (l) => pattern.test(l), Math.max(from, 0));
  return at(new RegExp(`^\\s*¶?\\s*${n}\\s*\\.`)) ?? (n < 10 ? at(new RegExp(`^\\s*1${n}\\s*\\.`)) : null);
}
