// ISO 3166-1 countries (alpha-2, alpha-3, numeric, English name) from i18n-iso-countries, plus Kosovo, which ISO
// has not assigned: we use the user-assigned XK and XKX as the EU, the IMF and the World Bank do.
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };

countries.registerLocale(english);

/** One country or territory: ISO 3166-1 codes and its English name. */
export type Country = {
  /** ISO 3166-1 alpha-2, upper case: `RS` is Serbia. */
  iso2: string;
  /** ISO 3166-1 alpha-3: `SRB`. */
  iso3: string;
  /** ISO 3166-1 numeric, three digits; null for Kosovo, which has none. */
  numeric: string | null;
  /** English name as i18n-iso-countries gives it: `Serbia`. */
  name: string;
};

/** Kosovo: user-assigned codes, no numeric code; our one entry beside the library's. */
const KOSOVO: Country = { iso2: "XK", iso3: "XKX", numeric: null, name: "Kosovo" };

function libraryCountries(): Country[] {
  const rows: Country[] = [];
  for (const [iso2, iso3] of Object.entries(countries.getAlpha2Codes())) {
    // The library lists XK with the alpha-3 XKK; we keep the XKX most users of XK share.
    if (iso2 === KOSOVO.iso2) continue;
    const numeric = countries.alpha2ToNumeric(iso2);
    const name = countries.getName(iso2, "en");
    if (numeric === undefined || name === undefined) throw new Error(`i18n-iso-countries lacks data for ${iso2}`);
    rows.push({ iso2, iso3, numeric, name });
  }
  return rows;
}

/** Every country and territory, ordered by alpha-2 code. */
export const COUNTRIES: readonly Country[] = [...libraryCountries(), KOSOVO].sort((a, b) =>
  a.iso2.localeCompare(b.iso2),
);

const BY_ISO2 = new Map(COUNTRIES.map((c) => [c.iso2, c]));

/**
 * The country with this ISO alpha-2 code, in any case; undefined when ISO (and we) have none.
 * @example countryByIso("rs") // { iso2: "RS", iso3: "SRB", numeric: "688", name: "Serbia" }
 */
export function countryByIso(iso2: string): Country | undefined {
  return BY_ISO2.get(iso2.toUpperCase());
}

/**
 * The English name of an ISO alpha-2 code (not a TAGS code: for those see `countryName` and `isoOfTag`).
 * @example isoCountryName("XK") // "Kosovo"
 * @example isoCountryName("ZZ") // null
 */
export function isoCountryName(iso2: string): string | null {
  return countryByIso(iso2)?.name ?? null;
}
