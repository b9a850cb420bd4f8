// TAGS: the kind of each code (FORMAT.md section 5: organisation list, subject list, K prefix, then FIPS, never ISO),
// country names, the generated registry against ../shared/reference, and autocomplete.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  classifyTag,
  countryName,
  describeTag,
  FIPS_COUNTRIES,
  ORGANIZATION_TAGS,
  searchTags,
  splitPersonTag,
  SUBJECT_TAGS,
} from "../src/core/index.ts";
import { corpusIndexEntries, SHARED_DIR, sharedAvailable } from "./helpers/shared-data.ts";

const referencePresent = sharedAvailable("reference", "TAGS registry tests");
const corpusPresent = sharedAvailable("corpus/cablegate/index.jsonl", "TAGS corpus coverage");

function referenceCodes(file: string): string[] {
  return readFileSync(join(SHARED_DIR, "reference", file), "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim().toUpperCase())
    .filter((l) => l !== "");
}

describe("classifyTag", () => {
  it("reads subject codes from the subject list, in any case", () => {
    expect(classifyTag("PREL")).toBe("subject");
    expect(classifyTag("ecps")).toBe("subject");
    expect(classifyTag(" pgov ")).toBe("subject");
  });

  it("reads K plus three letters as a program tag, and K plus other lengths not", () => {
    expect(classifyTag("KDEM")).toBe("program");
    expect(classifyTag("KNNP")).toBe("program");
    expect(classifyTag("KDEMX")).not.toBe("program");
  });

  it("puts the organisation list before FIPS, so UN and AL are organisations", () => {
    expect(classifyTag("UNSC")).toBe("organization");
    expect(classifyTag("UN")).toBe("organization");
    expect(classifyTag("AL")).toBe("organization");
    expect(classifyTag("Alitalia")).toBe("organization");
    expect(countryName("AL")).toBe("Albania");
  });

  it("reads the FIPS 10-4 codes of FORMAT.md as countries, never their ISO meaning", () => {
    const expected: Record<string, string> = {
      RS: "Russia",
      CH: "China",
      SP: "Spain",
      GM: "Germany",
      IZ: "Iraq",
      SF: "South Africa",
      KV: "Kosovo",
      SR: "Serbia",
    };
    for (const [code, name] of Object.entries(expected)) {
      expect(classifyTag(code), code).toBe("country");
      expect(countryName(code), code).toBe(name);
    }
    expect(countryName("YI")).toMatch(/^Yugoslavia/);
    // ISO-only codes: Iraq is IQ, Germany DE, Japan JP in ISO 3166; FIPS has none of them.
    for (const iso of ["IQ", "DE", "JP"]) expect(classifyTag(iso), iso).toBe("unknown");
    expect(countryName("ES")).toBe("El Salvador");
  });

  it("counts a person tag as its code, a subject, and a bare name as a person", () => {
    expect(splitPersonTag("OVIP (CLINTON, HILLARY)")).toEqual({ code: "OVIP", person: "CLINTON, HILLARY" });
    expect(splitPersonTag("PREL")).toEqual({ code: "PREL", person: null });
    expect(classifyTag("OVIP (CLINTON, HILLARY)")).toBe("subject");
    expect(classifyTag("(STEINBERG, JAMES)")).toBe("person");
    expect(classifyTag("CLINTON, HILLARY")).toBe("person");
  });

  it("answers unknown for words that are not codes", () => {
    expect(classifyTag("TERRORISM")).toBe("unknown");
    expect(classifyTag("")).toBe("unknown");
  });
});

describe("describeTag and searchTags", () => {
  it("describes a tag with its kind and name", () => {
    expect(describeTag("kv")).toEqual({ code: "KV", kind: "country", description: "Kosovo" });
    expect(describeTag("PREL")).toEqual({ code: "PREL", kind: "subject", description: "External political relations" });
    expect(describeTag("AADP").description).toBeNull();
  });

  it("finds codes by prefix, exact match first, within the limit", () => {
    expect(searchTags("pre").map((e) => e.code)).toEqual(["PREF", "PREL"]);
    const un = searchTags("UN", { limit: 3 });
    expect(un).toHaveLength(3);
    expect(un.every((e) => e.code.startsWith("UN"))).toBe(true);
    expect(searchTags("UN")[0]).toEqual({ code: "UN", kind: "organization", description: "United Nations" });
  });

  it("lists a code that is both an organisation and a country once per kind", () => {
    const al = searchTags("AL").filter((e) => e.code === "AL");
    expect(al.map((e) => e.kind)).toEqual(["organization", "country"]);
  });

  it("finds countries by name, so typing Kosovo offers KV", () => {
    expect(searchTags("kosovo")[0]).toEqual({ code: "KV", kind: "country", description: "Kosovo" });
    expect(searchTags("russ").map((e) => e.code)).toEqual(expect.arrayContaining(["RS", "RU"]));
  });

  it("finds nothing for an empty prefix", () => {
    expect(searchTags("")).toEqual([]);
    expect(searchTags("  ")).toEqual([]);
  });
});

describe("FIPS country table", () => {
  it("holds every FIPS code once, as two capital letters with a name", () => {
    const codes = Object.keys(FIPS_COUNTRIES);
    expect(codes.length).toBeGreaterThan(250);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    for (const name of Object.values(FIPS_COUNTRIES)) expect(name.length).toBeGreaterThan(2);
  });
});

describe.skipIf(!referencePresent)("the generated tag registry", () => {
  it("holds exactly the codes of subject-tags.txt, upper case, despite its CRLF line ends", () => {
    const codes = referenceCodes("subject-tags.txt");
    expect(codes).toHaveLength(96);
    expect([...SUBJECT_TAGS]).toEqual(codes);
  });

  it("holds exactly the codes of organization-tags.txt, upper case and deduplicated", () => {
    expect([...ORGANIZATION_TAGS]).toEqual([...new Set(referenceCodes("organization-tags.txt"))]);
  });

  it("classifies every listed code as its list says", () => {
    for (const code of SUBJECT_TAGS) expect(classifyTag(code), code).toBe("subject");
    for (const code of ORGANIZATION_TAGS) expect(classifyTag(code), code).toBe("organization");
  });
});

describe.skipIf(!corpusPresent)("TAGS of the Cablegate corpus", () => {
  it("knows at least 97% of the codes the viewer linked (the rest are regional X/Z codes, ISO slips and words)", () => {
    const tags = corpusIndexEntries().flatMap((e) => e.tags);
    const unknown = tags.filter((t) => classifyTag(t) === "unknown");
    expect(tags.length).toBeGreaterThan(3000);
    expect(unknown.length / tags.length).toBeLessThan(0.03);
  });

  it("finds a country or organisation on at least 97% of the cables with linked tags", () => {
    const tagged = corpusIndexEntries().filter((e) => e.tags.length > 0);
    const geographic = tagged.filter((e) => e.tags.some((t) => ["country", "organization"].includes(classifyTag(t))));
    expect(geographic.length / tagged.length).toBeGreaterThan(0.97);
  });
});
