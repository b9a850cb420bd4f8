// Reads a legacy telegram into the cable model: header, classification line, preamble, body, signature.
import {
  canonicalCableId,
  classificationRank,
  emptyCable,
  normaliseStation,
  parseCableId,
  parsePortionMark,
  bodyOfParagraphs,
  type Cable,
  type Classification,
} from "../core/index.ts";
import { isPartialExtractNote, readWeekdayBanner, stripArtefacts } from "./artefacts.ts";
import { readClassificationLine, type ClassificationLine } from "./classification-line.ts";
import { findRunOnClassifiedBy, readClassifiedBy, CLASSIFIED_BY_LINE } from "./classified-by.ts";
import { isoDateTime, monthNumber } from "./date-time-group.ts";
import { collapse, hasOddSpaces, isBlank, splitLines, type Line } from "./lines.ts";
import { readBody } from "./paragraphs.ts";
import { stationOfPlad } from "./plad.ts";
import { readPreamble } from "./preamble.ts";
import { findReferenceBlock, readReferences } from "./references.ts";
import { takeSignature } from "./signature.ts";
import { cleanSubject, findSubject } from "./subject-line.ts";
import { findTagsText, readTags, TAGS_LINE } from "./tags-line.ts";
import { classificationOfSecurityWarning } from "./security-warning.ts";
import { readHeader } from "./transmission-header.ts";
import { collectWarnings, type Warn } from "./warnings.ts";
import { execAll } from "./exec-all.ts";

export type ParseOptions = {
  /** The cable's id when known from elsewhere (an archive index); wins over the text, with a warning if they differ. */
  id?: string;
  /** The year when the text has no date-time group; numbers the cable and dates references without a year. */
  year?: number;
};

/**
 * Reads a legacy telegram into a cable.
 *
 * Tolerant: it never throws, whatever the input. What it had to guess, repair or skip becomes a warning
 * with its line number, because an archive import must never drop traffic. Page lines, repeated section
 * lines and archive banners are removed from the text; the original text is the caller's to keep.
 * Runs in time linear in the input: every step reads each line a bounded number of times.
 *
 * @example
 * const cable = parseTelegram(text)
 * cable.id                // "08STATE16245"
 * cable.to[0]             // { route: "RUEHOU", name: "AMEMBASSY OUAGADOUGOU", office: null, precedence: "NIACT IMMEDIATE", mcn: "6893" }
 * cable.paragraphs[1]     // { number: 2, marking: "SBU", text: "The Department requests ..." }
 */
export function parseTelegram(text: string, options: ParseOptions = {}): Cable {
  const { warnings, warn } = collectWarnings();
  const cable = emptyCable();
  try {
    readInto(cable, typeof text === "string" ? text : String(text), options, warn);
  } catch (error) {
    // A parser bug must not cost an import its cable: keep what was read and say what happened.
    warn("parser_error", 0, `the parser stopped early: ${error instanceof Error ? error.message : String(error)}`);
  }
  cable.warnings = warnings;
  return cable;
}

