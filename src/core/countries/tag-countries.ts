// What a TAGS country code means in ISO 3166-1: the one place that says it. State writes FIPS 10-4 codes, withdrawn
// FIPS codes and a few of its own (see fips-countries.ts), none of them ISO: RS is Russia here and Serbia in ISO,
// SR Serbia here and Suriname in ISO. A code whose meaning changed carries dated, half-open meanings.
import type { FIPS_COUNTRIES, FORMER_FIPS_COUNTRIES, STATE_GEOGRAPHIC_CODES } from "../fips-countries.ts";
import { inInterval, type DateInterval, type IsoDate } from "./iso-date.ts";

/** One meaning of a TAGS code over [from, to): the ISO country it stands for, or null where none does. */
export type DatedTagMeaning = DateInterval & {
  iso2: string | null;
  /** Why this meaning holds over this interval. */
  note: string;
};

type TagCountryCode =
  keyof typeof FIPS_COUNTRIES | keyof typeof FORMER_FIPS_COUNTRIES | keyof typeof STATE_GEOGRAPHIC_CODES;

/**
 * Every TAGS country code with its ISO alpha-2 code: one code for all dates, null where ISO has no country for it
 * (Clipperton, the Spratlys, the sovereign base areas, dissolved states without a continuing one), or dated meanings.
 * Small territories ISO does not list apart map to the country ISO counts them in (Ashmore and Cartier Islands: AU;
 * the Iles Eparses: TF; the US Pacific islands: UM).
 */
