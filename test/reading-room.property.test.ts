// Property: nothing withheld reaches the public reading room. Random archives of cables with random portions,
// subjects and TAGS get random decisions (release in full, in part, withhold in full); random queries of the search
// language are answered by the reading room exactly as a brute-force oracle over the released parts alone answers
// them: the results, the total and every tag facet count, with snippets and the read API holding no withheld word.
// An index that held withheld text would find a cable by a withheld word, or lose it to an exclusion (-"word").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bodyOfParagraphs,
  type Cable,
  type Exemption,
  type Paragraph,
  type PortionDecision,
  type ReviewDecision,
} from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { fixedClock, type Deps } from "../src/services/clock.ts";
import { readReadingRoom, recordReview, searchReadingRoom } from "../src/services/declass/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { ftsWords } from "../src/store/full-text.ts";
import { seed, variantOf } from "./helpers/archive-fixtures.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

// Words no seed header holds, so that only portions, subjects and TAGS can hold them.
const SYLLABLES = ["ba", "ko", "mi", "tu", "ve", "lo"];
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.slice(0, 4).map((b) => `zq${a}${b}x`));
const PREFIXES = SYLLABLES.map((a) => `zq${a}`);
const TAGS = ["ZQTA", "ZQTB", "ZQTC", "ZQTD", "ZQTE", "ZQTF"];
const EXEMPTION_CODES: Exemption[] = ["1.4(a)", "1.4(b)", "1.4(c)", "1.4(d)", "1.4(g)"];

type Spec = {
  subject: string[];
  tags: string[];
  paragraphs: { marking: "C" | "U" | null; words: string[] }[];
  /** Per part: true to release. Subject, then TAGS, then paragraphs. */
  release: { subject: boolean; tags: boolean[]; paragraphs: boolean[] };
  refer: boolean;
  inFull: "withhold" | "review" | "skip";
};

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max });
const specArb: fc.Arbitrary<Spec> = fc
  .record({
    subject: words(1, 3),
    tags: fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 3 }),
    paragraphs: fc.array(
      fc.record({ marking: fc.constantFrom("C" as const, "U" as const, null), words: words(1, 6) }),
      { minLength: 1, maxLength: 5 },
    ),
    refer: fc.boolean(),
    inFull: fc.constantFrom(
      "withhold" as const,
      "review" as const,
      "review" as const,
      "review" as const,
      "skip" as const,
    ),
  })
  .chain((s) =>
    fc
      .record({
        subject: fc.boolean(),
        tags: fc.array(fc.boolean(), { minLength: s.tags.length, maxLength: s.tags.length }),
        paragraphs: fc.array(fc.boolean(), { minLength: s.paragraphs.length, maxLength: s.paragraphs.length }),
      })
      .map((release) => ({ ...s, release })),
  );

type Term =
  | { kind: "word"; word: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "tag"; tag: string }
  | { kind: "not"; word: string }
  | { kind: "nottag"; tag: string };
const termArb: fc.Arbitrary<Term> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS).map((word) => ({ kind: "word" as const, word })) },
  { weight: 1, arbitrary: fc.constantFrom(...PREFIXES).map((prefix) => ({ kind: "prefix" as const, prefix })) },
  { weight: 2, arbitrary: fc.constantFrom(...TAGS).map((tag) => ({ kind: "tag" as const, tag })) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS).map((word) => ({ kind: "not" as const, word })) },
  { weight: 1, arbitrary: fc.constantFrom(...TAGS).map((tag) => ({ kind: "nottag" as const, tag })) },
);
const queryArb = fc.array(termArb, { minLength: 0, maxLength: 3 });

function queryText(terms: Term[]): string {
  return terms
    .map((t) => {
      if (t.kind === "word") return `"${t.word}"`;
      if (t.kind === "prefix") return `${t.prefix}*`;
      if (t.kind === "tag") return `tag:${t.tag}`;
      if (t.kind === "not") return `-"${t.word}"`;
      return `-tag:${t.tag}`;
    })
    .join(" ");
}

/** What the public may see of one cable: its released words and TAGS. */
type Released = { id: string; words: Set<string>; tags: Set<string>; withheldWords: Set<string> };

function decisionOf(spec: Spec, exemption: Exemption): ReviewDecision {
  if (spec.inFull === "withhold")
    return { outcome: "withhold-in-full", exemptions: [exemption], subject: part(spec.release.subject) };
  function part(release: boolean): PortionDecision {
    if (release) return { action: "release" };
    return spec.refer ? { action: "refer", agency: "DOD" } : { action: "withhold", exemptions: [exemption] };
  }
  const all = [spec.release.subject, ...spec.release.tags, ...spec.release.paragraphs];
  return {
    outcome: all.every(Boolean) ? "release-in-full" : "release-in-part",
    subject: part(spec.release.subject),
    tags: spec.release.tags.map(part),
    portions: spec.release.paragraphs.map(part),
  };
}