function readInto(cable: Cable, text: string, options: ParseOptions, warn: Warn): void {
  const lines = splitLines(text.replace(/^\uFEFF/, ""));
  const { index: classIndex, line: classLine } = findClassificationLine(lines);
  const headerEnd = classIndex >= 0 ? classIndex : headerBlockEnd(lines);
  const headerLines = lines.slice(0, headerEnd);

  const header = readHeader(headerLines, warn);
  cable.transmission = header.transmission;
  cable.dtg = header.dtg;
  cable.precedence = header.precedence;
  cable.from = header.from;
  cable.to = header.to;
  cable.info = header.info;
  cable.exclusions = header.exclusions;
  noteHeaderArtefacts(headerLines, cable, warn);

  const rest = stripArtefacts(lines.slice(classIndex >= 0 ? classIndex + 1 : headerEnd));
  const preamble = readPreamble(rest);
  cable.caveats = [...(classLine?.caveats ?? [])].filter((c) => c !== "CORRECTED COPY");
  for (const c of preamble.caveats) if (!cable.caveats.includes(c)) cable.caveats.push(c);
  cable.handling = preamble.handling;
  cable.eo = preamble.eo;
  cable.subject = preamble.subject ? cleanSubject(preamble.subject) : findSubject(rest);
  cable.classifiedBy = preamble.classifiedBy;
  const fallbackTags = preamble.tagsText === null ? (bannerTags(headerLines) ?? findTagsText(rest)) : null;
  cable.tags = readTags(preamble.tagsText ?? fallbackTags ?? "");
  if (cable.subject === null) cable.subject = bannerSubject(headerLines);

  const body = readBody(rest.slice(preamble.bodyStart), warn, hasOddSpaces(text));
  cable.paragraphs = body.paragraphs;
  cable.signers = body.signers;
  if (cable.signers.length === 0 && cable.paragraphs.length <= 1) {
    // A body joined into the preamble's last line (a re-cased copy) still ends with its signer, maybe on a line of
    // its own that the body read as its only paragraph.
    cable.signers = joinedBodySigners(rest);
    const only = cable.paragraphs[0]?.text ?? "";
    if (cable.signers.length > 0 && !/[A-Za-z0-9]/.test(only.replace(cable.signers.join(" "), "")))
      cable.paragraphs = [];
  }
  cable.body = bodyOfParagraphs(cable.paragraphs);
  if (cable.classifiedBy === null) {
    const p = body.paragraphs.find((p) => CLASSIFIED_BY_LINE.test(p.text));
    if (p) cable.classifiedBy = readClassifiedBy(CLASSIFIED_BY_LINE.exec(p.text)![1]!);
  }
  if (cable.classifiedBy === null || cable.classifiedBy.reasons.length === 0) {
    cable.classifiedBy = findRunOnClassifiedBy(text) ?? cable.classifiedBy;
  }

  const foreign = identify(cable, classLine, headerLines, options, warn);
  const refText = preamble.refText ?? findReferenceBlock(rest);
  cable.references = readReferences(refText ?? "", yearOf(cable) ?? header.year ?? options.year ?? null);
  classify(cable, classLine, classIndex >= 0 ? lines[classIndex]!.no : 0, foreign, warn);
}

/**
 * The first classification line carrying a message number, else the first bare one. Lines after the
 * transmission header are preferred: a mail-client banner may repeat the classification line above it.
 */
function findClassificationLine(lines: readonly Line[]): { index: number; line: ClassificationLine | null } {
  const fm = lines.findIndex((l) => /^FM\s+\S/.test(l.text));
  if (fm > 0) {
    const after = scanClassificationLines(lines, fm);
    if (after.index >= 0) return after;
  }
  const found = scanClassificationLines(lines, 0);
  return found.index >= 0 ? found : runOnClassificationLine(lines);
}

// A classification line run into other text: after a quote or comma (a record exported as CSV: `","S E C R E T`)
// or the viewer's `Cable dated:` banner, and followed by the preamble without a space (`CAIRO 008938SIPDISFOR ...`).
const RUN_ON_START = /(?:^|[",]|Cable dated:[0-9T:-]+)\s*(?=C O N F|S E C R|T O P|UNCLAS|SECRET|CONFIDENTIAL)/g;
const UP_TO_NUMBER = /^(.{6,120}?\s\d{3,7})(?!\d)/;

/** The first line that holds a classification line run into other text, read up to its message number. */
function runOnClassificationLine(lines: readonly Line[]): { index: number; line: ClassificationLine | null } {
  for (let i = 0; i < Math.min(lines.length, 60); i++) {
    const text = lines[i]!.text.slice(0, 4000);
    for (const start of execAll(RUN_ON_START, text)) {
      const m = UP_TO_NUMBER.exec(text.slice(start.index! + start[0].length));
      const c = m ? readClassificationLine(m[1]!) : null;
      if (c !== null && c.station !== null) return { index: i, line: c };
    }
  }
  return { index: -1, line: null };
}

function scanClassificationLines(
  lines: readonly Line[],
  from: number,
): { index: number; line: ClassificationLine | null } {
  let bare = -1;
  let bareLine: ClassificationLine | null = null;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.length > 2000 || isBlank(text)) continue;
    const c = readClassificationLine(text);
    if (c === null) continue;
    if (c.station !== null) return { index: i, line: c };
    if (bare === -1 && (c.section !== null || text.trim() === text.trim().toUpperCase())) {
      bare = i;
      bareLine = c;
    }
  }
  return { index: bare, line: bareLine };
}

