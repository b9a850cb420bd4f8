// The composer's form and its two translations: a cable (for live validation and the telegram preview) and the
// fields the API takes (POST/PATCH /api/drafts). Pure: the form in, values out, so it is tested without a browser.
import {
  bodyOfParagraphs,
  emptyCable,
  isPrecedence,
  parseCableId,
  type ActionRequest,
  type Addressee,
  type Cable,
  type Classification,
  type Confidence,
  type PositionReport,
  type Precedence,
} from "../../../../src/core/index.ts";
import type { DraftFields } from "../../api/types.ts";

/** The three addressee lists a drafter fills. */
export const ADDRESSEE_LISTS = ["to", "info", "exclusions"] as const;
export type AddresseeList = (typeof ADDRESSEE_LISTS)[number];

/** The precedence a new addressee gets. */
export const DEFAULT_PRECEDENCE: Precedence = "IMMEDIATE";

/** The executive orders a drafter may cite: 13526 replaced 12958 at the end of 2009. */
export const EXECUTIVE_ORDERS = ["13526", "12958"] as const;

export type AddresseeRow = {
  key: string;
  /** As the drafter wrote it or the directory names it: `AMEMBASSY PANAMA`, `PANAMA`, `RUEHZP`, `IO/UNP`. */
  name: string;
  /** Office suffix (`J-3/J-5` of `JOINT STAFF WASHDC//J-3/J-5//`), kept from a pasted telegram. */
  office: string | null;
  precedence: Precedence;
};

export type ReferenceRow = { key: string; label: string; text: string };

export type ParagraphRow = {
  key: string;
  /** A numbered paragraph, or an unnumbered heading (`OBJECTIVES`). Numbers follow the order of the form. */
  numbered: boolean;
  /** Portion mark without parentheses (`SBU`, `C/NF`), or "" for none. */
  marking: string;
  text: string;
};

export type ActionRequestRow = {
  key: string;
  what: string;
  /** Action posts it is for, as named on TO; empty: all of them. */
  posts: string[];
  /** As a datetime-local input holds it, in the browser's time zone: `2026-03-01T18:00`; "" when not set. */
  due: string;
};

/** Everything the composer edits. Lists carry a `key` so React keeps each row's inputs when rows move. */
export type DraftForm = {
  from: string;
  to: AddresseeRow[];
  info: AddresseeRow[];
  exclusions: AddresseeRow[];
  classification: Classification;
  caveats: string[];
  /** Handling lines under the classification line (office slugs), kept from a pasted telegram. */
  handling: string[];
  classifiedBy: { name: string; title: string; reasons: string };
  eo: { order: string; decl: string; instruction: string };
  tags: string[];
  subject: string;
  references: ReferenceRow[];
  paragraphs: ParagraphRow[];
  signers: string;
  actionRequests: ActionRequestRow[];
  /** A reply's position report; sent only when a campaign is named. */
  positionReport: PositionReportRow;
};

/** The position report as the form holds it: every field text, "" when not filled. */
export type PositionReportRow = {
  campaignId: string;
  questionId: string;
  country: string;
  position: string;
  confidence: Confidence;
};

const NO_REPORT: PositionReportRow = {
  campaignId: "",
  questionId: "",
  country: "",
  position: "",
  confidence: "reported",
};

let counter = 0;
/** A key for a new row, unique in this page. */
export function rowKey(): string {
  counter += 1;
  return `r${counter}`;
}

/**
 * A blank form, originating at `from` (the user's post), with one empty unclassified paragraph.
 * @example emptyForm("SECSTATE WASHDC").paragraphs.length // 1
 */
export function emptyForm(from: string): DraftForm {
  return {
    from,
    to: [],
    info: [],
    exclusions: [],
    classification: "UNCLASSIFIED",
    caveats: [],
    handling: [],
    classifiedBy: { name: "", title: "", reasons: "" },
    eo: { order: EXECUTIVE_ORDERS[0], decl: "", instruction: "N/A" },
    tags: [],
    subject: "",
    references: [],
    paragraphs: [{ key: rowKey(), numbered: true, marking: "U", text: "" }],
    signers: "",
    actionRequests: [],
    positionReport: { ...NO_REPORT },
  };
}

