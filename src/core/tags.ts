// TAGS: what kind each code is (subject, program, organisation, country, person) and lookups for autocomplete.
// The order of the rules follows FORMAT.md section 5: organisation list, subject list, K prefix, then FIPS 10-4.
import { FIPS_COUNTRIES, FORMER_FIPS_COUNTRIES, STATE_GEOGRAPHIC_CODES } from "./fips-countries.ts";
import {
  ORGANIZATION_TAG_DESCRIPTIONS,
  PROGRAM_TAG_DESCRIPTIONS,
  SUBJECT_TAG_DESCRIPTIONS,
} from "./tag-descriptions.ts";
import { ORGANIZATION_TAGS, SUBJECT_TAGS } from "./tag-registry.ts";

/** Kinds of TAGS code, in the order autocomplete lists them. */
export const TAG_KINDS = ["subject", "program", "organization", "country", "person", "unknown"] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** One autocomplete entry: a code, its kind and an English description when Cablegram knows one. */
export type TagEntry = { code: string; kind: TagKind; description: string | null };

const SUBJECTS: ReadonlySet<string> = new Set(SUBJECT_TAGS);
const ORGANIZATIONS: ReadonlySet<string> = new Set(ORGANIZATION_TAGS);
/** Posts wrote EU for the European Union (18 corpus files) although FIPS EU is Europa Island and the list has EUN. */
const LOCAL_ORGANIZATIONS: Readonly<Record<string, string>> = { EU: "European Union (local usage; list code EUN)" };
const COUNTRIES: Readonly<Record<string, string>> = {
  ...FIPS_COUNTRIES,
  ...FORMER_FIPS_COUNTRIES,
  ...STATE_GEOGRAPHIC_CODES,
};
const PROGRAM = /^K[A-Z]{3}$/;
// `CLINTON, HILLARY` or `(CLINTON, HILLARY)` written as a tag of its own, without a code in front.
const BARE_PERSON = /^\(?[A-Z][A-Z'.-]*(?: [A-Z'.-]+)*, ?[A-Z][A-Z'. -]*\)?$/;

function normalise(tag: string): string {
  return tag.trim().replace(/\s+/g, " ").toUpperCase();
}

/**
 * Splits a person tag into its code and the person in parentheses; other tags come back with person null.
 * The parenthesis belongs to the preceding code (FORMAT.md section 5).
 * @example splitPersonTag("OVIP (CLINTON, HILLARY)") // { code: "OVIP", person: "CLINTON, HILLARY" }
 * @example splitPersonTag("PREL") // { code: "PREL", person: null }
 */
export function splitPersonTag(tag: string): { code: string; person: string | null } {
  const t = normalise(tag);
  const m = /^([^()]*?)\s*\(([^()]*)\)$/.exec(t);
  if (!m) return { code: t, person: null };
  return { code: m[1]!, person: m[2]!.trim() };
}

/**
 * Says what kind of code a TAGS entry is. Organisation list first (so two-letter UN, AL and VA are
 * organisations, not countries), then the subject list, then K plus three letters (program), then FIPS 10-4
 * country codes (never ISO: RS is Russia). A person tag such as `OVIP (CLINTON, HILLARY)` counts as its code,
 * a subject; a bare name (`CLINTON, HILLARY`) is a person. Case and spacing do not matter.
 * @example classifyTag("PREL") // "subject"
 * @example classifyTag("KDEM") // "program"
 * @example classifyTag("UNSC") // "organization"
 * @example classifyTag("RS") // "country"
 * @example classifyTag("OVIP (CLINTON, HILLARY)") // "subject"
 * @example classifyTag("IQ") // "unknown" (ISO for Iraq; FIPS is IZ)
 */
export function classifyTag(tag: string): TagKind {
  const { code, person } = splitPersonTag(tag);
  if (code === "") return person !== null && person !== "" ? "person" : "unknown";
  if (ORGANIZATIONS.has(code) || code in LOCAL_ORGANIZATIONS) return "organization";
  if (SUBJECTS.has(code)) return "subject";
  if (PROGRAM.test(code)) return "program";
  if (code in COUNTRIES) return "country";
  if (person === null && BARE_PERSON.test(code)) return "person";
  return "unknown";
}

/**
 * The English name of a FIPS 10-4 country or territory code, including withdrawn codes that older cables carry
 * (YI, UR) and State's own SR, RU and VZ; null for anything else (ISO-only codes included).
 * @example countryName("SF") // "South Africa"
 * @example countryName("ch") // "China"
 * @example countryName("XX") // null
 */
export function countryName(code: string): string | null {
  return COUNTRIES[normalise(code)] ?? null;
}

/**
 * Describes one tag: its code as written (normalised), its kind and a description when known.
 * @example describeTag("kv") // { code: "KV", kind: "country", description: "Kosovo" }
 */
export function describeTag(tag: string): TagEntry {
  const code = normalise(tag);
  const kind = classifyTag(code);
  return { code, kind, description: descriptionOf(splitPersonTag(code).code, kind) };
}

function descriptionOf(code: string, kind: TagKind): string | null {
  switch (kind) {
    case "subject":
      return SUBJECT_TAG_DESCRIPTIONS[code] ?? null;
    case "program":
      return PROGRAM_TAG_DESCRIPTIONS[code] ?? null;
    case "organization":
      return ORGANIZATION_TAG_DESCRIPTIONS[code] ?? LOCAL_ORGANIZATIONS[code] ?? null;
    case "country":
      return countryName(code);
    case "person":
    case "unknown":
      return null;
  }
}

let catalogue: readonly TagEntry[] | null = null;

/** Every code Cablegram knows, one entry per code and kind (AL is both the Arab League and Albania). */
function allTags(): readonly TagEntry[] {
  catalogue ??= [
    ...SUBJECT_TAGS.map((code) => ({ code, kind: "subject" as const, description: descriptionOf(code, "subject") })),
    ...Object.entries(PROGRAM_TAG_DESCRIPTIONS).map(([code, description]) => ({
      code,
      kind: "program" as const,
      description,
    })),
    ...[...ORGANIZATION_TAGS, ...Object.keys(LOCAL_ORGANIZATIONS)].map((code) => ({
      code,
      kind: "organization" as const,
      description: descriptionOf(code, "organization"),
    })),
    ...Object.entries(COUNTRIES).map(([code, description]) => ({ code, kind: "country" as const, description })),
  ];
  return catalogue;
}

/**
 * Autocomplete for TAGS: entries whose code starts with `prefix` (exact match first, then shorter codes), then
 * entries with a description word starting with it ("koso" finds KV). Case-insensitive; empty prefix finds nothing.
 * @example searchTags("pre", { limit: 2 }) // [{ code: "PREF", kind: "subject", ... }, { code: "PREL", ... }]
 * @example searchTags("kosovo")[0] // { code: "KV", kind: "country", description: "Kosovo" }
 */
export function searchTags(prefix: string, { limit = 20 }: { limit?: number } = {}): TagEntry[] {
  const p = normalise(prefix);
  if (p === "") return [];
  const scored: { entry: TagEntry; score: number }[] = [];
  for (const entry of allTags()) {
    const score =
      entry.code === p
        ? 0
        : entry.code.startsWith(p)
          ? 1
          : (entry.description ?? "")
                .toUpperCase()
                .split(/[^A-Z0-9']+/)
                .some((word) => word.startsWith(p))
            ? 2
            : -1;
    if (score >= 0) scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.entry.code.length - b.entry.code.length ||
      a.entry.code.localeCompare(b.entry.code) ||
      TAG_KINDS.indexOf(a.entry.kind) - TAG_KINDS.indexOf(b.entry.kind),
  );
  return scored.slice(0, limit).map((s) => s.entry);
}