/** Without a classification line, the header runs to the first blank line after FM (or after the date-time group). */
function headerBlockEnd(lines: readonly Line[]): number {
  let sawFm = false;
  let sawDtg = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    if (/^FM\s/.test(text)) sawFm = true;
    else if (/^[ZOPR](\s[ZOPR])*\s\d{6}Z\s/.test(text)) sawDtg = true;
    else if (isBlank(text) && (sawFm || (sawDtg && !fmWithin(lines, i, 40)))) return i;
  }
  return sawFm || sawDtg ? lines.length : 0;
}

/** Whether an FM line comes within `span` input lines from `lines[from]`, counting by line number. */
function fmWithin(lines: readonly Line[], from: number, span: number): boolean {
  const end = lines[from]!.no + span;
  for (let j = from; j < lines.length && lines[j]!.no < end; j++) if (/^FM\s/.test(lines[j]!.text)) return true;
  return false;
}

function noteHeaderArtefacts(headerLines: readonly Line[], cable: Cable, warn: Warn): void {
  for (const line of headerLines) {
    if (isPartialExtractNote(line.text)) {
      warn(
        "partial_extract",
        line.no,
        "the archive holds only a partial extract of this cable; the header is incomplete",
      );
    } else if (cable.dtg === null) {
      const b = readWeekdayBanner(line.text);
      const month = b ? monthNumber(b.month) : 0;
      const iso = b && month > 0 ? isoDateTime(b.year, month, b.day, b.hour, b.minute) : null;
      if (iso) {
        cable.dtg = iso;
        warn("date_from_banner", line.no, "no date-time group: the date was taken from the archive's banner");
      }
    }
  }
}

/** Id, origin and serial: from the classification line and the DTG year, or from the caller's id. */
function identify(
  cable: Cable,
  classLine: ClassificationLine | null,
  headerLines: readonly Line[],
  options: ParseOptions,
  warn: Warn,
): boolean {
  const given = options.id ? parseCableId(options.id) : null;
  const redacted = classLine?.station ? /^X+$/.test(normaliseStation(classLine.station)) : false;
  if (redacted && cable.from && classLine?.serial != null && stationOfPlad(cable.from.name)) {
    // The archive redacted the station (`XXXXXXXXXXXX 000004`); FM still names the post.
    cable.origin = stationOfPlad(cable.from.name);
    cable.serial = classLine.serial;
    warn("station_redacted", 0, "the station on the classification line is redacted: taken from the FM line");
  } else if (classLine?.station && classLine.serial !== null) {
    cable.origin = normaliseStation(classLine.station);
    cable.serial = classLine.serial;
  } else if (given) {
    cable.origin = given.station;
    cable.serial = given.serial;
  } else if (cable.from && cable.transmission?.stationSerial) {
    // No classification line: number from the header. The DE serial is the last four digits of the
    // message number, which is the whole number for posts but not for STATE's six-digit series.
    const station = stationOfPlad(cable.from.name);
    if (station !== null && station !== "STATE") {
      cable.origin = station;
      cable.serial = Number(cable.transmission.stationSerial);
      warn("id_from_header", 0, "no classification line: the cable is numbered from its FM and DE lines");
    }
  }
  cable.section = classLine?.section ?? null;
  const foreign = isForeignBody(cable, classLine);
  if (foreign) {
    // One cable's header on another's body: the header is the archive's record, so it numbers the cable.
    warn(
      "foreign_body",
      0,
      `the body is numbered ${classLine!.station} ${classLine!.serial}, but the header is ${cable.from!.name} #${cable.transmission!.stationSerial}: numbered from the header`,
    );
    cable.origin = stationOfPlad(cable.from!.name);
    cable.serial = Number(cable.transmission!.stationSerial);
  }
  let year = cable.dtg ? Number(cable.dtg.slice(0, 4)) : null;
  if (year === null && options.year !== undefined && Number.isInteger(options.year)) year = options.year;
  if (year === null && given) year = given.year;
  if (year === null) year = bannerYear(headerLines);
  if (year === null && cable.eo?.decl) {
    // E.O. 12958 declassified after ten years by default: the best clue a dateless extract leaves.
    year = Number(cable.eo.decl.slice(0, 4)) - 10;
    warn(
      "year_guessed",
      0,
      `no date in the text: year ${year} guessed as the DECL year less ten; pass --year or --id to be sure`,
    );
  }
  if (cable.origin !== null && cable.serial !== null && year !== null) {
    cable.id = canonicalCableId(year, cable.origin, cable.serial);
  }
  if (given) {
    if (cable.id !== null && cable.id !== given.id) {
      warn(
        "id_mismatch",
        0,
        `the text numbers this cable ${cable.id}, but it was given as ${given.id}; using ${given.id}`,
      );
    }
    cable.id = given.id;
    if (cable.origin === null) cable.origin = given.station;
    if (cable.serial === null) cable.serial = given.serial;
  } else if (cable.id === null && (cable.origin !== null || cable.dtg !== null || cable.from !== null)) {
    warn(
      "no_message_number",
      0,
      "the text gives no complete message number (station, serial and year): the cable has no id",
    );
  }
  return foreign;
}