function matches(r: Released, terms: Term[]): boolean {
  return terms.every((t) => {
    if (t.kind === "word") return r.words.has(t.word);
    if (t.kind === "prefix") return [...r.words].some((w) => w.startsWith(t.prefix));
    if (t.kind === "tag") return r.tags.has(t.tag);
    if (t.kind === "not") return !r.words.has(t.word);
    return !r.tags.has(t.tag);
  });
}

const base = seed("09STATE39345").cable;

describe.each(DIALECTS)("%s: the reading room reveals nothing withheld", (dialect) => {
  it("answers random queries over random reviews exactly as the released parts alone answer them", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { minLength: 20, maxLength: 40 }),
        fc.constantFrom(...EXEMPTION_CODES),
        fc.array(queryArb, { minLength: 25, maxLength: 25 }),
        async (specs, exemption, queries) => {
          const store = await openTestStore(dialect, "cg_room_prop");
          try {
            const deps: Deps = { store, clock: fixedClock("2026-12-06T09:00:00Z") };
            const reviewer = await createUser(deps, SYSTEM_ACTING, {
              username: "rreviewer",
              clearance: "TOP SECRET",
              roles: ["reviewer"],
              post: null,
            });
            const cables = specs.map((s, i) => cableOf(s, i));
            await archiveCables(
              store,
              cables.map((cable) => ({ cable, raw: null })),
            );
            const released: Released[] = [];
            const withdrawn: { id: string; words: Set<string> }[] = [];
            for (const [i, spec] of specs.entries()) {
              if (spec.inFull === "skip") continue;
              const cable = cables[i]!;
              await recordReview(deps, reviewer, cable.id!, decisionOf(spec, exemption));
              const all = new Set([...spec.subject, ...spec.paragraphs.flatMap((p) => p.words)]);
              if (spec.inFull === "withhold") {
                withdrawn.push({ id: cable.id!, words: all });
                continue;
              }
              const shown = new Set([
                ...(spec.release.subject ? spec.subject : []),
                ...spec.paragraphs.flatMap((p, j) => (spec.release.paragraphs[j] ? p.words : [])),
              ]);
              released.push({
                id: cable.id!,
                words: shown,
                tags: new Set(spec.tags.filter((_, j) => spec.release.tags[j])),
                withheldWords: new Set([...all].filter((w) => !shown.has(w))),
              });
            }
            const byId = new Map(released.map((r) => [r.id, r]));
            for (const terms of queries) {
              const q = queryText(terms);
              const result = await searchReadingRoom(store, { q, limit: 100 });
              const expected = released.filter((r) => matches(r, terms)).map((r) => r.id);
              expect(result.results.map((r) => r.id).sort(), q).toEqual(expected.sort());
              expect(result.total, q).toBe(expected.length);
              const tagCounts = new Map<string, number>();
              for (const id of expected)
                for (const t of byId.get(id)!.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
              expect(new Map(result.facets.tags.map((f) => [f.value, f.count])), q).toEqual(tagCounts);
              for (const hit of result.results) {
                const seen = new Set(ftsWords(`${hit.subject ?? ""} ${hit.snippet.replace(/<\/?mark>/g, "")}`));
                for (const w of byId.get(hit.id)!.withheldWords)
                  expect(seen.has(w), `${q}: ${hit.id} shows ${w}`).toBe(false);
              }
            }
            for (const r of released) {
              const shown = new Set(ftsWords(JSON.stringify(await readReadingRoom(store, r.id))));
              for (const w of r.withheldWords) expect(shown.has(w), `${r.id} shows ${w}`).toBe(false);
            }
            for (const w of withdrawn) {
              const item = await readReadingRoom(store, w.id);
              expect(item.kind).toBe("withdrawn");
              const shown = new Set(ftsWords(JSON.stringify(item)));
              const subjectReleased = specs[Number(w.id.slice(-3))]!.release.subject;
              const allowed = new Set(subjectReleased ? specs[Number(w.id.slice(-3))]!.subject : []);
              for (const word of w.words)
                if (!allowed.has(word)) expect(shown.has(word), `${w.id} shows ${word}`).toBe(false);
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 3 },
    );
  }, 120_000);
});

/** The `i`th random cable: 09STATE39345's header with random portions, subject and TAGS, dated apart. */
function cableOf(spec: Spec, i: number): Cable {
  let number = 0;
  const paragraphs: Paragraph[] = spec.paragraphs.map((p) => ({
    number: p.marking === null ? null : ++number,
    marking: p.marking,
    text: `${p.words.join(" ")}.`,
  }));
  return variantOf(base, {
    id: `09STATE50${String(i).padStart(3, "0")}`,
    serial: 50_000 + i,
    dtg: new Date(Date.UTC(2005, 0, 1 + i * 3, 12)).toISOString().replace(".000Z", "Z"),
    subject: spec.subject.join(" ").toUpperCase(),
    tags: spec.tags,
    paragraphs,
    body: bodyOfParagraphs(paragraphs),
  });
}
