// The cable model: zod schemas and the types inferred from them. Its JSON form is what `cablegram parse --json` prints.
import { z } from "zod";
import { CLASSIFICATIONS } from "./classification.ts";
import { PRECEDENCES, TRANSMISSION_PRECEDENCES } from "./precedence.ts";

export const PrecedenceSchema = z.enum(PRECEDENCES);
export const TransmissionPrecedenceSchema = z.enum(TRANSMISSION_PRECEDENCES);
export const ClassificationSchema = z.enum(CLASSIFICATIONS);

/** One addressee line: `RUEHOU/AMEMBASSY OUAGADOUGOU NIACT IMMEDIATE 6893`. */
export const AddresseeSchema = z.object({
  /** Routing indicator (`RUEHOU`), or null when the line has none. */
  route: z.string().nullable(),
  /** Plain-language address as written (`AMEMBASSY OUAGADOUGOU`), office suffix removed. */
  name: z.string().min(1),
  /** Office suffix of `JOINT STAFF WASHDC//J-3/J-5//`, as `J-3/J-5`; null when none. */
  office: z.string().nullable().default(null),
  /** Precedence as written (`NIACT IMMEDIATE`); null when the line gives none (which means ROUTINE). */
  precedence: PrecedenceSchema.nullable(),
  /** Channel serial (`6893`) or range (`2276-2279`); null before transmission or when absent. */
  mcn: z.string().nullable(),
});
export type Addressee = z.infer<typeof AddresseeSchema>;

/** The executive order line: `E.O. 12958: DECL: 04/16/2019`. */
export const ExecutiveOrderSchema = z.object({
  /** The order's number: `12958`, `13526`, `11652`. */
  order: z.string(),
  /** Declassification date (ISO `YYYY-MM-DD`), or null for N/A, OADR, events and the like. */
  decl: z.iso.date().nullable(),
  /** Everything after the order, as written but with whitespace collapsed: `DECL: 04/16/2019`, `N/A`. */
  text: z.string(),
});
export type ExecutiveOrder = z.infer<typeof ExecutiveOrderSchema>;

