// The outbox on PostgreSQL: one array INSERT however many posts, and one statement that picks and delivers.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../database.ts";
import {
  QUEUED_COLUMNS,
  type DeliveryClaim,
  type DeliveryQueue,
  type CableCopies,
  type DeliveredNow,
  type QueuedRow,
} from "../delivery-queue.ts";

/**
 * The delivery queue of the PostgreSQL database (or transaction) `db`.
 * @example await postgresDeliveryQueue(tx).enqueue([{ cableId, copies, routingHint: null }], now)
 */
export function postgresDeliveryQueue(db: Kysely<Database>): DeliveryQueue {
  return {
    enqueue: async (cables, queuedAt) => void (await insertPostgres(db, cables, queuedAt, null)),
    deliver: (cables, delivered) => insertPostgres(db, cables, delivered.at, delivered),
    claim: (batch, deliveredAt, due) => Promise.resolve(claimPostgres(batch, deliveredAt, due)),
  };
}

/**
 * One INSERT of a column array each, however many posts and cables. A multi-row VALUES list of a cable to 280
 * posts binds 2,800 parameters, which the driver serialises and the server parses one by one. With `delivered`,
 * the copies are written delivered, and the ids written come back.
 */
async function insertPostgres(
  tx: Kysely<Database>,
  cables: readonly CableCopies[],
  now: string,
  delivered: DeliveredNow | null,
): Promise<Set<string>> {
  const copies = cables.flatMap((c) => c.copies.map((copy) => ({ ...copy, cableId: c.cableId, hint: c.routingHint })));
  if (copies.length === 0) return new Set();
  const col = <T>(f: (t: (typeof copies)[number]) => T) => copies.map(f);
  const { rows } = await sql<{ id: string }>`INSERT INTO deliveries (id, cable_id, post, station, office, role,
      precedence, rank, state, queued_at, routing_hint, delivered_at, due_at)
    SELECT id, cable_id, post, station, office, role, precedence, rank, ${delivered ? "delivered" : "queued"}, ${now},
      routing_hint, ${delivered ? now : null}, due_at
    FROM unnest(${col((t) => t.id)}::text[], ${col((t) => t.cableId)}::text[], ${col((t) => t.post)}::text[],
      ${col((t) => t.station)}::text[], ${col((t) => t.office)}::text[], ${col((t) => t.role)}::text[],
      ${col((t) => t.precedence)}::text[], ${col((t) => t.rank)}::int[], ${col((t) => t.hint)}::text[],
      ${col((t) => (delivered ? delivered.dueOf(t.precedence) : null))}::text[])
      AS t(id, cable_id, post, station, office, role, precedence, rank, routing_hint, due_at)
    ON CONFLICT (cable_id, post, office) DO NOTHING
    ${delivered ? sql`RETURNING id` : sql``}`.execute(tx);
  return new Set(rows.map((r) => r.id));
}

/**
 * One statement picks the most urgent queued rows and delivers them, skipping rows another dispatcher has locked
 * (it is delivering those): a round trip and a scan fewer than reading the ids first.
 */
function claimPostgres(batch: number, nowIso: string, due: RawBuilder<string>): DeliveryClaim {
  const deliver = async (tx: Kysely<Database>) => {
    const { rows } = await sql<QueuedRow>`
      UPDATE deliveries AS d SET state = 'delivered', delivered_at = ${nowIso}, due_at = ${due}
      FROM (SELECT id FROM deliveries WHERE state = 'queued' ORDER BY rank, queued_at, id LIMIT ${batch}
        FOR UPDATE SKIP LOCKED) AS q
      WHERE d.id = q.id
      RETURNING ${sql.join(QUEUED_COLUMNS.map((c) => sql.ref(`d.${c}`)))}`.execute(tx);
    return rows;
  };
  return { found: null, deliver };
}
