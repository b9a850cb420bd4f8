// Reads the country a person names when recording a position: an ISO alpha-2 or alpha-3 code, a TAGS country code
// (State's own, not ISO: KV is Kosovo, RS Russia), or an English name.
import countries from "i18n-iso-countries";
import { COUNTRIES, countryByIso, isoOfTag, type IsoDate } from "../../core/index.ts";
import { CablegramError } from "../errors.ts";

const BY_NAME = new Map(COUNTRIES.map((c) => [c.name.toLowerCase(), c.iso2]));
const BY_ISO3 = new Map(COUNTRIES.map((c) => [c.iso3, c.iso2]));

/**
 * The ISO alpha-2 code of the country `input` names on `on`. Two letters are an ISO code first (RS is Serbia) and a
 * TAGS code when ISO has none (UK is the United Kingdom); `tag:` forces the TAGS reading (tag:RS is Russia).
 * COUNTRY_UNKNOWN when nothing matches, with how to name it.
 * @example countryOfInput("tag:KV") // "XK"
 * @example countryOfInput("UK") // "GB"
 * @example countryOfInput("France") // "FR"
 */
export function countryOfInput(input: string, on?: IsoDate): string {
  const text = input.trim();
  const tag = /^tag:\s*(\w+)$/i.exec(text);
  const found = tag ? (isoOfTag(tag[1]!, on) ?? undefined) : plainCountry(text, on);
  if (found === undefined) {
    throw new CablegramError(
      "COUNTRY_UNKNOWN",
      `No country ${JSON.stringify(input)}: give an ISO alpha-2 code (FR, XK), a TAGS code (tag:KV, tag:RS for Russia) or an English name (France).`,
      { country: input },
    );
  }
  return found;
}

function plainCountry(text: string, on: IsoDate | undefined): string | undefined {
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return countryByIso(upper)?.iso2 ?? isoOfTag(upper, on) ?? undefined;
  if (/^[A-Z]{3}$/.test(upper) && BY_ISO3.has(upper)) return BY_ISO3.get(upper);
  return BY_NAME.get(text.toLowerCase()) ?? countries.getAlpha2Code(text, "en") ?? undefined;
}