/**
 * The form of a cable (a pasted telegram, or a stored draft) and its action requests.
 * @example formOfCable(parseTelegram(seed), []).to[0] // { name: "AMEMBASSY OUAGADOUGOU", precedence: "NIACT IMMEDIATE", ... }
 */
export function formOfCable(
  cable: Cable,
  actionRequests: readonly ActionRequest[] = [],
  positionReport: PositionReport | null = null,
): DraftForm {
  const row = (a: Addressee): AddresseeRow => ({
    key: rowKey(),
    name: a.name,
    office: a.office,
    precedence: a.precedence ?? "ROUTINE",
  });
  return {
    from: cable.from?.name ?? "",
    to: cable.to.map(row),
    info: cable.info.map(row),
    exclusions: cable.exclusions.map(row),
    classification: cable.classification ?? "UNCLASSIFIED",
    caveats: [...cable.caveats],
    handling: [...cable.handling],
    classifiedBy: {
      name: cable.classifiedBy?.name ?? "",
      title: cable.classifiedBy?.title ?? "",
      reasons: cable.classifiedBy?.reasons.join(" ") ?? "",
    },
    eo: {
      order: cable.eo?.order ?? EXECUTIVE_ORDERS[0],
      decl: cable.eo?.decl ?? "",
      instruction: cable.eo && cable.eo.decl === null ? cable.eo.text : "",
    },
    tags: [...cable.tags],
    subject: cable.subject ?? "",
    references: uniqueReferences(cable).map((r) => ({ key: rowKey(), label: r.label ?? "", text: r.text })),
    paragraphs: cable.paragraphs.map((p) => ({
      key: rowKey(),
      numbered: p.number !== null,
      marking: p.marking ?? "",
      text: p.text,
    })),
    signers: cable.signers.join(", "),
    actionRequests: actionRequests.map((r) => ({
      key: rowKey(),
      what: r.what,
      posts: [...r.posts],
      due: localDateTime(r.due),
    })),
    positionReport: positionReport === null ? { ...NO_REPORT } : { ...positionReport },
  };
}

// One REF item citing several cables is several references with the same label and text; the form shows it once.
function uniqueReferences(cable: Cable) {
  return cable.references.filter(
    (r, i, all) => i === 0 || all[i - 1]!.label !== r.label || all[i - 1]!.text !== r.text,
  );
}

/**
 * The cable the form describes, as release would number it but without number or date: what validation checks and
 * the preview renders. `origin` (a station) and `now` let the preview show a placeholder number and date.
 * @example cableOfForm(form).paragraphs[0] // { number: 1, marking: "U", text: "..." }
 */
export function cableOfForm(form: DraftForm, placeholder: { origin?: string; dtg?: string } = {}): Cable {
  const addressee = (r: AddresseeRow, withPrecedence: boolean): Addressee => ({
    route: null,
    name: r.name.trim().toUpperCase(),
    office: r.office,
    precedence: withPrecedence ? r.precedence : null,
    mcn: null,
  });
  let number = 0;
  const paragraphs = form.paragraphs.map((p) => ({
    number: p.numbered ? ++number : null,
    marking: p.marking.trim() === "" ? null : p.marking.trim().toUpperCase(),
    text: p.text.trim(),
  }));
  const reasons = splitReasons(form.classifiedBy.reasons);
  const classifiedBy =
    form.classifiedBy.name.trim() === "" && form.classifiedBy.title.trim() === "" && reasons.length === 0
      ? null
      : { name: form.classifiedBy.name.trim(), title: form.classifiedBy.title.trim(), reasons };
  const from = form.from.trim();
  return {
    ...emptyCable(),
    origin: placeholder.origin ?? null,
    serial: placeholder.origin ? 0 : null,
    dtg: placeholder.dtg ?? null,
    from: from === "" ? null : { route: null, name: from.toUpperCase(), office: null, precedence: null, mcn: null },
    to: form.to.map((r) => addressee(r, true)),
    info: form.info.map((r) => addressee(r, true)),
    exclusions: form.exclusions.map((r) => addressee(r, false)),
    classification: form.classification,
    caveats: [...form.caveats],
    handling: [...form.handling],
    eo: executiveOrder(form.eo),
    tags: [...form.tags],
    subject: form.subject.trim() === "" ? null : form.subject.replace(/\s+/g, " ").trim(),
    references: form.references
      .filter((r) => r.text.trim() !== "")
      .map((r) => ({
        label: r.label.trim() === "" ? null : r.label.trim().toUpperCase(),
        id: referencedId(r.text),
        text: r.text.replace(/\s+/g, " ").trim(),
      })),
    classifiedBy,
    paragraphs,
    body: bodyOfParagraphs(paragraphs),
    signers: splitList(form.signers),
  };
}

