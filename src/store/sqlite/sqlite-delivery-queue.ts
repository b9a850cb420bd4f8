// The outbox on SQLite: multi-row INSERTs, and a batch's ids read before the short write that delivers them.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../database.ts";
import {
  QUEUED_COLUMNS,
  type CableCopies,
  type DeliveredNow,
  type DeliveryClaim,
  type DeliveryQueue,
} from "../delivery-queue.ts";

// Rows per INSERT: well under SQLite's bound-parameter limit (32,766) at 13 columns a row.
const CHUNK = 500;

/**
 * The delivery queue of the SQLite database (or transaction) `db`.
 * @example await sqliteDeliveryQueue(tx).enqueue([{ cableId, copies, routingHint: null }], now)
 */
export function sqliteDeliveryQueue(db: Kysely<Database>): DeliveryQueue {
  return {
    enqueue: async (cables, queuedAt) => void (await insertRows(db, cables, queuedAt, null)),
    deliver: (cables, delivered) => insertRows(db, cables, delivered.at, delivered),
    claim: (batch, deliveredAt, due) => claimSqlite(db, batch, deliveredAt, due),
  };
}

/**
 * Multi-row INSERTs of the columns a queued delivery has, the others starting null; or, `delivered` given, of a
 * delivered one, answering the ids written.
 */
async function insertRows(
  tx: Kysely<Database>,
  cables: readonly CableCopies[],
  now: string,
  delivered: DeliveredNow | null,
): Promise<Set<string>> {
  const rows = cables.flatMap(({ cableId, copies, routingHint }) =>
    copies.map((t) => ({
      id: t.id,
      cable_id: cableId,
      post: t.post,
      station: t.station,
      office: t.office,
      role: t.role,
      precedence: t.precedence,
      rank: t.rank,
      state: delivered ? ("delivered" as const) : ("queued" as const),
      queued_at: now,
      routing_hint: routingHint,
      ...(delivered ? { delivered_at: now, due_at: delivered.dueOf(t.precedence) } : {}),
    })),
  );
  // Left out when no copy has one: a cable to 280 posts binds 280 fewer parameters.
  const hinted = rows.some((r) => r.routing_hint !== null);
  const written = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const insert = tx
      .insertInto("deliveries")
      .values(hinted ? chunk : chunk.map(({ routing_hint: _, ...row }) => row))
      .onConflict((oc) => oc.columns(["cable_id", "post", "office"]).doNothing());
    if (!delivered) await insert.execute();
    else for (const r of await insert.returning("id").execute()) written.add(r.id);
  }
  return written;
}

/**
 * The batch's ids are read first (a write transaction is the database's only one, so it is kept short), then
 * moved by an UPDATE that names the old state: a row another process delivered meanwhile is left alone.
 */
async function claimSqlite(
  db: Kysely<Database>,
  batch: number,
  nowIso: string,
  due: RawBuilder<string>,
): Promise<DeliveryClaim | null> {
  const queued = await db
    .selectFrom("deliveries")
    .select("id")
    // A literal, so that the planner may use the partial index of queued rows (migration 0007).
    .where("state", "=", sql.lit("queued"))
    .orderBy("rank")
    .orderBy("queued_at")
    .orderBy("id")
    .limit(batch)
    .execute();
  if (queued.length === 0) return null;
  const ids = queued.map((q) => q.id);
  const deliver = (tx: Kysely<Database>) =>
    tx
      .updateTable("deliveries")
      .set({ state: "delivered", delivered_at: nowIso, due_at: due })
      .where("id", "in", ids)
      .where("state", "=", "queued")
      // Only the columns a release writes come back: a queued copy was never read, acknowledged, escalated or
      // slugged (those acts need a delivered copy), so the others are null, and this update set the rest.
      .returning(QUEUED_COLUMNS)
      .execute();
  return { found: queued.length, deliver };
}
