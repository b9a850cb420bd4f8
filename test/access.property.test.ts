// Property: whoever asks, nothing the access rule hides leaks through any way of listing or counting cables, nor
// through any campaign endpoint (events, tallies, changes, taskings) whose positions those cables are the sources
// of, nor through the suggestions read from those cables' text (listed, confirmed or dismissed).
// Random readers are checked against the corpus (a quarter of it) and captioned cables made from the seeds, with
// mayRead as the brute-force oracle the SQL must agree with: search results, totals, every facet count, snippets,
// references, "cited by", countCables and readCable.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changesBetween,
  CLASSIFICATIONS,
  DEFAULT_POSITIONS,
  positionForStance,
  suggestPositions,
  tally,
  type Cable,
} from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import {
  campaignById,
  campaignChanges,
  campaignTaskings,
  confirmSuggestion,
  createCampaign,
  dismissSuggestion,
  listSuggestions,
  recordPosition,
  suggestionId,
  tallyCampaign,
  type PositionEventView,
} from "../src/services/campaigns/index.ts";
import { fixedClock, type Deps } from "../src/services/clock.ts";
import { isCablegramError } from "../src/services/errors.ts";
import { draftSuggestions } from "../src/services/campaigns/index.ts";
import type { User } from "../src/services/users/index.ts";
import { createDraft, type DraftFields } from "../src/services/workflow/index.ts";
import { draftOf } from "./helpers/draft-body.ts";
import { mayRead, SYSTEM_READER, type Reader } from "../src/services/access/index.ts";
import { archiveCables, countCables, readCable, referencesOf } from "../src/services/archive/index.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { searchCables, type FacetCount, type SearchResult } from "../src/services/search/index.ts";
import { cableRecordOf } from "../src/services/archive/cable-record-of.ts";
import type { Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { addressee, variantOf, seed } from "./helpers/archive-fixtures.ts";
import { readCorpus, sharedAvailable } from "./helpers/shared-data.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const QUERIES = [
  "",
  "kosovo",
  "government -iran",
  '"security council"',
  "tag:PREL",
  "class:SECRET",
  "from:2008-01-01 to:2009-12-31",
  "minist*",
  "addressee:STATE -tag:PGOV",
  "ref:08STATE16245",
  "-the",
];

/** Captions, caveats and levels the corpus lacks, each made from both seeds and citing one another in a ring. */
function captionedCables(corpusIds: string[]): Cable[] {
  const variants: Partial<Omit<Cable, "id">>[] = [
    { classification: "SECRET", caveats: ["SIPDIS", "NOFORN"] },
    { classification: "CONFIDENTIAL", caveats: ["NODIS"], handling: ["DEPT FOR EUR/SCE, IO/UNP"] },
    { classification: "UNCLASSIFIED", caveats: ["NODIS KOSOVO"] },
    { caveats: ["EXDIS"], to: [addressee("AMEMBASSY PARIS", "POL")], info: [] },
    { caveats: ["EXDIS"], handling: ["EXDIS-BALKANS"] },
    { caveats: ["LIMDIS"], handling: [], to: [], info: [] },
    { classification: "SECRET", caveats: ["NOFORN", "NODIS"], handling: ["DEPT FOR EUR/SCE"] },
    { caveats: ["ORCON"] },
    { classification: null },
    { classification: "TOP SECRET", caveats: ["STADIS"], handling: ["NODIS-KOSOVO"] },
    { caveats: ["SENSITIVE", "SIPDIS"] },
  ];
  const cables: Cable[] = [];
  for (const base of [seed("08STATE16245").cable, seed("09STATE39345").cable]) {
    for (const patch of variants) {
      const n = cables.length;
      cables.push(
        variantOf(base, {
          id: `08STATE${90000 + n}`,
          ...patch,
          references: [
            { label: "A", id: `08STATE${90000 + ((n + 1) % (2 * variants.length))}`, text: "ring" },
            { label: "B", id: corpusIds[n * 7] ?? null, text: "corpus" },
            { label: "C", id: "08STATE16245", text: "08 STATE 16245" },
          ],
        }),
      );
    }
  }
  return cables;
}

const readers: fc.Arbitrary<Reader> = fc.record({
  userId: fc.constant("property-reader"),
  clearance: fc.constantFrom(...CLASSIFICATIONS),
  // FGI and ZZ, which no cable carries, put NOFORN and ORCON between accesses held: the query asks for caveats
  // outside the ranges between a reader's accesses (readable-by.ts).
  accesses: fc.subarray(["NOFORN", "ORCON", "noforn", "FGI", "ZZ"]),
  lists: fc.subarray(["NODIS-KOSOVO", "EXDIS-BALKANS", "nodis kosovo"]),
  offices: fc.subarray(["EUR/SCE", "IO/UNP", "POL", "NEA/I"]),
  post: fc.constantFrom(null, "STATE", "PARIS"),
});

