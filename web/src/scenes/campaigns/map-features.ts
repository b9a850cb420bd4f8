// The world map's countries: Natural Earth's 1:50m boundaries from world-atlas, each feature tied to an ISO alpha-2
// code. The file identifies countries by ISO numeric code, and Kosovo, which has none, only by name: we tie it to
// the user-assigned XK by that name. The two other unnumbered territories, Northern Cyprus and Somaliland, are
// painted as the UN members whose territory the UN counts them as (Cyprus, Somalia), since tallies count UN members.
import { COUNTRIES } from "../../../../src/core/countries/iso-countries.ts";

/** The few features of the atlas that carry a name and no ISO numeric id, by name. */
export const UNNUMBERED_FEATURES: Readonly<Record<string, string>> = {
  Kosovo: "XK",
  "N. Cyprus": "CY",
  Somaliland: "SO",
};

/** States the 1:50m atlas has no shape for, drawn as a marker at their capital: [longitude, latitude]. */
export const ATLAS_MISSING: Readonly<Record<string, readonly [number, number]>> = {
  TV: [179.19, -8.52], // Funafuti, Tuvalu
};

const BY_NUMERIC = new Map(COUNTRIES.filter((c) => c.numeric !== null).map((c) => [c.numeric as string, c.iso2]));

/**
 * The ISO alpha-2 code of an atlas feature, or null for one that is no country (the atlas's "Siachen Glacier").
 * @example featureIso2({ id: "688", properties: { name: "Serbia" } }) // "RS"
 * @example featureIso2({ properties: { name: "Kosovo" } }) // "XK"
 */
export function featureIso2(feature: { id?: string | number; properties?: { name?: string } | null }): string | null {
  if (feature.id !== undefined) {
    const iso2 = BY_NUMERIC.get(String(feature.id).padStart(3, "0"));
    if (iso2 !== undefined) return iso2;
  }
  return UNNUMBERED_FEATURES[feature.properties?.name ?? ""] ?? null;
}
