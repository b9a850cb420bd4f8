// Where a text names a country, in the spellings cables use: the ISO names and aliases of i18n-iso-countries, short
// names it lacks ("Syria", "Burma"), adjectives and peoples ("the French", "the Turks") and the government
// abbreviations cables write ("HMG", "GOF", "USG"). Only unambiguous abbreviations are listed: "GOI" is Italy,
// India, Indonesia, Iraq or Israel, so it names none.
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { COUNTRIES } from "./iso-countries.ts";

countries.registerLocale(english);

/** One country named in a text: the ISO alpha-2 code and where the name stands, [start, end) in UTF-16 units. */
export type CountryMention = { iso2: string; start: number; end: number; text: string };

/** Short names, older names and other spellings cables use that i18n-iso-countries does not list. */
const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = {
  BO: ["Bolivia"],
  BN: ["Brunei"],
  CV: ["Cape Verde"],
  CZ: ["the Czech Republic"],
  FM: ["Micronesia"],
  GB: ["Britain", "the United Kingdom", "the UK"],
  IR: ["Iran"],
  KP: ["North Korea", "the DPRK", "DPRK"],
  KR: ["South Korea", "the ROK", "ROK"],
  LA: ["Laos"],
  MD: ["Moldova"],
  MK: ["Macedonia", "FYROM"],
  MM: ["Burma"],
  PS: ["Palestine", "the Palestinian Authority"],
  RU: ["the Russian Federation", "the Kremlin"],
  SY: ["Syria"],
  TW: ["Taiwan"],
  TZ: ["Tanzania"],
  US: ["the United States", "USG"],
  VA: ["the Holy See", "Holy See", "the Vatican", "Vatican"],
  VE: ["Venezuela"],
  VN: ["Vietnam"],
};

/** Government abbreviations that name one country only. */
const GOVERNMENTS: Readonly<Record<string, readonly string[]>> = {
  CN: ["PRC", "the PRC"],
  DE: ["FRG"],
  FR: ["GOF"],
  GB: ["HMG"],
  JP: ["GOJ"],
};

/**
 * Adjectives and peoples, used as subjects in cables ("the French voted against", "the Turks", "the Spanish
 * delegation"): for the countries most often named in multilateral reporting.
 */
const ADJECTIVES: Readonly<Record<string, readonly string[]>> = {
  AL: ["Albanian", "Albanians"],
  AR: ["Argentine", "Argentines", "Argentinian"],
  AT: ["Austrian", "Austrians"],
  AU: ["Australian", "Australians"],
  BA: ["Bosnian"],
  BE: ["Belgian", "Belgians"],
  BG: ["Bulgarian", "Bulgarians"],
  BR: ["Brazilian", "Brazilians"],
  BY: ["Belarusian", "Belarusians"],
  CA: ["Canadian", "Canadians"],
  CH: ["Swiss"],
  CN: ["Chinese"],
  CU: ["Cuban", "Cubans"],
  CY: ["Cypriot", "Cypriots"],
  CZ: ["Czech", "Czechs"],
  DE: ["German", "Germans"],
  DK: ["Danish", "Danes"],
  EE: ["Estonian", "Estonians"],
  EG: ["Egyptian", "Egyptians"],
  ES: ["Spanish", "Spaniards"],
  FI: ["Finnish", "Finns"],
  FR: ["French"],
  GB: ["British"],
  GR: ["Greek", "Greeks"],
  HR: ["Croatian", "Croatians", "Croats"],
  HU: ["Hungarian", "Hungarians"],
  ID: ["Indonesian", "Indonesians"],
  IE: ["Irish"],
  IL: ["Israeli", "Israelis"],
  IN: ["Indian", "Indians"],
  IR: ["Iranian", "Iranians"],
  IT: ["Italian", "Italians"],
  JP: ["Japanese"],
  LT: ["Lithuanian", "Lithuanians"],
  LV: ["Latvian", "Latvians"],
  MX: ["Mexican", "Mexicans"],
  NL: ["Dutch"],
  NO: ["Norwegian", "Norwegians"],
  PL: ["Polish", "Poles"],
  PT: ["Portuguese"],
  RO: ["Romanian", "Romanians"],
  RS: ["Serbian", "Serbs"],
  RU: ["Russian", "Russians"],
  SA: ["Saudi", "Saudis"],
  SE: ["Swedish", "Swedes"],
  SI: ["Slovenian", "Slovenes"],
  SK: ["Slovak", "Slovaks"],
  TR: ["Turkish", "Turks"],
  UA: ["Ukrainian", "Ukrainians"],
  US: ["American", "Americans"],
  VE: ["Venezuelan", "Venezuelans"],
  XK: ["Kosovar", "Kosovars"],
  ZA: ["South African", "South Africans"],
};