/** Every result of a search, page after page. */
async function allPages(
  store: Store,
  reader: Reader,
  q: string,
  sort: "date" | "relevance" = "date",
): Promise<SearchResult[]> {
  const pages: SearchResult[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchResult = await searchCables(store, reader, { q, limit: 100, cursor, sort });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}

/** The facet lists as the archive orders them: most frequent first, then by value; 20 at most. */
function facetOf(values: (string | number | null)[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, 20);
}

function unmark(snippet: string): string {
  return snippet
    .replace(/<\/?mark>/g, "")
    .replace(/^…|…$/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe.skipIf(!sharedAvailable("corpus/cablegate/index.jsonl", "access property test")).each(DIALECTS)(
  "%s: nothing unreadable leaks",
  (dialect) => {
    let store: Store;
    const archived = new Map<string, Cable>();
    /** Per query, the ids the system reader finds: the oracle filters these through mayRead. */
    const systemMatches = new Map<string, string[]>();

    beforeAll(async () => {
      store = await openTestStore(dialect, "cg_access");
      const corpus = readCorpus().filter((_, i) => i % 4 === 0);
      const items: { cable: Cable; raw: string | null }[] = [];
      for (const { entry, text } of corpus) {
        const cable = parseTelegram(text, { id: entry.id });
        cable.id ??= entry.id;
        items.push({ cable, raw: text });
      }
      items.push(seed("08STATE16245"), seed("09STATE39345"));
      for (const cable of captionedCables(items.map((i) => i.cable.id!))) items.push({ cable, raw: null });
      for (const item of items) if (!archived.has(item.cable.id!)) archived.set(item.cable.id!, item.cable);
      await archiveCables(store, items);
      for (const q of QUERIES) {
        const pages = await allPages(store, SYSTEM_READER, q);
        expect(pages[0]!.totalIsLowerBound).toBe(false);
        systemMatches.set(
          q,
          pages.flatMap((p) => p.results.map((r) => r.id)),
        );
      }
      // The fixture must exercise the rule: some cables hidden from most readers, some matches for each query.
      expect(archived.size).toBeGreaterThan(300);
      expect([...systemMatches.values()].every((ids) => ids.length > 0)).toBe(true);
    });
    afterAll(async () => {
      await store.close();
    });

    it("agrees with mayRead on every list, count, facet, snippet and reference", async () => {
      const synthetic = [...archived.keys()].filter((id) => id.startsWith("08STATE9") || id === "08STATE16245");
      const sampled = [...archived.keys()].filter((_, i) => i % 25 === 0);
      await fc.assert(
        fc.asyncProperty(readers, fc.constantFrom(...QUERIES), fc.boolean(), async (reader, q, byRelevance) => {
          const readable = (id: string) => archived.has(id) && mayRead(reader, archived.get(id)!);

          const expected = systemMatches.get(q)!.filter(readable);
          const pages = await allPages(store, reader, q, byRelevance ? "relevance" : "date");
          const got = pages.flatMap((p) => p.results);
          // Relevance scores depend on the whole index, not on the reader: compare the sets.
          if (byRelevance) expect(got.map((r) => r.id).sort()).toEqual([...expected].sort());
          else expect(got.map((r) => r.id)).toEqual(expected);
          expect(pages[0]!.total).toBe(expected.length);
          const records = expected.map((id) => cableRecordOf(archived.get(id)!, null, null, ""));
          expect(pages[0]!.facets).toEqual({
            tags: facetOf(records.flatMap((r) => r.tags)),
            origin: facetOf(records.map((r) => r.origin)),
            classification: facetOf(records.map((r) => r.classification)),
            year: facetOf(records.map((r) => r.year)),
          });
          for (const hit of got) {
            const body = archived.get(hit.id)!.body.replace(/\s+/g, " ");
            expect(body).toContain(unmark(hit.snippet));
          }

          expect(await countCables(store, reader)).toBe([...archived.keys()].filter(readable).length);
          for (const id of [...synthetic, ...sampled, "99NOWHERE1"]) {
            expect((await readCable(store, reader, id)) !== null).toBe(readable(id));
          }
          for (const id of synthetic) {
            const refs = await referencesOf(store, reader, id);
            if (!readable(id)) {
              expect(refs).toBeNull();
              continue;
            }
            const cable = archived.get(id)!;
            expect(refs?.references.map((r) => r.resolved?.id ?? null)).toEqual(
              cable.references.map((r) => (r.id !== null && readable(r.id) ? r.id : null)),
            );
            const citing = [...archived.values()].filter(
              (c) => c.references.some((r) => r.id === id) && readable(c.id!),
            );
            expect(refs?.citedBy.map((c) => c.id).sort()).toEqual(citing.map((c) => c.id!).sort());
          }
        }),
        { numRuns: 40 },
      );
    });
  },
);

// Campaigns: each position event is recorded from one of the captioned, caveated or classified cables above and
// takes its marking, so a reader may see it exactly when mayRead lets him read its source. Every campaign endpoint
// must then answer as if the events he may not see had never been recorded: the events listed, every tally (each
// bloc, each day, as known on a day), the changes between two days, including corrections he may not see, and the
// taskings (the tasking cable, its reply, the position recorded since). And the suggestions read from the cables'
// text: listed exactly for the cables he may read, and a suggestion of any other answered "not found" (never
// "decided") whether he confirms or dismisses it, its sentence nowhere in the error. Drafts of the same cables,
// read for suggestions when saved, show theirs only to those who may see the draft: readers of its text with a
// part in it (its drafter, its post) or administrators.
describe.each(DIALECTS)("%s: no position event leaks", (dialect) => {
  let store: Store;
  let deps: Deps & { clock: ReturnType<typeof fixedClock> };
  const events: { event: PositionEventView; source: Cable | null }[] = [];
  const campaignId = "property";
  const question = { id: "q", title: "Supports", positions: [...DEFAULT_POSITIONS] };
  const countries = ["FR", "DE", "GB", "IT", "ES", "PL", "US", "CA", "TR", "RS", "RU", "CN"];
  const TASKED_POSTS = [
    "AMEMBASSY PARIS",
    "AMEMBASSY BERLIN",
    "AMEMBASSY LONDON",
    "AMEMBASSY ROME",
    "AMEMBASSY MADRID",
  ];
  const taskings: { cable: Cable; reply: Cable; since: string }[] = [];
  const suggesting = "property-suggestions";
  let archived: Cable[] = [];

  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_access_campaign");
    deps = { store, clock: fixedClock("2024-05-01T09:00:00Z") };
    const cables = captionedCables([]);
    const items = [seed("08STATE16245"), seed("09STATE39345"), ...cables.map((cable) => ({ cable, raw: null }))];
    await archiveCables(store, items);
    archived = items.map((i) => i.cable);
    await createCampaign(deps, SYSTEM_ACTING, {
      id: suggesting,
      name: "Property suggestions",
      tags: ["KV"],
      startsOn: "2008-01-01",
      questions: [question],
    });
    await createCampaign(deps, SYSTEM_ACTING, {
      id: campaignId,
      name: "Property",
      startsOn: "2008-01-01",
      questions: [question],
    });
    const sources: (Cable | null)[] = [null, ...items.map((i) => i.cable)];
    for (let i = 0; i < 60; i++) {
      const source = sources[i % sources.length]!;
      const country = countries[i % countries.length]!;
      // Every fifth event corrects the last event of its country, whatever its marking.
      const previous = i % 5 === 4 ? events.filter((e) => e.event.country === country).at(-1) : undefined;
      deps.clock.set(`2009-0${1 + (i % 9)}-15T09:00:00Z`);
      const event = await recordPosition(deps, {
        by: SYSTEM_ACTING,
        reader: SYSTEM_READER,
        campaignId,
        position: {
          questionId: "q",
          country,
          position: DEFAULT_POSITIONS[i % DEFAULT_POSITIONS.length]!.code,
          effectiveOn: `2009-0${1 + ((i * 7) % 9)}-0${1 + (i % 9)}`,
          sources: source ? [{ kind: "cable", cableId: source.id! }] : [{ kind: "text", text: "public statement" }],
          supersedes: previous?.event.id ?? null,
        },
      });
      events.push({ event, source });
    }
    // Every cable tasks a post tied to the question, reported by the next cable: a tasking, a reply and a position
    // each show only when the reader may read them.
    await loadDefaultDirectory(store);
    const cablesOnly = items.map((i) => i.cable);
    for (const [i, cable] of cablesOnly.entries()) {
      const reply = cablesOnly[(i + 1) % cablesOnly.length]!;
      await store.db
        .insertInto("tasks")
        .values({
          id: `task-${i}`,
          cable_id: cable.id!,
          post: TASKED_POSTS[i % TASKED_POSTS.length]!,
          station: null,
          what: "Deliver the demarche",
          due: "2009-02-01T12:00:00Z",
          created_at: `2009-0${1 + (i % 6)}-01T09:00:00Z`,
          reported_at: "2009-01-20T09:00:00Z",
          reported_by_cable: reply.id!,
          done_at: null,
          done_by: null,
          note: null,
          campaign_id: campaignId,
          question_id: "q",
        })
        .execute();
      taskings.push({ cable, reply, since: `2009-0${1 + (i % 6)}-01` });
    }
  });
  afterAll(async () => store?.close());

  it("answers every campaign endpoint as if the events the reader may not see were never recorded", async () => {
    const days = ["2008-12-31", "2009-03-01", "2009-06-15", "2009-12-31"];
    await fc.assert(
      fc.asyncProperty(
        readers,
        fc.constantFrom(undefined, "EU", "NATO", "G7", "UNSC"),
        fc.constantFrom(...days),
        fc.constantFrom(undefined, ...days),
        async (reader, bloc, asOf, knownOn) => {
          const visible = events.filter((e) => e.source === null || mayRead(reader, e.source)).map((e) => e.event);
          const campaign = await campaignById(store, reader, campaignId);
          expect(campaign.events.map((e) => e.id).sort()).toEqual(visible.map((e) => e.id).sort());

          const scope = bloc === undefined ? { world: true as const } : { bloc };
          const expected = tally({ ...scope, events: visible, question, asOf, ...(knownOn ? { knownOn } : {}) });
          const got = await tallyCampaign(deps, reader, { campaignId, bloc, asOf, knownOn });
          expect(got.members).toEqual(expected.members);
          expect(got.unknown).toEqual(expected.unknown);
          expect(got.counts.map((c) => [c.position, c.count, c.countries])).toEqual(
            expected.counts.map((c) => [c.position.code, c.count, c.countries]),
          );

          const changes = await campaignChanges(deps, reader, {
            campaignId,
            bloc,
            from: "2009-01-01",
            to: asOf < "2009-01-01" ? "2009-01-01" : asOf,
          });
          const expectedChanges = changesBetween({
            ...scope,
            events: visible,
            question,
            from: "2009-01-01",
            to: asOf < "2009-01-01" ? "2009-01-01" : asOf,
          });
          expect(changes.changes.map((c) => [c.country, c.before, c.after, c.event.id])).toEqual(
            expectedChanges.map((c) => [c.country, c.before, c.after, c.event.id]),
          );

          const lines = await campaignTaskings(deps, reader, campaignId);
          const shown = taskings.filter((t) => mayRead(reader, t.cable));
          expect(lines.map((l) => l.cableId).sort()).toEqual(shown.map((t) => t.cable.id!).sort());
          for (const l of lines) {
            const t = shown.find((x) => x.cable.id === l.cableId)!;
            expect(l.reportedBy).toBe(mayRead(reader, t.reply) ? t.reply.id : null);
            const since = visible.filter((e) => e.country === l.country && e.recordedOn >= t.since);
            if (l.position === null) expect(since).toEqual([]);
            else {
              const latest = Math.max(...since.map((e) => Date.parse(e.recordedOn)));
              const event = since.find((e) => e.id === l.position!.eventId);
              expect(event !== undefined && Date.parse(event.recordedOn) === latest).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("lists, confirms and dismisses suggestions only of cables the reader may read", async () => {
    // What the seeds' text suggests, cable by cable, on the question: the oracle the listing must agree with.
    const offered = new Map(
      archived
        .filter((c) => c.tags.includes("KV"))
        .map((c) => [
          c.id!,
          suggestPositions(c.paragraphs)
            .filter((s) => positionForStance(question, s.stance, s.hedged) !== null)
            .map((s) => ({ id: suggestionId(c.id!, s.paragraph, s.country, s.stance), sentence: s.sentence })),
        ]),
    );
    expect([...offered.values()].flat().length).toBeGreaterThan(100);
    const all = [...offered].flatMap(([cableId, list]) => list.map((s) => ({ ...s, cableId })));
    const cableOf = new Map(archived.map((c) => [c.id!, c]));
    await fc.assert(
      fc.asyncProperty(
        readers,
        fc.constantFrom(...all),
        fc.constantFrom("confirm" as const, "dismiss" as const),
        async (reader, pick, verb) => {
          const listed = await listSuggestions(deps, reader, suggesting);
          const readable = [...offered].filter(([id]) => mayRead(reader, cableOf.get(id)!));
          expect(listed.map((s) => s.id).sort()).toEqual(readable.flatMap(([, list]) => list.map((s) => s.id)).sort());
          expect(listed.every((s) => s.cableId !== null && mayRead(reader, cableOf.get(s.cableId)!))).toBe(true);

          const by = { id: "property-drafter", username: "property-drafter", roles: ["drafter" as const] };
          const props = { by, reader, suggestionId: pick.id };
          const decided =
            verb === "confirm"
              ? confirmSuggestion(deps, { ...props, campaignId: suggesting })
              : dismissSuggestion(deps, props);
          const outcome = await decided.then(
            () => "done",
            (error: unknown) => {
              if (!isCablegramError(error)) throw error;
              expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(pick.sentence);
              return error.code;
            },
          );
          if (mayRead(reader, cableOf.get(pick.cableId)!)) expect(["done", "SUGGESTION_DECIDED"]).toContain(outcome);
          else expect(outcome).toBe("SUGGESTION_NOT_FOUND");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("shows a draft's suggestions only to those who may see the draft, however asked", async () => {
    const stamp = {
      email: null,
      hasPassword: true,
      createdAt: "2024-01-01T00:00:00Z",
      updatedAt: "2024-01-01T00:00:00Z",
    };
    const drafter: User = {
      id: "property-drafter",
      username: "property-drafter",
      clearance: "TOP SECRET",
      accesses: ["NOFORN", "ORCON"],
      lists: ["NODIS-KOSOVO", "EXDIS-BALKANS"],
      roles: ["drafter"],
      post: "STATE",
      offices: ["EUR/SCE", "IO/UNP", "POL"],
      ...stamp,
    };
    const drafts: { id: string; cable: Cable }[] = [];
    for (const cable of archived.filter((c) => c.tags.includes("KV"))) {
      const { id } = await createDraft(deps, drafter, draftOf(cable) as DraftFields);
      drafts.push({ id, cable });
    }
    // The rule, said again: the text readable, and a part in the draft (no clearance is asked of anyone here).
    const mayView = (user: User, draft: { cable: Cable }) =>
      mayRead({ ...user, userId: user.id }, draft.cable) &&
      (user.roles.includes("admin") || user.id === drafter.id || user.post === "STATE");
    const rows = await store.db
      .selectFrom("position_suggestions")
      .select(["id", "cable_id", "sentence"])
      .where("cable_id", "like", "draft:%")
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    const users = fc.record({
      reader: readers,
      roles: fc.constantFrom<User["roles"][]>(["reader"], ["reader", "drafter"], ["admin"]),
      self: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        users,
        fc.constantFrom(...rows),
        fc.constantFrom("confirm" as const, "dismiss" as const),
        async ({ reader, roles, self }, pick, verb) => {
          const user: User = { ...reader, id: self ? drafter.id : "property-reader", username: "u", roles, ...stamp };
          const draft = drafts.find((d) => `draft:${d.id}` === pick.cable_id)!;
          const visible = mayView(user, draft);

          const listed = await listSuggestions(deps, reader, suggesting, user);
          for (const s of listed.filter((x) => x.draftId !== null)) {
            expect(
              mayView(
                user,
                drafts.find((d) => d.id === s.draftId)!,
              ),
            ).toBe(true);
          }
          const own = await draftSuggestions(store, user, draft.id).then(
            (list) => list.map((x) => x.id),
            (error: unknown) => (isCablegramError(error) ? error.code : Promise.reject(error)),
          );
          if (visible) expect(own).toContain(pick.id);
          else expect(own).toBe("DRAFT_NOT_FOUND");

          const props = { by: user, reader: { ...reader, userId: user.id }, user, suggestionId: pick.id };
          const decided =
            verb === "confirm"
              ? confirmSuggestion(deps, { ...props, campaignId: suggesting })
              : dismissSuggestion(deps, props);
          const outcome = await decided.then(
            () => "done",
            (error: unknown) => {
              if (!isCablegramError(error)) throw error;
              expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(pick.sentence);
              return error.code;
            },
          );
          if (roles.length === 1 && roles[0] === "reader") expect(outcome).toBe("FORBIDDEN");
          else if (!visible) expect(outcome).toBe("SUGGESTION_NOT_FOUND");
          else if (verb === "confirm") expect(["SUGGESTION_IN_DRAFT", "SUGGESTION_DECIDED"]).toContain(outcome);
          else expect(["done", "SUGGESTION_DECIDED"]).toContain(outcome);
        },
      ),
      { numRuns: 40 },
    );
  });
});