/**
 * The fields to POST or PATCH: the form's cable less what release assigns, plus the action requests with their
 * due times in UTC. Addressees go by name; the server resolves them against the directory.
 * @example fieldsOfForm(form).to // [{ name: "AMEMBASSY PANAMA", precedence: "NIACT IMMEDIATE" }]
 */
export function fieldsOfForm(form: DraftForm): DraftFields {
  const cable = cableOfForm(form);
  const addressee = (a: Addressee) => ({
    name: a.name,
    ...(a.office ? { office: a.office } : {}),
    ...(a.precedence ? { precedence: a.precedence } : {}),
  });
  return {
    from: cable.from?.name ?? null,
    to: cable.to.filter((a) => a.name !== "").map(addressee),
    info: cable.info.filter((a) => a.name !== "").map(addressee),
    exclusions: cable.exclusions.filter((a) => a.name !== "").map(addressee),
    classification: cable.classification,
    caveats: cable.caveats,
    handling: cable.handling,
    eo: cable.eo,
    tags: cable.tags,
    subject: cable.subject,
    references: cable.references,
    classifiedBy: cable.classifiedBy,
    paragraphs: cable.paragraphs,
    signers: cable.signers,
    actionRequests: form.actionRequests.flatMap((r) => {
      const due = isoOfLocal(r.due);
      return r.what.trim() === "" || due === null ? [] : [{ what: r.what.trim(), posts: r.posts, due }];
    }),
    positionReport: reportOfForm(form.positionReport),
  };
}

/**
 * The position report to send: null when no campaign is named, so a draft without one clears it.
 * @example reportOfForm({ campaignId: "", ... }) // null
 */
export function reportOfForm(row: PositionReportRow): PositionReport | null {
  const trimmed = {
    campaignId: row.campaignId.trim(),
    questionId: row.questionId.trim(),
    country: row.country.trim(),
    position: row.position.trim(),
    confidence: row.confidence,
  };
  return trimmed.campaignId === "" ? null : trimmed;
}

function executiveOrder(eo: DraftForm["eo"]): Cable["eo"] {
  if (eo.decl !== "") return { order: eo.order, decl: eo.decl, text: `DECL: ${usDate(eo.decl)}` };
  const text = eo.instruction.replace(/\s+/g, " ").trim();
  return text === "" ? null : { order: eo.order, decl: null, text };
}

/**
 * The canonical id a reference cites (`07 STATE 166909`, `07STATE166909`), or null for a non-cable reference.
 * @example referencedId("07 STATE 166909") // "07STATE166909"
 * @example referencedId("E-mail of 3 March") // null
 */
export function referencedId(text: string): string | null {
  return parseCableId(text.replace(/\s+/g, ""))?.id ?? null;
}

/**
 * Reasons of Classified By as the model keeps them: `1.4(b)`, lower-case letters.
 * @example splitReasons("1.4(B), 1.4 (d)") // ["1.4(b)", "1.4(d)"]
 */
export function splitReasons(text: string): string[] {
  return [...text.matchAll(/(\d+\.\d+)\s*\(\s*([a-z])\s*\)/gi)].map((m) => `${m[1]}(${m[2]!.toLowerCase()})`);
}

function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function usDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${m}/${d}/${y}`;
}

/**
 * A datetime-local value (the browser's time) as an ISO instant, or null when it is not one.
 * @example isoOfLocal("2026-03-01T18:00") // "2026-03-01T17:00:00.000Z" in Paris
 */
export function isoOfLocal(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * An ISO instant as a datetime-local value in the browser's time zone.
 * @example localDateTime("2026-03-01T17:00:00Z") // "2026-03-01T18:00" in Paris
 */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Whether a string is an addressee precedence (for select values). */
export function asPrecedence(value: string): Precedence {
  return isPrecedence(value) ? value : DEFAULT_PRECEDENCE;
}