/** Names with a comma or parenthesis are the library's inverted forms ("Korea, Republic of"); cables write none. */
function libraryNames(): [string, string][] {
  const all = countries.getNames("en", { select: "all" });
  const pairs: [string, string][] = [];
  for (const c of COUNTRIES) {
    for (const name of all[c.iso2] ?? [c.name]) if (!/[,(]/.test(name)) pairs.push([name, c.iso2]);
  }
  return pairs;
}

function entries(table: Readonly<Record<string, readonly string[]>>): [string, string][] {
  return Object.entries(table).flatMap(([iso2, names]) => names.map((n): [string, string] => [n, iso2]));
}

/** Every spelling and its country; a spelling two countries share ("Congo") names the first listed. */
const ISO_OF_NAME: ReadonlyMap<string, string> = (() => {
  const found = new Map<string, string>();
  for (const [name, iso2] of [
    ...entries(GOVERNMENTS),
    ...entries(OTHER_NAMES),
    ...libraryNames(),
    ...entries(ADJECTIVES),
  ]) {
    if (!found.has(name)) found.set(name, iso2);
  }
  return found;
})();

/** Upper-case keys for text written in capitals, as most telegrams before 2000 are. */
const ISO_OF_UPPER_NAME: ReadonlyMap<string, string> = (() => {
  const found = new Map<string, string>();
  // In capitals "US" is also the pronoun, so two-letter names are only trusted where the text has lower case.
  for (const [name, iso2] of ISO_OF_NAME)
    if (name.length > 2 && !found.has(name.toUpperCase())) {
      found.set(name.toUpperCase(), iso2);
    }
  return found;
})();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function alternation(names: Iterable<string>, flags: string): RegExp {
  // Longest first, so "South Africa" wins over "South African"'s prefix and "Niger" does not take "Nigeria".
  const sorted = [...names].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join("|")})(?![\\p{L}\\p{N}])`, `gu${flags}`);
}

const MIXED_CASE = alternation(ISO_OF_NAME.keys(), "");
const UPPER_CASE = alternation(ISO_OF_UPPER_NAME.keys(), "");

/** Whether a text is written in capitals (no lower-case letter in it). */
function allCapitals(text: string): boolean {
  return !/\p{Ll}/u.test(text);
}

/**
 * The countries a text names, in order. Case matters in ordinary text, so "turkey" (the bird) and "chad" are not
 * countries; text in capitals is matched in capitals, where two-letter names are skipped.
 * @example findCountryMentions("Delegations from France and the UK")
 * // [{ iso2: "FR", start: 17, end: 23, text: "France" }, { iso2: "GB", start: 28, end: 34, text: "the UK" }]
 */
export function findCountryMentions(text: string): CountryMention[] {
  const upper = allCapitals(text);
  const pattern = upper ? UPPER_CASE : MIXED_CASE;
  const table = upper ? ISO_OF_UPPER_NAME : ISO_OF_NAME;
  const mentions: CountryMention[] = [];
  for (const match of text.matchAll(pattern)) {
    const iso2 = table.get(match[0]);
    if (iso2 !== undefined) {
      mentions.push({ iso2, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return mentions;
}
