// Where the corpus index contradicts the cable's own text: the fidelity report and the agreement test excuse these,
// and only while the evidence is in the text. Cables read by hand are listed one by one; kinds of error the index
// repeats are general rules (INDEX_ERROR_RULES), each with the evidence it needs.
// Each entry was read by hand. A parser that follows the text cannot agree with the index on these fields, so
// counting them would hold the parser to the publisher's mistakes, more of them than the agreement test tolerates.

/** A field the corpus agreement test compares with index.jsonl. */
export type AgreementField = "id" | "dtg" | "classification" | "tags";

/** One cable on which the index and the text disagree. */
export type IndexErratum = {
  id: string;
  /** The fields excused for this cable. */
  fields: readonly AgreementField[];
  /** What the text says instead, for the report. */
  why: string;
  /** The text must match this (or, with `absent`, must not), so an erratum cannot outlive its cause. */
  evidence: RegExp;
  absent?: true;
};

// The foreign bodies carry one cable's header on another cable's text; the index describes the header's cable.
const FOREIGN_BODIES: IndexErratum[] = [
  {
    id: "07PARIS2725",
    fields: ["id", "classification"],
    why: "body is MOSCOW 005154, SECRET",
    evidence: /^S E C R E T SECTION 01 OF 04 MOSCOW 005154/m,
  },
  {
    id: "09CHISINAU694",
    fields: ["id"],
    why: "body is ULAANBAATAR 000234",
    evidence: /^S E C R E T ULAANBAATAR 000234/m,
  },
  {
    id: "09HAVANA132",
    fields: ["id", "classification"],
    why: "body is MOSCOW 000512, CONFIDENTIAL",
    evidence: /^C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000512/m,
  },
  {
    id: "09MOSCOW1108",
    fields: ["id", "classification"],
    why: "body is SHENYANG 000004, SECRET NOFORN",
    evidence: /E C R E T SECTION 01 OF 02 SHENYANG 000004[\s\S]*^NOFORN/m,
  },
  {
    id: "10MEXICO614",
    fields: ["id", "classification"],
    why: "body is ISLAMABAD 000416, SECRET",
    evidence: /^S E C R E T SECTION 01 OF 04 ISLAMABAD 000416/m,
  },
  {
    id: "88BAGHDAD28",
    fields: ["id", "classification"],
    why: "body is STATE 068250 of 2009, Secret",
    evidence: /^S e c r e t state 068250/m,
  },
];

// The index's classification disagrees with a classification line, ZN letters and portion marks that all agree.
const CLASSIFICATION_ERRATA: IndexErratum[] = [
  {
    id: "08RABAT727",
    fields: ["classification"],
    why: "text is CONFIDENTIAL (ZNY CCCCC), index says SECRET",
    evidence: /^ZNY CCCCC[\s\S]*^C O N F I D E N T I A L RABAT 000727/m,
  },
  {
    id: "09TBILISI1123",
    fields: ["classification"],
    why: "text is CONFIDENTIAL without NOFORN, index says SECRET//NOFORN",
    evidence: /^ZNY CCCCC[\s\S]*^C O N F I D E N T I A L SECTION 01 OF 04 TBILISI 001123/m,
  },
  ...[
    "06CARACAS219",
    "09MEXICO3061",
    "09MEXICO3101",
    "09STATE119085",
    "09STATE14577",
    "09STATE81957",
    "09STATE83014",
  ].map((id): IndexErratum => ({
    id,
    fields: ["classification"],
    why: "text has a NOFORN caption line, index omits NOFORN",
    evidence: /^(?:SECRET\s*\/{0,2}\s*)?NOFORN\s*$/m,
  })),
  ...["05LONDON4981", "06SEOUL2238", "08BRASILIA504"].map((id): IndexErratum => ({
    id,
    fields: ["classification"],
    why: "index says NOFORN, the text has no NOFORN caption and no NF portion mark",
    evidence: /NOFORN|\bNF\b/i,
    absent: true,
  })),
  {
    id: "08LONDON1991",
    fields: ["classification"],
    why: "index says NOFORN, the text has NF only in portion marks, no NOFORN caption",
    evidence: /NOFORN/i,
    absent: true,
  },
];

// The index hour is not the date-time group's hour (the DTG and the DE filing time agree with each other).
const DTG_ERRATA: IndexErratum[] = [
  {
    id: "09RANGOON378",
    fields: ["dtg"],
    why: "DTG 190706Z JUN 09, index hour 05",
    evidence: /^O 190706Z JUN 09$/m,
  },
  {
    id: "09STATE127892",
    fields: ["dtg"],
    why: "DTG 151050Z DEC 09, index hour 09",
    evidence: /^O 151050Z DEC 09$/m,
  },
];

