// The pure tally: the issue's acceptance on the Kosovo recognitions (09STATE39345: "57 countries ... as of April 7,
// 2009"), corrections that supersede, tallies as known on a past day, changes between two days, and a property that
// every member is counted exactly once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  blocMembers,
  changesBetween,
  DEFAULT_POSITIONS,
  indexEvents,
  KOSOVO_RECOGNITION,
  KOSOVO_RECOGNITION_EVENTS,
  tally,
  type PositionEvent,
  type Question,
  type Tally,
} from "../src/core/index.ts";

const events = KOSOVO_RECOGNITION_EVENTS;
const question = KOSOVO_RECOGNITION;

function count(result: Tally, position: string): number {
  return result.counts.find((c) => c.position.code === position)?.count ?? -1;
}

describe("Kosovo recognitions as of 2009-04-07", () => {
  const asOf = "2009-04-07";

  it("counts 57 UN member states recognizing Kosovo, Taiwan not among them", () => {
    const world = tally({ events, question, world: true, asOf });
    expect(world.bloc).toBe("WORLD");
    expect(world.members).toHaveLength(192);
    expect(count(world, "recognizes")).toBe(57);
    expect(world.counts[0]?.countries).not.toContain("TW");
    expect(world.counts[0]?.countries).toContain("GM"); // Gambia, the 57th, on the day itself
  });

  it("counts 22 of the 27 EU members, all but Cyprus, Spain, Greece, Romania and Slovakia", () => {
    const eu = tally({ events, question, bloc: "EU", asOf });
    expect([count(eu, "recognizes"), eu.members.length]).toEqual([22, 27]);
    expect(eu.unknown).toEqual(["CY", "ES", "GR", "RO", "SK"]);
  });

  it("counts 24 of NATO's 28 members and 7 of 7 in the G-7", () => {
    const nato = tally({ events, question, bloc: "NATO", asOf });
    expect([count(nato, "recognizes"), nato.members.length]).toEqual([24, 28]);
    const g7 = tally({ events, question, bloc: "G7", asOf });
    expect([count(g7, "recognizes"), g7.members.length]).toEqual([7, 7]);
  });

  it("counts all of Kosovo's neighbours but Serbia", () => {
    const neighbours = tally({
      events,
      question,
      group: "Kosovo's neighbours",
      countries: ["AL", "MK", "ME", "RS"],
      asOf,
    });
    expect(neighbours.counts[0]?.countries).toEqual(["AL", "ME", "MK"]);
    expect(neighbours.unknown).toEqual(["RS"]);
  });
});

describe("Kosovo recognitions before and after", () => {
  it("counts no recognition on 2008-02-16, the day before independence", () => {
    const world = tally({ events, question, world: true, asOf: "2008-02-16" });
    expect(world.counts.map((c) => c.count)).toEqual([0, 0, 0]);
    expect(world.unknown).toEqual(world.members);
  });

  it("counts a withdrawal from its day: Nauru recognizes on 2019-11-21 and has withdrawn on 2019-11-22", () => {
    const on = (asOf: string) => tally({ events, question, group: "NR", countries: ["NR"], asOf }).counts;
    expect(on("2019-11-21")[0]?.countries).toEqual(["NR"]);
    expect(on("2019-11-22")[2]?.countries).toEqual(["NR"]);
  });

  it("lists who changed between two days, with the event that changed them", () => {
    const changes = changesBetween({ events, question, bloc: "EU", from: "2008-02-16", to: "2008-02-18" });
    expect(changes.map((c) => c.country)).toEqual(["FR", "GB"]);
    expect(changes[0]).toMatchObject({ before: null, after: "recognizes", event: { effectiveOn: "2008-02-18" } });
    const withdrawals = changesBetween({ events, question, world: true, from: "2019-01-01", to: "2019-12-31" });
    expect(withdrawals.filter((c) => c.before === "recognizes").map((c) => c.country)).toEqual([
      "CF",
      "GH",
      "NR",
      "PW",
      "TG",
    ]);
  });
});

const poll: Question = { id: "poll", title: "Does the state support the resolution?", positions: DEFAULT_POSITIONS };

function event(props: Partial<PositionEvent> & Pick<PositionEvent, "id" | "country" | "position">): PositionEvent {
  return {
    questionId: poll.id,
    effectiveOn: "2020-01-01",
    recordedOn: "2020-01-01",
    confidence: "confirmed",
    sources: [{ kind: "cable", cableId: "20STATE1" }],
    note: null,
    recordedBy: "desk officer",
    classification: "CONFIDENTIAL",
    caveats: [],
    supersedes: null,
    ...props,
  };
}