/** True when the DE line and FM name another cable than the classification line does. */
function isForeignBody(cable: Cable, classLine: ClassificationLine | null): boolean {
  const serial = cable.transmission?.stationSerial;
  if (!classLine?.station || classLine.serial === null || !serial || !cable.from) return false;
  if (Number(serial) === classLine.serial % 10000) return false;
  const fromStation = stationOfPlad(cable.from.name);
  return fromStation !== null && fromStation !== normaliseStation(classLine.station);
}

function yearOf(cable: Cable): number | null {
  if (cable.dtg) return Number(cable.dtg.slice(0, 4));
  const parsed = cable.id ? parseCableId(cable.id) : null;
  return parsed ? parsed.year : null;
}

/** The overall classification: the classification line, else the ZN letters, else the highest portion mark. */
function classify(
  cable: Cable,
  classLine: ClassificationLine | null,
  lineNo: number,
  foreign: boolean,
  warn: Warn,
): void {
  const znLevel = classificationOfSecurityWarning(cable.transmission?.securityWarning);
  if (classLine && !(foreign && znLevel !== null)) {
    cable.classification = classLine.classification;
    if (znLevel !== null && znLevel !== classLine.classification) {
      warn(
        "classification_conflict",
        lineNo,
        `the classification line says ${classLine.classification} but the security warning says ${znLevel}`,
      );
    }
    return;
  }
  if (znLevel !== null) {
    cable.classification = znLevel;
    warn("classification_guessed", 0, `no classification line: ${znLevel} taken from the security warning`);
    return;
  }
  let highest: Classification | null = null;
  for (const p of cable.paragraphs) {
    const mark = p.marking ? parsePortionMark(p.marking) : null;
    if (mark && (highest === null || classificationRank(mark.level) > classificationRank(highest)))
      highest = mark.level;
  }
  if (highest !== null) {
    cable.classification = highest;
    warn("classification_guessed", 0, `no classification line: ${highest} taken from the highest portion mark`);
  }
}

/** The signer at the end of a body joined into one long preamble line, as re-cased copies have it; none otherwise. */
function joinedBodySigners(rest: readonly Line[]): string[] {
  const ending: Line[] = [];
  for (let k = rest.length - 1; k >= 0 && ending.length < 2; k--) if (!isBlank(rest[k]!.text)) ending.unshift(rest[k]!);
  return ending.some((l) => l.text.length > 300) ? takeSignature(ending) : [];
}

/** TAGS from a mail-client banner above the cable (`TAGS:     PREL, EPET`), used when the cable has none. */
function bannerTags(headerLines: readonly Line[]): string | null {
  for (const line of headerLines) {
    const m = TAGS_LINE.exec(line.text.trim());
    if (m) return m[1]!;
  }
  return null;
}

function bannerSubject(headerLines: readonly Line[]): string | null {
  for (let i = 0; i < headerLines.length; i++) {
    const m = /^Subject:\s*(.*)$/.exec(headerLines[i]!.text.trim());
    if (!m) continue;
    const parts = [m[1]!];
    for (let j = i + 1; j < headerLines.length && /^\s{4,}\S/.test(headerLines[j]!.text); j++)
      parts.push(headerLines[j]!.text);
    return collapse(parts.join(" ")) || null;
  }
  return null;
}

/** The year of a `TELEGRAM June 03, 2003` banner line, for cables without a date-time group. */
function bannerYear(headerLines: readonly Line[]): number | null {
  for (const line of headerLines) {
    const m =
      /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+((?:19|20)\d{2})\b/.exec(
        line.text,
      );
    if (m) return Number(m[1]);
  }
  return null;
}