/** One entry of the REF block: `A. 07 STATE 166909`, or free text such as an e-mail. */
export const ReferenceSchema = z.object({
  /** Letter label (`A`), or null for a single unlabelled reference. */
  label: z.string().nullable(),
  /** Canonical id of the cited cable, or null for a non-cable reference. */
  id: z.string().nullable(),
  /** The reference as written, whitespace collapsed. */
  text: z.string(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

/** `Classified By: IO A/S Esther Brimmer for reason 1.4(b).` */
export const ClassifiedBySchema = z.object({
  name: z.string(),
  /** Title or office before the name (`IO A/S`); empty when none was given. */
  title: z.string(),
  /** Reasons as `1.4(b)`, lower-case letters. */
  reasons: z.array(z.string()),
});
export type ClassifiedBy = z.infer<typeof ClassifiedBySchema>;

/**
 * A block of the body in order: a numbered paragraph (`¶2. (SBU) ...`), or an unnumbered block such as a
 * heading (`OBJECTIVES`) with `number` null. Wrapped lines are joined by one space; bullets keep their own
 * lines; blocks inside a paragraph are separated by a blank line.
 */
export const ParagraphSchema = z.object({
  number: z.number().int().nonnegative().nullable(),
  /** Portion mark without parentheses, upper case, spaces collapsed: `SBU`, `S/NF`, `C/REL CHINA`; null when none. */
  marking: z.string().nullable(),
  text: z.string(),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** The ACP-127 transmission header, kept field by field so that it can be reproduced. */
export const TransmissionSchema = z.object({
  /** Start-of-message line: `VZCZCXRO0350`. */
  startOfMessage: z.string().nullable(),
  /** Relay precedence prosigns, doubled: `OO`. */
  relayPrecedence: z.string().nullable(),
  /** Routing indicators of the relay line: `["RUEHTRO"]`. */
  relayRoutes: z.array(z.string()),
  /** Originating station's routing indicator on the DE line: `RUEHC`. */
  station: z.string().nullable(),
  /** Station serial: `6245` of `#6245`. */
  stationSerial: z.string().nullable(),
  /** Part sent, `01` of `#9345/01`; null when absent. */
  part: z.string().nullable(),
  /** Julian day and filing time: `0472322`. */
  filingTime: z.string().nullable(),
  /** Security warning line verbatim: `ZNR UUUUU ZZH ZK`. */
  securityWarning: z.string().nullable(),
  /** Prosigns of the date-time group line: `O`, or `O P` when info goes at a lower precedence. */
  prosigns: z.string().nullable(),
  /** Trailing signals after the date-time group: `ZFF4`. */
  signals: z.string().nullable(),
});
export type Transmission = z.infer<typeof TransmissionSchema>;

/** What the parser had to guess, repair or skip. `line` is 1-based in the input text. */
export const ParseWarningSchema = z.object({
  code: z.string(),
  line: z.number().int().nonnegative(),
  message: z.string(),
});
export type ParseWarning = z.infer<typeof ParseWarningSchema>;

export const SectionSchema = z.object({
  index: z.number().int().positive(),
  total: z.number().int().positive(),
});

/** A cable as Cablegram holds it. */
export const CableSchema = z.object({
  /** Canonical id, `08STATE16245`; null when the text does not give year, station and serial. */
  id: z.string().nullable(),
  /** Originating station as numbered: `STATE`, `PARIS`, `RIODEJANEIRO`. */
  origin: z.string().nullable(),
  serial: z.number().int().nonnegative().nullable(),
  /** Date-time group as ISO 8601 UTC, `2008-02-16T23:19:00Z`. */
  dtg: z.iso.datetime().nullable(),
  /** Transmission precedence (the DTG prosign). */
  precedence: TransmissionPrecedenceSchema.nullable(),
  from: AddresseeSchema.nullable(),
  /** Action addressees. */
  to: z.array(AddresseeSchema),
  /** Information addressees. */
  info: z.array(AddresseeSchema),
  /** `XMT` exclusions from collectives. */
  exclusions: z.array(AddresseeSchema),
  classification: ClassificationSchema.nullable(),
  /** Captions and handling caveats in order, deduplicated: `SENSITIVE`, `SIPDIS`, `NOFORN`, `NODIS`. */
  caveats: z.array(z.string()),
  /** Other handling lines under the classification line, e.g. office slugs: `DEPT FOR INL, EUR/SCE`. */
  handling: z.array(z.string()),
  eo: ExecutiveOrderSchema.nullable(),
  /** TAGS in order, upper case, deduplicated; person tags keep their parenthesis: `OVIP (CLINTON, HILLARY)`. */
  tags: z.array(z.string()),
  /** Subject on one line, whitespace collapsed; null when absent. */
  subject: z.string().nullable(),
  references: z.array(ReferenceSchema),
  classifiedBy: ClassifiedBySchema.nullable(),
  paragraphs: z.array(ParagraphSchema),
  /** Signature, e.g. `["RICE"]`. */
  signers: z.array(z.string()),
  /** `SECTION 01 OF 02` of the first classification line, null when unsectioned. */
  section: SectionSchema.nullable(),
  /** The body text: its blocks (paragraphs and headings) as in `paragraphs`, separated by blank lines. */
  body: z.string(),
  transmission: TransmissionSchema.nullable(),
  warnings: z.array(ParseWarningSchema),
});
export type Cable = z.infer<typeof CableSchema>;

/**
 * An empty cable: every field present, nothing known. Parsers and factories start from it.
 * @example emptyCable().to // []
 */
export function emptyCable(): Cable {
  return {
    id: null,
    origin: null,
    serial: null,
    dtg: null,
    precedence: null,
    from: null,
    to: [],
    info: [],
    exclusions: [],
    classification: null,
    caveats: [],
    handling: [],
    eo: null,
    tags: [],
    subject: null,
    references: [],
    classifiedBy: null,
    paragraphs: [],
    signers: [],
    section: null,
    body: "",
    transmission: null,
    warnings: [],
  };
}

/**
 * The body text of a list of paragraphs: each block as `N. (MARK) text`, separated by blank lines.
 * This is the form `Cable.body` takes, so body and paragraphs always agree.
 * @example bodyOfParagraphs([{ number: 1, marking: "U", text: "Hi." }]) // "1. (U) Hi."
 */
export function bodyOfParagraphs(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map(paragraphHead).join("\n\n");
}

function paragraphHead(p: Paragraph): string {
  const number = p.number === null ? "" : `${p.number}. `;
  const mark = p.marking === null ? "" : `(${p.marking}) `;
  return `${number}${mark}${p.text}`;
}
