// One addressee line of the header: `RUEHOU/AMEMBASSY OUAGADOUGOU NIACT IMMEDIATE 6893`.
import type { Addressee, Precedence } from "../core/index.ts";

const ROUTE = /^([A-Z]{3,8})\/(.+)$/;
const TRAILER =
  /\s+(?:(NIACT\s+IMMED(?:IATE)?|IMMED(?:IATE)?|P[RIOTY]{5,7}|PRIO|ROUTINE|ROUT|FLASH)\b)?\s*(\d{3,4}(?:-\d{3,4})?)?\s*$/;
// Precedences as written or abbreviated (`IMMED`, `PRIO`), to the word the model uses; a misspelt PRIORITY
// (`PRIORTY`, `PIORITY`) is one too.
const PRECEDENCE_WORDS: Record<string, Precedence> = {
  NIACT: "NIACT IMMEDIATE",
  IMMED: "IMMEDIATE",
  IMMEDIATE: "IMMEDIATE",
  PRIO: "PRIORITY",
  PRIORITY: "PRIORITY",
  ROUT: "ROUTINE",
  ROUTINE: "ROUTINE",
  FLASH: "FLASH",
};
// Header text that is no addressee: a keyword line (`TAGS: ...`, `SUBJECT: ...`), a rule of dashes, a page line.
const NOT_ADDRESSEE = /^[A-Z ]{2,20}:\s|^[-=_*\s]*$|^-{3,}|^PAGE \d+ /;
// Two white-space characters in a row, or one that is not a plain space.
const ODD_SPACE = /\s\s|[^\S ]/;
const OFFICE = /^(.*?)\s*\/\/(.*?)\/*$/;

/**
 * Reads an addressee line (without its TO/INFO/XMT keyword). Null for a line that holds no addressee.
 * @example parseAddresseeLine("RUEHOU/AMEMBASSY OUAGADOUGOU NIACT IMMEDIATE 6893")
 * // { route: "RUEHOU", name: "AMEMBASSY OUAGADOUGOU", office: null, precedence: "NIACT IMMEDIATE", mcn: "6893" }
 */
export function parseAddresseeLine(line: string): Addressee | null {
  // Most lines hold single spaces only; testing for anything else is cheaper than a replace that matches every space.
  let rest = (ODD_SPACE.test(line) ? line.replace(/\s+/g, " ") : line).trim();
  // The viewer ends some header lines with a backslash.
  if (rest.endsWith("\\")) rest = rest.replace(/[\s\\]+$/, "");
  if (rest.length === 0 || NOT_ADDRESSEE.test(rest)) return null;
  let route: string | null = null;
  const r = ROUTE.exec(rest);
  if (r && !r[2]!.startsWith("/")) {
    route = r[1]!;
    rest = r[2]!.trim();
  }
  let precedence: Precedence | null = null;
  let mcn: string | null = null;
  const t = TRAILER.exec(` ${rest}`);
  if (t && (t[1] || t[2])) {
    const word = t[1]?.split(" ")[0];
    precedence = word === undefined ? null : (PRECEDENCE_WORDS[word] ?? (word.startsWith("P") ? "PRIORITY" : null));
    mcn = t[2] ?? null;
    rest = ` ${rest}`.slice(0, t.index).trim();
  }
  let office: string | null = null;
  const o = OFFICE.exec(rest);
  if (o && o[1]) {
    rest = o[1].trim();
    office = o[2]!.trim() || null;
  }
  if (rest.length === 0) return null;
  return { route, name: rest, office, precedence, mcn };
}

/**
 * Writes an addressee as a header line (without keyword).
 * @example formatAddressee({ route: "RUEHFR", name: "AMEMBASSY PARIS", office: null, precedence: "IMMEDIATE", mcn: "7136" })
 * // "RUEHFR/AMEMBASSY PARIS IMMEDIATE 7136"
 */
export function formatAddressee(a: Addressee): string {
  const parts = [`${a.route ? `${a.route}/` : ""}${a.name}${a.office ? `//${a.office}//` : ""}`];
  if (a.precedence) parts.push(a.precedence);
  if (a.mcn) parts.push(a.mcn);
  return parts.join(" ");
}