export const TAG_COUNTRY_CODES: Readonly<Record<TagCountryCode, string | null | readonly DatedTagMeaning[]>> = {
  AA: "AW",
  AC: "AG",
  AE: "AE",
  AF: "AF",
  AG: "DZ",
  AJ: "AZ",
  AL: "AL",
  AM: "AM",
  AN: "AD",
  AO: "AO",
  AQ: "AS",
  AR: "AR",
  AS: "AU",
  AT: "AU",
  AU: "AT",
  AV: "AI",
  AX: null,
  AY: "AQ",
  BA: "BH",
  BB: "BB",
  BC: "BW",
  BD: "BM",
  BE: "BE",
  BF: "BS",
  BG: "BD",
  BH: "BZ",
  BK: "BA",
  BL: "BO",
  BM: "MM",
  BN: "BJ",
  BO: "BY",
  BP: "SB",
  BQ: "UM",
  BR: "BR",
  BS: "TF",
  BT: "BT",
  BU: "BG",
  BV: "BV",
  BX: "BN",
  BY: "BI",
  CA: "CA",
  CB: "KH",
  CD: "TD",
  CE: "LK",
  CF: "CG",
  CG: "CD",
  CH: "CN",
  CI: "CL",
  CJ: "KY",
  CK: "CC",
  CM: "CM",
  CN: "KM",
  CO: "CO",
  CQ: "MP",
  CR: "AU",
  CS: "CR",
  CT: "CF",
  CU: "CU",
  CV: "CV",
  CW: "CK",
  CY: "CY",
  DA: "DK",
  DJ: "DJ",
  DO: "DM",
  DQ: "UM",
  DR: "DO",
  DX: null,
  EC: "EC",
  EG: "EG",
  EI: "IE",
  EK: "GQ",
  EN: "EE",
  ER: "ER",
  ES: "SV",
  ET: "ET",
  EU: "TF",
  EZ: "CZ",
  FG: "GF",
  FI: "FI",
  FJ: "FJ",
  FK: "FK",
  FM: "FM",
  FO: "FO",
  FP: "PF",
  FQ: "UM",
  FR: "FR",
  FS: "TF",
  GA: "GM",
  GB: "GA",
  GG: "GE",
  GH: "GH",
  GI: "GI",
  GJ: "GD",
  GK: "GG",
  GL: "GL",
  GM: "DE",
  GO: "TF",
  GP: "GP",
  GQ: "GU",
  GR: "GR",
  GT: "GT",
  GV: "GN",
  GY: "GY",
  GZ: "PS",
  HA: "HT",
  HK: "HK",
  HM: "HM",
  HO: "HN",
  HQ: "UM",
  HR: "HR",
  HU: "HU",
  IC: "IS",
  ID: "ID",
  IM: "IM",
  IN: "IN",
  IO: "IO",
  IP: null,
  IR: "IR",
  IS: "IL",
  IT: "IT",
  IV: "CI",
  IZ: "IQ",
  JA: "JP",
  JE: "JE",
  JM: "JM",
  JN: "SJ",
  JO: "JO",
  JQ: "UM",
  JU: "TF",
  KE: "KE",
  KG: "KG",
  KN: "KP",
  KQ: "UM",
  KR: "KI",
  KS: "KR",
  KT: "CX",
  KU: "KW",
  KV: "XK",
  KZ: "KZ",
  LA: "LA",
  LE: "LB",
  LG: "LV",
  LH: "LT",
  LI: "LR",
  LO: "SK",
  LQ: "UM",
  LS: "LI",
  LT: "LS",
  LU: "LU",
  LY: "LY",
  MA: "MG",
  MB: "MQ",
  MC: "MO",
  MD: "MD",
  MF: "YT",
  MG: "MN",
  MH: "MS",
  MI: "MW",
  MJ: "ME",
  MK: "MK",
  ML: "ML",
  MN: "MC",
  MO: "MA",
  MP: "MU",
  MQ: "UM",
  MR: "MR",
  MT: "MT",
  MU: "OM",
  MV: "MV",
  MX: "MX",
  MY: "MY",
  MZ: "MZ",
  NC: "NC",
  NE: "NU",
  NF: "NF",
  NG: "NE",
  NH: "VU",
  NI: "NG",
  NL: "NL",
  NO: "NO",
  NP: "NP",
  NR: "NR",
  NS: "SR",
  NT: null,
  NU: "NI",
  NZ: "NZ",
  PA: "PY",
  PC: "PN",
  PE: "PE",
  PF: null,
  PG: null,
  PK: "PK",
  PL: "PL",
  PM: "PA",
  PO: "PT",
  PP: "PG",
  PS: "PW",
  PU: "GW",
  QA: "QA",
  RB: "RS",
  RE: "RE",
  RI: "RS",
  RM: "MH",
  RN: "MF",
  RO: "RO",
  RP: "PH",
  RQ: "PR",
  RS: "RU",
  RW: "RW",
  SA: "SA",
  SB: "PM",
  SC: "KN",
  SE: "SC",
  SF: "ZA",
  SG: "SN",
  SH: "SH",
  SI: "SI",
  SL: "SL",
  SM: "SM",
  SN: "SG",
  SO: "SO",
  SP: "ES",
  ST: "LC",
  SU: "SD",
  SV: "SJ",
  SW: "SE",
  SX: "GS",
  SY: "SY",
  SZ: "CH",
  TB: "BL",
  TD: "TT",
  TE: "TF",
  TH: "TH",
  TI: "TJ",
  TK: "TC",
  TL: "TK",
  TN: "TO",
  TO: "TG",
  TP: "ST",
  TS: "TN",
  TT: "TL",
  TU: "TR",
  TV: "TV",
  TW: "TW",
  TX: "TM",
  TZ: "TZ",
  UG: "UG",
  UK: "GB",
  UP: "UA",
  US: "US",
  UV: "BF",
  UY: "UY",
  UZ: "UZ",
  VC: "VC",
  VE: "VE",
  VI: "VG",
  VM: "VN",
  VQ: "VI",
  VT: "VA",
  WA: "NA",
  WE: "PS",
  WF: "WF",
  WI: "EH",
  WQ: "UM",
  WS: "WS",
  WZ: "SZ",
  YM: "YE",
  ZA: "ZM",
  ZI: "ZW",
  YI: [
    { from: null, to: "1992-04-27", iso2: null, note: "the Socialist Federal Republic of Yugoslavia, dissolved" },
    {
      from: "1992-04-27",
      to: "2006-06-03",
      iso2: "RS",
      note: "the Federal Republic of Yugoslavia (Serbia and Montenegro from 2003-02-04), whose state Serbia continues",
    },
    {
      from: "2006-06-03",
      to: null,
      iso2: "RS",
      note: "Serbia: State kept YI for Serbia after Montenegro's independence",
    },
  ],
  UR: [
    { from: null, to: "1991-12-26", iso2: "RU", note: "the Soviet Union, whose UN seat Russia continues" },
    { from: "1991-12-26", to: null, iso2: null, note: "the Soviet Union was dissolved on 1991-12-26" },
  ],
  GC: null,
  TC: "AE",
  RH: "ZW",
  SR: "RS",
  RU: "RU",
  VZ: "VE",
};

