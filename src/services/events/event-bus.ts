// The event bus: in-process publish/subscribe for live updates (SSE). Every cable event passes the access rule
// for each subscriber, so an event never tells a reader about a cable they may not read.
import type { LiveEventType } from "../../core/live-events.ts";
import type { Store } from "../../store/open-store.ts";
import { readerMeets, type CableLocks } from "../access/access-rule.ts";
import { EVERYTHING, type Reader } from "../access/reader.ts";
import { normalisePlad } from "../directory/directory-schema.ts";
import type { User } from "../users/user-schema.ts";

/** A signed-in subscriber as the rules beyond the access rule see them (who may see a draft): user and home PLAD. */
export type Viewer = { user: User; home: string | null };

/** Something that happened: `delivery.delivered`, `alert.raised`, `draft.created`, `cable.released`, ... */
export type BusEvent = {
  /** One of the live event types (src/core/live-events.ts). */
  type: LiveEventType;
  /** The cable it is about; subscribers who may not read it never hear of it. */
  cableId?: string;
  /** The post it concerns, by PLAD; subscribers watching another post do not get it. */
  post?: string;
  /** The office it concerns; subscribers watching another office do not get it. */
  office?: string;
  /** A user it is for alone (their draft, their clearance request). */
  userId?: string;
  data: unknown;
  /**
   * The cable's locks, for a cable not yet archived (a draft): given, they decide instead of the archive. A cable
   * event with neither archived cable nor locks reaches nobody: the bus fails closed.
   */
  locks?: CableLocks;
  /**
   * Who besides the access rule may hear of it (a draft's events: those with a part in the draft). Given, the event
   * reaches only subscribers with a viewer it accepts.
   */
  visibleTo?: (viewer: Viewer) => boolean;
};

/** What a subscriber watches: everything it may read, or only one post (by PLAD) or office. */
export type Relevance = { post?: string | null; office?: string | null };

export type Listener = (event: BusEvent) => void;

export type EventBus = {
  /** Delivers the event to every subscriber allowed and interested; resolves when all listeners were called. */
  publish(event: BusEvent): Promise<void>;
  /** Subscribes `listener` as `reader` (and `viewer`, for events with `visibleTo`); returns the unsubscriber. */
  subscribe(reader: Reader, listener: Listener, relevance?: Relevance, viewer?: Viewer): () => void;
  /** Subscribers now: for tests and the server's status. */
  size(): number;
};

type Subscriber = {
  reader: Reader;
  listener: Listener;
  post: string | null;
  office: string | null;
  viewer: Viewer | null;
};

/**
 * An event bus that reads cables' locks from `store` (the archive's access record). Without a store, cable events
 * go only to subscribers holding EVERYTHING unless the event carries its locks.
 * @example const bus = createEventBus({ store }); bus.subscribe(reader, (e) => console.log(e.type)); await bus.publish(event)
 */
export function createEventBus(options: { store?: Store } = {}): EventBus {
  const subscribers = new Set<Subscriber>();
  return {
    async publish(event) {
      if (subscribers.size === 0) return;
      const locks =
        event.cableId === undefined ? null : (event.locks ?? (await locksOfArchived(options.store, event.cableId)));
      const post = event.post ? normalisePlad(event.post) : null;
      const office = event.office ? event.office.toUpperCase() : null;
      for (const s of [...subscribers]) {
        if (event.userId !== undefined && s.reader.userId !== event.userId) continue;
        if (s.post !== null && post !== s.post) continue;
        if (s.office !== null && office !== s.office) continue;
        if (event.cableId !== undefined && !allowed(s.reader, locks)) continue;
        if (event.visibleTo && !(s.viewer !== null && event.visibleTo(s.viewer))) continue;
        try {
          s.listener(event);
        } catch {
          // One broken listener (a closed stream) must not keep the event from the others.
        }
      }
    },
    subscribe(reader, listener, relevance = {}, viewer) {
      const s: Subscriber = {
        reader,
        listener,
        viewer: viewer ?? null,
        post: relevance.post ? normalisePlad(relevance.post) : null,
        office: relevance.office ? relevance.office.toUpperCase() : null,
      };
      subscribers.add(s);
      return () => void subscribers.delete(s);
    },
    size: () => subscribers.size,
  };
}

function allowed(reader: Reader, locks: CableLocks | null): boolean {
  if (locks === null) return reader.accesses.includes(EVERYTHING) && reader.offices.includes(EVERYTHING);
  return readerMeets(reader, locks);
}

/**
 * The locks the archive stored for a cable, or null when it is not archived (or no store was given). A publisher of
 * many events about one cable reads them once and passes them as each event's `locks`.
 * @example await locksOfArchived(store, "08STATE16245") // { classRank: 1, caveats: [], captioned: false, grants: [] }
 */
export async function locksOfArchived(store: Store | undefined, cableId: string): Promise<CableLocks | null> {
  if (!store) return null;
  const row = await store.db
    .selectFrom("cables")
    .select(["seq", "class_rank", "captioned"])
    .where("id", "=", cableId)
    .executeTakeFirst();
  if (!row) return null;
  const [caveats, grants] = await Promise.all([
    store.db.selectFrom("cable_caveats").select("caveat").where("seq", "=", row.seq).execute(),
    store.db.selectFrom("cable_grants").select("grant_key").where("seq", "=", row.seq).execute(),
  ]);
  return {
    classRank: Number(row.class_rank),
    caveats: caveats.map((c) => c.caveat),
    captioned: Number(row.captioned) === 1,
    grants: grants.map((g) => g.grant_key),
  };
}

/**
 * The archived locks of many cables in three queries, whatever their number: a dispatcher's pass delivers the
 * copies of every cable released meanwhile. Cables not archived are absent from the answer.
 * @example (await locksOfArchivedMany(store, ["08STATE16245"])).get("08STATE16245")?.classRank // 1
 */
export async function locksOfArchivedMany(
  store: Store | undefined,
  cableIds: readonly string[],
): Promise<Map<string, CableLocks>> {
  const locks = new Map<string, CableLocks>();
  if (!store || cableIds.length === 0) return locks;
  const rows = await store.db
    .selectFrom("cables")
    .select(["id", "seq", "class_rank", "captioned"])
    .where("id", "in", [...new Set(cableIds)])
    .execute();
  if (rows.length === 0) return locks;
  const seqs = rows.map((r) => r.seq);
  const [caveats, grants] = await Promise.all([
    store.db.selectFrom("cable_caveats").select(["seq", "caveat"]).where("seq", "in", seqs).execute(),
    store.db.selectFrom("cable_grants").select(["seq", "grant_key"]).where("seq", "in", seqs).execute(),
  ]);
  const bySeq = new Map<number, CableLocks>();
  for (const r of rows) {
    const cable: CableLocks = {
      classRank: Number(r.class_rank),
      caveats: [],
      captioned: Number(r.captioned) === 1,
      grants: [],
    };
    bySeq.set(Number(r.seq), cable);
    locks.set(r.id, cable);
  }
  for (const c of caveats) bySeq.get(Number(c.seq))?.caveats.push(c.caveat);
  for (const g of grants) bySeq.get(Number(g.seq))?.grants.push(g.grant_key);
  return locks;
}