describe("corrections and what was known when", () => {
  const original = event({ id: "e1", country: "FR", position: "opposes", effectiveOn: "2020-01-10" });
  const correction = event({
    id: "e2",
    country: "FR",
    position: "leaning_against",
    effectiveOn: "2020-01-08",
    recordedOn: "2020-02-01",
    supersedes: "e1",
  });
  const group = { group: "FR", countries: ["FR"] };
  const positionOf = (result: Tally) => result.counts.find((c) => c.count === 1)?.position.code ?? null;

  it("counts the correction instead of the event it supersedes, even when the correction is effective earlier", () => {
    const result = tally({ events: [original, correction], question: poll, ...group, asOf: "2020-01-20" });
    expect(positionOf(result)).toBe("leaning_against");
  });

  it("counts the superseded event as it was known before the correction was recorded", () => {
    const events = [original, correction];
    expect(positionOf(tally({ events, question: poll, ...group, asOf: "2020-01-20", knownOn: "2020-01-31" }))).toBe(
      "opposes",
    );
    expect(positionOf(tally({ events, question: poll, ...group, asOf: "2020-01-20", knownOn: "2020-02-01" }))).toBe(
      "leaning_against",
    );
  });

  it("ignores events recorded after knownOn, leaving the country unknown if nothing earlier was recorded", () => {
    const late = event({ id: "e3", country: "DE", position: "supports", recordedOn: "2020-03-01" });
    const result = tally({
      events: [late],
      question: poll,
      group: "DE",
      countries: ["DE"],
      asOf: "2020-06-01",
      knownOn: "2020-02-01",
    });
    expect(result.unknown).toEqual(["DE"]);
    expect(result.knownOn).toBe("2020-02-01");
  });

  it("takes the later-recorded event where two take effect on the same day", () => {
    const first = event({ id: "b", country: "IT", position: "undecided", recordedOn: "2020-01-01" });
    const second = event({ id: "a", country: "IT", position: "supports", recordedOn: "2020-01-02" });
    const result = tally({
      events: [second, first],
      question: poll,
      group: "IT",
      countries: ["IT"],
      asOf: "2020-01-05",
    });
    expect(positionOf(result)).toBe("supports");
  });

  it("refuses a position the question's scale lacks, naming the event and the scale", () => {
    const odd = event({ id: "e9", country: "ES", position: "recognizes" });
    expect(() => tally({ events: [odd], question: poll, group: "ES", countries: ["ES"], asOf: "2020-02-01" })).toThrow(
      /POSITION_NOT_ON_SCALE: event e9 .* use one of: supports, leaning_for/,
    );
  });
});

describe("tally property", () => {
  const countries = blocMembers("UN", "2020-01-01");
  const day = fc
    .integer({ min: 0, max: 800 })
    .map((d) => new Date(Date.UTC(2019, 0, 1 + d)).toISOString().slice(0, 10));
  const arbitraryEvent = fc.record({
    country: fc.constantFrom(...countries, "TW", "XK"),
    position: fc.constantFrom(...DEFAULT_POSITIONS.map((p) => p.code)),
    effectiveOn: day,
    recordedOn: day,
    supersedes: fc.option(fc.integer({ min: 0, max: 199 }), { nil: null }),
  });

  it("counts each member of the scope exactly once, in a position or as unknown", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryEvent, { maxLength: 200 }),
        fc.constantFrom("UN", "EU", "NATO", "AU", "UNSC"),
        day,
        fc.option(day, { nil: undefined }),
        (rows, bloc, asOf, knownOn) => {
          const events = rows.map((r, i) =>
            event({ ...r, id: `e${i}`, supersedes: r.supersedes === null ? null : `e${r.supersedes}` }),
          );
          const result = tally({ events: indexEvents(events), question: poll, bloc, asOf, knownOn });
          const counted = [...result.counts.flatMap((c) => c.countries), ...result.unknown].sort();
          expect(counted).toEqual(result.members);
          expect(result.counts.reduce((sum, c) => sum + c.count, 0) + result.unknown.length).toBe(
            result.members.length,
          );
          expect(result.members).toEqual(blocMembers(bloc, asOf));
        },
      ),
      { numRuns: 200 },
    );
  });
});
