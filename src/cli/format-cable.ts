// A readable summary of a parsed cable, for `cablegram parse FILE` without --json.
import { describeTag, type Addressee, type Cable } from "../core/index.ts";

const LABEL_WIDTH = 16;

function row(label: string, values: readonly string[]): string[] {
  const pad = " ".repeat(LABEL_WIDTH);
  if (values.length === 0) return [`${label.padEnd(LABEL_WIDTH)}-`];
  return values.map((v, i) => `${i === 0 ? label.padEnd(LABEL_WIDTH) : pad}${v}`);
}

function addressee(a: Addressee): string {
  const office = a.office === null ? "" : ` //${a.office}//`;
  const precedence = a.precedence === null ? "" : `  ${a.precedence}`;
  const route = a.route === null ? "" : ` [${a.route}]`;
  return `${a.name}${office}${precedence}${a.mcn === null ? "" : ` ${a.mcn}`}${route}`;
}

function tag(code: string): string {
  const { kind, description } = describeTag(code);
  return `${code}  ${kind}${description === null ? "" : `: ${description}`}`;
}

function dateOf(dtg: string | null): string[] {
  // 2008-02-16T23:19:00Z reads as the telegram's own zone, Z.
  return dtg === null ? [] : [dtg.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::00)?Z$/, "$1 $2Z")];
}

/**
 * Lines summarising a cable: id, date, precedence, addressees with their precedences, classification and
 * caveats, tags (with kind and name), subject, references, paragraph count and parse warnings.
 * @example formatCableSummary(parseTelegram(seed))[0] // "id              08STATE16245"
 */
export function formatCableSummary(cable: Cable): string[] {
  const numbered = cable.paragraphs.filter((p) => p.number !== null).length;
  const blocks = cable.paragraphs.length - numbered;
  const classification = cable.classification ?? "unknown";
  return [
    ...row("id", [cable.id ?? "unknown"]),
    ...row("date", dateOf(cable.dtg)),
    ...row("precedence", cable.precedence === null ? [] : [cable.precedence]),
    ...row("from", cable.from === null ? [] : [addressee(cable.from)]),
    ...row("to", cable.to.map(addressee)),
    ...row("info", cable.info.map(addressee)),
    ...(cable.exclusions.length > 0 ? row("xmt", cable.exclusions.map(addressee)) : []),
    ...row("classification", [
      cable.caveats.length > 0 ? `${classification} // ${cable.caveats.join(", ")}` : classification,
    ]),
    ...(cable.handling.length > 0 ? row("handling", cable.handling) : []),
    ...row("e.o.", cable.eo === null ? [] : [`${cable.eo.order}: ${cable.eo.text}`]),
    ...row("classified by", cable.classifiedBy === null ? [] : [classifiedBy(cable.classifiedBy)]),
    ...row("tags", cable.tags.map(tag)),
    ...row("subject", cable.subject === null ? [] : [cable.subject]),
    ...row(
      "references",
      cable.references.map((r) => `${r.label === null ? "" : `${r.label}. `}${r.id ?? r.text}`),
    ),
    ...row("paragraphs", [`${numbered}${blocks > 0 ? ` (and ${blocks} unnumbered blocks)` : ""}`]),
    ...row("signed", cable.signers),
    ...row(
      "warnings",
      cable.warnings.length === 0 ? ["none"] : cable.warnings.map((w) => `line ${w.line}: ${w.code}: ${w.message}`),
    ),
  ];
}

function classifiedBy(c: NonNullable<Cable["classifiedBy"]>): string {
  const who = [c.title, c.name].filter((s) => s !== "").join(" ");
  return c.reasons.length > 0 ? `${who}, reason ${c.reasons.join(", ")}` : who;
}