/** Every known index erratum of ../shared/corpus/cablegate. */
export const INDEX_ERRATA: readonly IndexErratum[] = [...FOREIGN_BODIES, ...CLASSIFICATION_ERRATA, ...DTG_ERRATA];

/**
 * Whether the index is known to be wrong about `field` for cable `id`.
 * @example isExcused("09RANGOON378", "dtg") // true
 */
export function isExcused(id: string, field: AgreementField): boolean {
  return INDEX_ERRATA.some((e) => e.id === id && e.fields.includes(field));
}

/**
 * Whether an erratum's evidence holds in the cable's text.
 * @example errataHolds(erratum, text) // true when the NOFORN line is there
 */
export function errataHolds(erratum: IndexErratum, text: string): boolean {
  return erratum.evidence.test(text) !== Boolean(erratum.absent);
}

/**
 * Whether the index is known to be wrong about `field` for this cable, and the cable's text still shows why.
 * @example excusedWithEvidence("09RANGOON378", "dtg", text) // true while the text has `O 190706Z JUN 09`
 */
export function excusedWithEvidence(id: string, field: AgreementField, text: string): boolean {
  return INDEX_ERRATA.some((e) => e.id === id && e.fields.includes(field) && errataHolds(e, text));
}

/**
 * A kind of index error, excused on any cable where the index and the parse differ in that way and the text shows
 * why: the rules the viewer's index breaks again and again, stated once instead of cable by cable.
 */
export type IndexErrorRule = {
  field: AgreementField;
  /** What the text says instead, for the report. */
  why: string;
  /** Whether the rule covers this disagreement: the index's value, the parser's, and the text as evidence. */
  covers(indexValue: string, parsedValue: string, text: string): boolean;
};

const NOFORN_ANYWHERE = /NOFORN|\bNF\b|NOT RELEASABLE TO FOREIGN/i;
const NOFORN_CAPTION = /^\s*(?:(?:TOP SECRET|SECRET|CONFIDENTIAL)\s*\/{0,2}\s*)?NOFORN\b/m;
const SBU_EVIDENCE = /^\s*SENSITIVE BUT UNCLASSIFIED\b|\(SBU\)/m;
const FOUO = "UNCLASSIFIED//FOR OFFICIAL USE ONLY";

/** The general rules, each with the evidence the text must hold. */
export const INDEX_ERROR_RULES: readonly IndexErrorRule[] = [
  {
    field: "classification",
    why: "index adds NOFORN, the text has no NOFORN caption and no NF portion mark",
    covers: (index, parsed, text) =>
      index.endsWith("//NOFORN") && parsed === index.slice(0, -8) && !NOFORN_ANYWHERE.test(text),
  },
  {
    field: "classification",
    why: "index omits NOFORN, the text has a NOFORN caption line",
    covers: (index, parsed, text) => parsed === `${index}//NOFORN` && NOFORN_CAPTION.test(text),
  },
  {
    field: "classification",
    why: "the index has no UNCLASSIFIED//NOFORN and writes such a cable as FOR OFFICIAL USE ONLY",
    covers: (index, parsed, text) => index === FOUO && parsed === "UNCLASSIFIED//NOFORN" && NOFORN_CAPTION.test(text),
  },
  {
    field: "classification",
    why: "index says UNCLASSIFIED, the text has a SENSITIVE BUT UNCLASSIFIED caption or SBU portion marks",
    covers: (index, parsed, text) => index === "UNCLASSIFIED" && parsed === FOUO && SBU_EVIDENCE.test(text),
  },
  {
    field: "id",
    why: "the index id holds a misread SECTION line (`08ECTION01OF02MANAMA492`); the text numbers the cable",
    covers: (index, parsed, text) =>
      /^\d{2}S?E?C?T?ION\d{2}[A-Z]F\d{2}/.test(index) &&
      parsed.slice(0, 2) === index.slice(0, 2) &&
      /S?E?C?T?ION\s+\d{1,2}\s+[O0G]F\s+\d{1,2}\s/.test(text),
  },
  {
    field: "id",
    why: "the index drops EFTO from the station of an EFTO cable that it elsewhere numbers with it",
    covers: (index, parsed, text) => parsed.replace("EFTO", "") === index && /^\s*UNCLAS\s+E\s?F\s?T\s?O\b/m.test(text),
  },
];

/**
 * The general rule that excuses this disagreement, or null.
 * @example indexErrorRule("classification", "SECRET//NOFORN", "SECRET", "S E C R E T ...")?.why // "index adds NOFORN, ..."
 */
export function indexErrorRule(
  field: AgreementField,
  indexValue: string,
  parsedValue: string,
  text: string,
): IndexErrorRule | null {
  return INDEX_ERROR_RULES.find((r) => r.field === field && r.covers(indexValue, parsedValue, text)) ?? null;
}
