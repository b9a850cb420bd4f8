// The tally of a question over a bloc on a day: how many members hold each position, and which members are unknown.
// Pure and fast: events are indexed once (see event-index.ts) and each member costs one binary search.
import { blocMembers } from "../blocs/blocs.ts";
import type { IsoDate } from "../countries/iso-date.ts";
import { indexEvents, positionOn, type EventIndex } from "./event-index.ts";
import type { PositionEvent } from "./position-event.ts";
import type { Position, Question } from "./question.ts";

/** Whom a tally counts: a bloc's members on the day, the world (the UN's members on the day), or a fixed list. */
export type TallyScope = { bloc: string } | { world: true } | { group: string; countries: readonly string[] };

/** Events, or an index of them built once with `indexEvents` (arrays are indexed once and cached). */
export type TallyEvents = readonly PositionEvent[] | EventIndex;

export type TallyInput = TallyScope & {
  events: TallyEvents;
  question: Question;
  asOf: IsoDate;
  /** Count only what was recorded by this day: the tally as it could be made then. */
  knownOn?: IsoDate;
};

/** One position's count, with its countries (ISO alpha-2, sorted). */
export type PositionCount = { position: Position; count: number; countries: string[] };

export type Tally = {
  question: Question;
  /** The bloc's code, `WORLD`, or the group's name. */
  bloc: string;
  asOf: IsoDate;
  knownOn: IsoDate | null;
  /** Everyone counted, sorted: each is in exactly one of the counts or in `unknown`. */
  members: string[];
  /** One entry per position of the question's scale, in the scale's order, zero counts included. */
  counts: PositionCount[];
  /** Members without a position on the day. */
  unknown: string[];
};

const indexes = new WeakMap<readonly PositionEvent[], EventIndex>();

function indexOf(events: TallyEvents): EventIndex {
  if (!Array.isArray(events)) return events as EventIndex;
  const list = events as readonly PositionEvent[];
  let index = indexes.get(list);
  if (index === undefined) indexes.set(list, (index = indexEvents(list)));
  return index;
}

/**
 * The members of a tally's scope on a day, sorted, and the scope's name.
 * @example scopeMembers({ world: true }, "2011-07-14").members.includes("SS") // true
 */
export function scopeMembers(scope: TallyScope, asOf: IsoDate): { name: string; members: string[] } {
  if ("bloc" in scope) return { name: scope.bloc, members: blocMembers(scope.bloc, asOf) };
  if ("world" in scope) return { name: "WORLD", members: blocMembers("UN", asOf) };
  return { name: scope.group, members: [...new Set(scope.countries)].sort() };
}

/**
 * Counts each member of the scope on `asOf` by its latest position event effective on or before that day (and,
 * with `knownOn`, recorded by then), honouring corrections. Throws `POSITION_NOT_ON_SCALE` for an event whose
 * position the question's scale lacks, as that is bad data a tally must not hide.
 * @example
 * tally({ events, question: KOSOVO_RECOGNITION, world: true, asOf: "2009-04-07" }).counts[0]
 * // { position: { code: "recognizes", ... }, count: 57, countries: ["AF", "AL", ...] }
 */
export function tally(input: TallyInput): Tally {
  const { question, asOf } = input;
  const index = indexOf(input.events);
  const { name, members } = scopeMembers(input, asOf);
  const byCode = new Map<string, PositionCount>();
  const counts = question.positions.map((position) => {
    const entry: PositionCount = { position, count: 0, countries: [] };
    byCode.set(position.code, entry);
    return entry;
  });
  const unknown: string[] = [];
  for (const country of members) {
    const event = positionOn(index, question.id, country, asOf, input.knownOn);
    if (event === undefined) {
      unknown.push(country);
      continue;
    }
    const entry = byCode.get(event.position);
    if (entry === undefined) throw notOnScale(event, question);
    entry.count++;
    entry.countries.push(country);
  }
  return { question, bloc: name, asOf, knownOn: input.knownOn ?? null, members, counts, unknown };
}

/** A member whose position differs between two days; null where it had none. */
export type PositionChange = { country: string; before: string | null; after: string | null; event: PositionEvent };

export type ChangesInput = TallyScope & {
  events: TallyEvents;
  question: Question;
  from: IsoDate;
  to: IsoDate;
  knownOn?: IsoDate;
};

/**
 * The members of the scope on `to` whose position on `to` differs from their position on `from`, with the event
 * that now gives it, sorted by country.
 * @example changesBetween({ events, question: KOSOVO_RECOGNITION, bloc: "EU", from: "2008-02-16", to: "2008-02-18" })
 * // [{ country: "FR", before: null, after: "recognizes", event: {...} }, { country: "GB", ... }]
 */
export function changesBetween(input: ChangesInput): PositionChange[] {
  const index = indexOf(input.events);
  const { members } = scopeMembers(input, input.to);
  const changes: PositionChange[] = [];
  for (const country of members) {
    const after = positionOn(index, input.question.id, country, input.to, input.knownOn);
    if (after === undefined) continue;
    const before = positionOn(index, input.question.id, country, input.from, input.knownOn);
    if (before?.position === after.position) continue;
    changes.push({ country, before: before?.position ?? null, after: after.position, event: after });
  }
  return changes;
}

function notOnScale(event: PositionEvent, question: Question): Error {
  const scale = question.positions.map((p) => p.code).join(", ");
  return new Error(
    `POSITION_NOT_ON_SCALE: event ${event.id} gives ${event.country} the position "${event.position}", which question ${question.id} lacks; use one of: ${scale}`,
  );
}