/**
 * The ISO alpha-2 TAGS code `tag` meant on `on` (default: today's meaning, the latest interval); null for a known
 * code without an ISO country on that date, undefined for a code that is not a TAGS country code.
 * @example isoOfTag("RS") // "RU": Russia, not Serbia
 * @example isoOfTag("KV") // "XK"
 * @example isoOfTag("YI", "1990-01-01") // null: the SFRY has no ISO successor
 * @example isoOfTag("YI", "2008-02-16") // "RS"
 */
export function isoOfTag(tag: string, on?: IsoDate): string | null | undefined {
  const meaning = TAG_COUNTRY_CODES[tag.trim().toUpperCase() as TagCountryCode] as
    string | null | readonly DatedTagMeaning[] | undefined;
  if (meaning === undefined || meaning === null || typeof meaning === "string") return meaning;
  const dated = on === undefined ? meaning.at(-1) : meaning.find((m) => inInterval(m, on));
  return dated?.iso2 ?? null;
}

/**
 * Where several TAGS codes map to one ISO country, the one State writes for the whole country: SR for Serbia (not
 * FIPS RB or RI, nor YI), RS for Russia (not State's own RU), AS for Australia (not its Coral Sea islands).
 */
const PREFERRED_TAG_OF_ISO: Readonly<Record<string, string>> = {
  AE: "AE",
  AU: "AS",
  PS: "WE",
  RS: "SR",
  RU: "RS",
  SJ: "SV",
  TF: "FS",
  UM: "FQ",
  VE: "VE",
  ZW: "ZI",
};

const TAG_OF_ISO: ReadonlyMap<string, string> = (() => {
  const found = new Map<string, string>();
  for (const [tag, meaning] of Object.entries(TAG_COUNTRY_CODES)) {
    if (typeof meaning === "string" && !found.has(meaning)) found.set(meaning, tag);
  }
  for (const [iso2, tag] of Object.entries(PREFERRED_TAG_OF_ISO)) found.set(iso2, tag);
  return found;
})();

/**
 * The TAGS code State writes for an ISO alpha-2 country; undefined where it has none.
 * @example tagOfIso("RS") // "SR": Serbia
 * @example tagOfIso("DE") // "GM"
 */
export function tagOfIso(iso2: string): string | undefined {
  return TAG_OF_ISO.get(iso2.toUpperCase());
}

/**
 * ISO codes that several TAGS codes map to but that name no preferred TAGS code, so that a test keeps `tagOfIso`
 * from depending on the table's order.
 * @example isoCodesWithoutPreferredTag() // []
 */
export function isoCodesWithoutPreferredTag(): string[] {
  const tagsOf = new Map<string, string[]>();
  for (const [tag, meaning] of Object.entries(TAG_COUNTRY_CODES)) {
    const isos = typeof meaning === "string" ? [meaning] : meaning === null ? [] : meaning.map((m) => m.iso2);
    for (const iso of new Set(isos)) if (iso !== null) tagsOf.set(iso, [...(tagsOf.get(iso) ?? []), tag]);
  }
  return [...tagsOf].filter(([iso, tags]) => tags.length > 1 && !(iso in PREFERRED_TAG_OF_ISO)).map(([iso]) => iso);
}
