// The outbox of deliveries: how a release queues its copies and how the dispatcher claims the most urgent ones.
// SQLite (sqlite/sqlite-delivery-queue.ts) and PostgreSQL (postgres/postgres-delivery-queue.ts) write it each
// their own way.
import type { Kysely, RawBuilder, Selectable } from "kysely";
import type { Database } from "./database.ts";
import type { DeliveriesTable } from "./tables/distribution.ts";

/** The columns a release writes in a queued delivery; the others start null. */
export const QUEUED_COLUMNS = [
  "id",
  "cable_id",
  "post",
  "station",
  "office",
  "role",
  "precedence",
  "rank",
  "queued_at",
  "routing_hint",
] as const;

/** A queued delivery as the dispatcher gets it back when it delivers it. */
export type QueuedRow = Pick<Selectable<DeliveriesTable>, (typeof QUEUED_COLUMNS)[number]>;

/** One copy a release queues: a post (office '' for the post itself) with its role and precedence. */
export type QueuedCopy = Pick<DeliveriesTable, "id" | "post" | "station" | "office" | "role" | "precedence" | "rank">;

/** The copies of one cable to queue, with the offices its replies are slugged for (JSON), if any. */
export type CableCopies = { cableId: string; copies: QueuedCopy[]; routingHint: string | null };

/**
 * Copies written delivered already: when, and each one's deadline by its precedence (null for none).
 * @example { at: now, dueOf: (precedence) => deadlines[precedence] }
 */
export type DeliveredNow = { at: string; dueOf: (precedence: string) => string | null };

/**
 * A batch to deliver: `deliver` turns it delivered in the transaction it is given and answers the rows it turned;
 * `found` is how many rows were queued when it was picked, null where picking and delivering are one statement.
 */
export type DeliveryClaim = { found: number | null; deliver: (tx: Kysely<Database>) => Promise<QueuedRow[]> };

/** How the outbox is written and read on one engine. */
export type DeliveryQueue = {
  /**
   * Queues the copies of one or more cables (a release, or a batch of arrivals from another site) in the caller's
   * transaction; a copy already queued for the same cable, post and office is left as it is.
   * @example await tx.deliveries.enqueue([{ cableId: "26STATE103", copies, routingHint: null }], now)
   */
  enqueue(cables: readonly CableCopies[], queuedAt: string): Promise<void>;
  /**
   * Writes the copies delivered already, in the caller's transaction: for copies arriving from another site, whose
   * store transaction is itself the event a queue would wait for. A copy already there for the same cable, post and
   * office is left as it is; answers the ids of the copies written.
   * @example const written = await tx.deliveries.deliver([{ cableId: "26STATE103", copies, routingHint: null }], { at: now, dueOf })
   */
  deliver(cables: readonly CableCopies[], delivered: DeliveredNow): Promise<Set<string>>;
  /**
   * Picks up to `batch` queued deliveries, the most urgent first, to be delivered at `deliveredAt` with the
   * deadline `due` (an SQL expression over the row's precedence); null when none is queued.
   * @example const claim = await store.deliveries.claim(64, nowIso, due)
   */
  claim(batch: number, deliveredAt: string, due: RawBuilder<string>): Promise<DeliveryClaim | null>;
};
