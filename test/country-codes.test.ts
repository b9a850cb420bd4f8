// Country codes: ISO 3166-1 from i18n-iso-countries plus Kosovo, and the one mapping from State's TAGS country codes
// (FIPS 10-4, withdrawn FIPS codes and State's own) to ISO, dated where a code changed meaning.
import { describe, expect, it } from "vitest";
import {
  COUNTRIES,
  countryByIso,
  FIPS_COUNTRIES,
  FORMER_FIPS_COUNTRIES,
  isoCodesWithoutPreferredTag,
  isoCountryName,
  isoOfTag,
  STATE_GEOGRAPHIC_CODES,
  TAG_COUNTRY_CODES,
  tagOfIso,
} from "../src/core/index.ts";

describe("ISO countries", () => {
  it("lists every ISO 3166-1 country once, with Kosovo as XK and XKX and no numeric code", () => {
    expect(COUNTRIES).toHaveLength(250);
    expect(new Set(COUNTRIES.map((c) => c.iso2)).size).toBe(COUNTRIES.length);
    expect(new Set(COUNTRIES.map((c) => c.iso3)).size).toBe(COUNTRIES.length);
    expect(countryByIso("XK")).toEqual({ iso2: "XK", iso3: "XKX", numeric: null, name: "Kosovo" });
  });

  it("finds a country by alpha-2 in any case, and names it in English", () => {
    expect(countryByIso("rs")).toEqual({ iso2: "RS", iso3: "SRB", numeric: "688", name: "Serbia" });
    expect(isoCountryName("SR")).toBe("Suriname");
    expect(isoCountryName("ZZ")).toBeNull();
  });
});

describe("isoOfTag", () => {
  it.each([
    ["KV", "XK"],
    ["SR", "RS"],
    ["RS", "RU"],
    ["RU", "RU"],
    ["UK", "GB"],
    ["GM", "DE"],
    ["TU", "TR"],
    ["SP", "ES"],
    ["CH", "CN"],
    ["SZ", "CH"],
    ["IZ", "IQ"],
    ["MK", "MK"],
    ["MJ", "ME"],
  ])("reads TAGS %s as ISO %s", (tag, iso) => {
    expect(isoOfTag(tag)).toBe(iso);
    expect(isoOfTag(tag.toLowerCase())).toBe(iso);
  });

  it("reads YI by date: no ISO country for the SFRY, Serbia from the FRY's creation on 1992-04-27", () => {
    expect(isoOfTag("YI", "1992-04-26")).toBeNull();
    expect(isoOfTag("YI", "1992-04-27")).toBe("RS");
    expect(isoOfTag("YI", "2008-02-16")).toBe("RS");
    expect(isoOfTag("YI")).toBe("RS");
  });

  it("reads UR as Russia, the USSR's continuing state, only until the USSR's end", () => {
    expect(isoOfTag("UR", "1991-12-25")).toBe("RU");
    expect(isoOfTag("UR", "1991-12-26")).toBeNull();
  });

  it("answers null for a country code without an ISO country, undefined for a code that is not a country", () => {
    expect(isoOfTag("IP")).toBeNull(); // Clipperton Island
    expect(isoOfTag("PREL")).toBeUndefined();
    expect(isoOfTag("IQ")).toBeUndefined(); // ISO Iraq; FIPS writes IZ
  });

  it("maps every TAGS country code State writes, each to an ISO country we know", () => {
    const tags = [
      ...Object.keys(FIPS_COUNTRIES),
      ...Object.keys(FORMER_FIPS_COUNTRIES),
      ...Object.keys(STATE_GEOGRAPHIC_CODES),
    ];
    expect(Object.keys(TAG_COUNTRY_CODES).sort()).toEqual([...new Set(tags)].sort());
    for (const meaning of Object.values(TAG_COUNTRY_CODES)) {
      const isos = typeof meaning === "string" ? [meaning] : meaning === null ? [] : meaning.map((m) => m.iso2);
      for (const iso of isos) if (iso !== null) expect(countryByIso(iso)?.iso2).toBe(iso);
    }
  });

  it("gives dated meanings as contiguous half-open intervals from the beginning", () => {
    for (const meaning of Object.values(TAG_COUNTRY_CODES)) {
      if (meaning === null || typeof meaning === "string") continue;
      expect(meaning[0]?.from).toBeNull();
      expect(meaning.at(-1)?.to).toBeNull();
      for (let i = 1; i < meaning.length; i++) expect(meaning[i]?.from).toBe(meaning[i - 1]?.to);
    }
  });
});

describe("tagOfIso", () => {
  it.each([
    ["RS", "SR"],
    ["RU", "RS"],
    ["XK", "KV"],
    ["DE", "GM"],
    ["GB", "UK"],
    ["ES", "SP"],
    ["TR", "TU"],
    ["AU", "AS"],
  ])("writes ISO %s as TAGS %s", (iso, tag) => {
    expect(tagOfIso(iso)).toBe(tag);
  });

  it("names a preferred TAGS code wherever several map to one ISO country", () => {
    expect(isoCodesWithoutPreferredTag()).toEqual([]);
  });

  it("round-trips: the TAGS code it gives reads back as the same ISO country", () => {
    for (const { iso2 } of COUNTRIES) {
      const tag = tagOfIso(iso2);
      if (tag !== undefined) expect(isoOfTag(tag)).toBe(iso2);
    }
  });
});
