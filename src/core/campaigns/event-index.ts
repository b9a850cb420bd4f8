// Position events indexed per (question, country), sorted by effective date, so that a country's position on a day
// is a binary search and a tally costs one search per member, however many events there are.
import type { IsoDate } from "../countries/iso-date.ts";
import type { PositionEvent } from "./position-event.ts";

/** An event as indexed: `supersededFrom` is the first day a correction of it was recorded (null: never). */
type IndexedEvent = { event: PositionEvent; supersededFrom: IsoDate | null };

/** Events by question, then country, each list sorted by effective date, then recorded date, then id. */
export type EventIndex = {
  readonly byQuestion: ReadonlyMap<string, ReadonlyMap<string, readonly IndexedEvent[]>>;
};

/**
 * Indexes events for `positionOn`. Ties on the effective day go to the later-recorded event.
 * @example positionOn(indexEvents(events), "kosovo-recognition", "FR", "2009-04-07")?.position // "recognizes"
 */
export function indexEvents(events: readonly PositionEvent[]): EventIndex {
  const supersededFrom = new Map<string, IsoDate>();
  for (const e of events) {
    if (e.supersedes === null) continue;
    const known = supersededFrom.get(e.supersedes);
    if (known === undefined || e.recordedOn < known) supersededFrom.set(e.supersedes, e.recordedOn);
  }
  const byQuestion = new Map<string, Map<string, IndexedEvent[]>>();
  for (const event of events) {
    let byCountry = byQuestion.get(event.questionId);
    if (byCountry === undefined) byQuestion.set(event.questionId, (byCountry = new Map()));
    let list = byCountry.get(event.country);
    if (list === undefined) byCountry.set(event.country, (list = []));
    list.push({ event, supersededFrom: supersededFrom.get(event.id) ?? null });
  }
  for (const byCountry of byQuestion.values()) for (const list of byCountry.values()) list.sort(compareIndexed);
  return { byQuestion };
}

function compareIndexed(a: IndexedEvent, b: IndexedEvent): number {
  return (
    compare(a.event.effectiveOn, b.event.effectiveOn) ||
    compare(a.event.recordedOn, b.event.recordedOn) ||
    compare(a.event.id, b.event.id)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The event that gives a country's position on a question on `asOf`: its latest event effective on or before that
 * day, ignoring events recorded after `knownOn` and events a correction recorded by `knownOn` supersedes.
 * @example positionOn(index, "kosovo-recognition", "RS", "2009-04-07") // undefined: no event, position unknown
 */
export function positionOn(
  index: EventIndex,
  questionId: string,
  country: string,
  asOf: IsoDate,
  knownOn?: IsoDate,
): PositionEvent | undefined {
  const list = index.byQuestion.get(questionId)?.get(country);
  if (list === undefined) return undefined;
  // The last event effective on or before asOf, then back to the first one visible on knownOn.
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as IndexedEvent).event.effectiveOn <= asOf) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1; i >= 0; i--) {
    const { event, supersededFrom } = list[i] as IndexedEvent;
    if (knownOn === undefined) {
      if (supersededFrom === null) return event;
    } else if (event.recordedOn <= knownOn && (supersededFrom === null || supersededFrom > knownOn)) {
      return event;
    }
  }
  return undefined;
}
