// Property: the due list's counts, kept per month and set of locks (migration 0033), are what counting every cable
// gives. Random archives of cables with random levels, caveats, captions, origins and review dates around today get
// random decisions (released, withheld in full, extended, or none), and random readers ask for the due list before
// random days; a brute-force count over the cables with mayRead, their review dates and the decisions must equal
// every total, origin and classification count, overdue apart, and the page must list exactly the counted cables.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLASSIFICATIONS, releaseEverything, type Cable, type Classification } from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { mayRead, type Reader } from "../src/services/access/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { fixedClock, type Deps } from "../src/services/clock.ts";
import { dueList, recordReview, type DueCount } from "../src/services/declass/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { addressee, buildReader, seed, variantOf } from "./helpers/archive-fixtures.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const TODAY = "2026-12-06";
/** Review dates in the months around today, so that whole months and the days of one both count. */
const DAYS = ["2025-07-14", "2026-10-31", "2026-11-01", "2026-11-30", "2026-12-01", "2026-12-05", "2026-12-06"].concat([
  "2026-12-07",
  "2026-12-31",
  "2027-01-01",
  "2027-02-15",
]);
const BEFORE = ["2026-11-01", "2026-12-01", "2026-12-06", "2026-12-07", "2026-12-20", "2027-01-01", "2027-03-01"];
const LOCKS: Partial<Cable>[] = [
  { caveats: [] },
  { caveats: ["NOFORN"] },
  { caveats: ["NOFORN", "ORCON"] },
  { caveats: ["SIPDIS"] },
  { caveats: ["NODIS"], handling: ["DEPT FOR EUR/SCE"] },
  { caveats: ["EXDIS"], to: [addressee("AMEMBASSY PARIS", "POL")], info: [], handling: [] },
  { caveats: ["NODIS KOSOVO"], handling: [] },
];
const ORIGINS = ["STATE", "PARIS", "BAGHDAD"];

type Spec = {
  classification: Classification | null;
  locks: number;
  origin: number;
  reviewOn: string;
  decision: "none" | "release" | "withhold" | "extend";
  extendTo: string;
};

const specArb: fc.Arbitrary<Spec> = fc.record({
  classification: fc.constantFrom<Classification | null>("CONFIDENTIAL", "SECRET", "TOP SECRET", null),
  locks: fc.nat(LOCKS.length - 1),
  origin: fc.nat(ORIGINS.length - 1),
  reviewOn: fc.constantFrom(...DAYS),
  decision: fc.constantFrom(
    "none" as const,
    "none" as const,
    "release" as const,
    "withhold" as const,
    "extend" as const,
  ),
  extendTo: fc.constantFrom("2026-12-07", "2026-12-20", "2027-01-01", "2027-02-01"),
});

const readerArb: fc.Arbitrary<Reader> = fc
  .record({
    clearance: fc.constantFrom(...CLASSIFICATIONS),
    accesses: fc.subarray(["NOFORN", "ORCON"]),
    offices: fc.subarray(["EUR/SCE", "POL"]),
    lists: fc.subarray(["NODIS-KOSOVO"]),
  })
  .map((r) => buildReader(r));

const base = seed("09STATE39345").cable;

function cableOf(spec: Spec, i: number): Cable {
  const [y, m, d] = spec.reviewOn.split("-");
  return variantOf(base, {
    ...LOCKS[spec.locks],
    id: `10${ORIGINS[spec.origin]}${7000 + i}`,
    origin: ORIGINS[spec.origin]!,
    classification: spec.classification,
    dtg: `2010-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`,
    eo: { order: "12958", decl: spec.reviewOn, text: `DECL: ${m}/${d}/${y}` },
  });
}

/** The brute-force counts: each cable readable by `reader` and due (its date, an extension's, none once released). */
function oracle(cables: Cable[], due: (string | null)[], reader: Reader, before: string) {
  const late = TODAY < before ? TODAY : before;
  const byOrigin = new Map<string, DueCount>();
  const byClassification = new Map<string, DueCount>();
  const ids: string[] = [];
  cables.forEach((cable, i) => {
    const on = due[i];
    if (on === null || on === undefined || on >= before || !mayRead(reader, cable)) return;
    ids.push(cable.id!);
    for (const [map, value] of [
      [byOrigin, cable.origin ?? "UNKNOWN"],
      [byClassification, cable.classification ?? "UNKNOWN"],
    ] as const) {
      const count = map.get(value) ?? { value, due: 0, overdue: 0 };
      count.due += 1;
      count.overdue += on < late ? 1 : 0;
      map.set(value, count);
    }
  });
  const sorted = (map: Map<string, DueCount>) => [...map.values()].sort((a, b) => a.value.localeCompare(b.value));
  return { ids: ids.sort(), byOrigin: sorted(byOrigin), byClassification: sorted(byClassification) };
}

describe.each(DIALECTS)("%s: the due list's kept counts", (dialect) => {
  it("equal a count of every cable, for random readers, decisions and days", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { minLength: 15, maxLength: 30 }),
        fc.array(fc.tuple(readerArb, fc.constantFrom(...BEFORE)), { minLength: 8, maxLength: 8 }),
        async (specs, asks) => {
          const store = await openTestStore(dialect, "cg_due_prop");
          try {
            const deps: Deps = { store, clock: fixedClock(`${TODAY}T09:00:00Z`) };
            const reviewer = await createUser(deps, SYSTEM_ACTING, {
              username: "dreviewer",
              clearance: "TOP SECRET",
              accesses: ["NOFORN", "ORCON"],
              offices: ["EUR/SCE", "POL"],
              lists: ["NODIS-KOSOVO"],
              roles: ["reviewer"],
              post: null,
            });
            const cables = specs.map(cableOf);
            await archiveCables(
              store,
              cables.map((cable) => ({ cable, raw: null })),
            );
            // The schedule's own dates (declass-schedule.test.ts checks them); a cable of no known level has none.
            const scheduled = await store.db
              .selectFrom("cable_declass as d")
              .innerJoin("cables as c", "c.seq", "d.seq")
              .select(["c.id", "d.review_on"])
              .execute();
            const reviewOn = new Map(scheduled.map((r) => [r.id, r.review_on]));
            const due = cables.map((c) => reviewOn.get(c.id!) ?? null);
            for (const [i, spec] of specs.entries()) {
              const id = cables[i]!.id!;
              if (spec.decision === "none") continue;
              if (spec.decision === "release") {
                await recordReview(deps, reviewer, id, releaseEverything(cables[i]!));
                due[i] = null;
              } else if (spec.decision === "withhold") {
                const subject = { action: "release" } as const;
                await recordReview(deps, reviewer, id, {
                  outcome: "withhold-in-full",
                  exemptions: ["1.4(b)"],
                  subject,
                });
                due[i] = null;
              } else {
                await recordReview(deps, reviewer, id, { outcome: "extend", until: spec.extendTo, reason: "pending" });
                due[i] = spec.extendTo;
              }
            }
            for (const [reader, before] of asks) {
              const list = await dueList(deps, SYSTEM_ACTING, reader, { before, limit: 1000 });
              const expected = oracle(cables, due, reader, before);
              expect(list.byOrigin.sort((a, b) => a.value.localeCompare(b.value))).toEqual(expected.byOrigin);
              expect(list.byClassification.sort((a, b) => a.value.localeCompare(b.value))).toEqual(
                expected.byClassification,
              );
              expect(list.due).toBe(expected.ids.length);
              expect(list.cables.map((c) => c.id).sort()).toEqual(expected.ids);
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 240_000);
});
