// Writes a cable in the legacy telegram format, laid out like the seeds.
import { CLASSIFICATION_LINE, PROSIGN, type Cable, type Paragraph } from "../core/index.ts";
import { formatAddressee } from "./addressee-line.ts";
import { formatClassifiedBy } from "./classified-by.ts";
import { formatDtg } from "./date-time-group.ts";
import { formatExecutiveOrder } from "./executive-order.ts";
import { formatReferences } from "./references.ts";
import { formatTags } from "./tags-line.ts";
import { wrap } from "./wrap.ts";

/** Body text width; FORMAT.md: wrapped at 55 to 65 columns. */
export const BODY_WIDTH = 60;

/**
 * Writes a cable as a telegram: transmission header, FM/TO/INFO/XMT, classification line, captions, E.O.,
 * TAGS, SUBJECT, REF, Classified By, numbered paragraphs (`1. (U)`, no ¶) wrapped at 60 columns, page
 * lines at section joins, and the signature. `parseTelegram(renderTelegram(c))` gives back `c`.
 * @example renderTelegram(parseTelegram(seed)).split("\n")[0] // "VZCZCXRO0350"
 */
export function renderTelegram(cable: Cable): string {
  const out: string[] = [];
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };
  out.push(...transmissionLines(cable));
  if (cable.from) out.push(`FM ${formatAddressee(cable.from)}`);
  addresseeBlock(out, "TO", cable.to);
  addresseeBlock(out, "INFO", cable.info);
  addresseeBlock(out, "XMT", cable.exclusions);
  blank();
  if (cable.classification) {
    const section = cable.section ? `SECTION ${pad(cable.section.index, 2)} OF ${pad(cable.section.total, 2)} ` : "";
    const number = cable.origin && cable.serial !== null ? ` ${cable.origin} ${pad(cable.serial, 6)}` : "";
    out.push(`${CLASSIFICATION_LINE[cable.classification]} ${section}`.trimEnd() + number);
    blank();
  }
  for (const caveat of cable.caveats) out.push(caveat);
  for (const line of cable.handling) out.push(line);
  blank();
  if (cable.eo) out.push(formatExecutiveOrder(cable.eo));
  if (cable.tags.length > 0) out.push(formatTags(cable.tags));
  blank();
  if (cable.subject !== null) {
    out.push(...wrap(`SUBJECT: ${cable.subject}`, BODY_WIDTH));
    blank();
  }
  if (cable.references.length > 0) {
    out.push(...formatReferences(cable.references));
    blank();
  }
  if (cable.classifiedBy) {
    out.push(...wrap(formatClassifiedBy(cable.classifiedBy), BODY_WIDTH));
    blank();
  }
  out.push(...bodyLines(cable));
  if (cable.signers.length > 0) {
    blank();
    out.push(...cable.signers);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}

function transmissionLines(cable: Cable): string[] {
  const t = cable.transmission;
  const lines: string[] = [];
  if (t?.startOfMessage) lines.push(t.startOfMessage);
  if (t?.relayPrecedence) lines.push([t.relayPrecedence, ...t.relayRoutes].join(" "));
  if (t?.station) {
    const serial = `#${t.stationSerial ?? ""}${t.part ? `/${t.part}` : ""}`;
    lines.push(["DE", t.station, serial, t.filingTime].filter((x) => x).join(" "));
  }
  if (t?.securityWarning) lines.push(t.securityWarning);
  if (cable.dtg) {
    const prosigns = t?.prosigns ?? (cable.precedence ? PROSIGN[cable.precedence] : null);
    const dtg = [prosigns, formatDtg(cable.dtg), t?.signals].filter((x) => x).join(" ");
    lines.push(dtg);
  }
  return lines;
}

function addresseeBlock(out: string[], keyword: string, list: Cable["to"]): void {
  list.forEach((a, i) => out.push(`${i === 0 ? `${keyword} ` : ""}${formatAddressee(a)}`));
}

/** Paragraphs wrapped, with page lines (`STATE 00039345 002 OF 002`) before paragraphs at section joins. */
function bodyLines(cable: Cable): string[] {
  const breaks = sectionBreaks(cable);
  const lines: string[] = [];
  cable.paragraphs.forEach((p, i) => {
    const page = breaks.get(i);
    if (page !== undefined && cable.origin && cable.serial !== null && cable.section) {
      lines.push("", `${cable.origin} ${pad(cable.serial, 8)} ${pad(page, 3)} OF ${pad(cable.section.total, 3)}`);
    }
    if (lines.length > 0) lines.push("");
    lines.push(...paragraphLines(p));
  });
  return lines;
}

function paragraphLines(p: Paragraph): string[] {
  const head = `${p.number === null ? "" : `${p.number}. `}${p.marking === null ? "" : `(${p.marking}) `}`;
  const lines: string[] = [];
  p.text.split("\n\n").forEach((block, b) => {
    if (b > 0) lines.push("");
    block.split("\n").forEach((line, l) => {
      lines.push(...wrap(`${b === 0 && l === 0 ? head : ""}${line}`, BODY_WIDTH));
    });
  });
  return lines;
}

/** Where each later section starts: before numbered paragraphs, spread evenly by length. */
function sectionBreaks(cable: Cable): Map<number, number> {
  const breaks = new Map<number, number>();
  const total = cable.section?.total ?? 1;
  if (total < 2) return breaks;
  const sizes = cable.paragraphs.map((p) => p.text.length + 10);
  const all = sizes.reduce((a, b) => a + b, 0);
  let sum = 0;
  let next = 2;
  cable.paragraphs.forEach((p, i) => {
    if (next <= total && p.number !== null && i > 0 && sum >= ((next - 1) * all) / total) breaks.set(i, next++);
    sum += sizes[i]!;
  });
  return breaks;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
