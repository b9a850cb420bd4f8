// Writes a released cable's deliveries and tasks inside the release transaction: the transactional outbox.
import { sql, type Kysely } from "kysely";
import { precedenceRank, type Cable } from "../../core/index.ts";
import type { ActionRequest } from "../../core/action-request.ts";
import type { Database } from "../../store/database.ts";
import { dialectOf } from "../../store/dialect-of.ts";
import { timeOrderedId } from "../../store/time-ordered-id.ts";
import { createTasks } from "../actions/create-tasks.ts";
import { reportTasks } from "../actions/report-tasks.ts";
import { modelOf } from "../archive/stored-model.ts";
import type { Clock } from "../clock.ts";
import type { AddresseeDirectory } from "../directory/index.ts";
import { CablegramError } from "../errors.ts";
import { expandAddressees, type DeliveryTarget } from "./expand-addressees.ts";
import { routingHintOf } from "./routing-hint.ts";

/**
 * What release hands to distribution: the released cable, the draft's action requests, and the directory its
 * addressees were resolved against in the release transaction (absent: distribution resolves them itself).
 */
export type Released = { cable: Cable; actionRequests: ActionRequest[]; directory?: AddresseeDirectory };

// Rows per SQLite INSERT: well under the bound-parameter limits (SQLite 32,766, PostgreSQL 65,535) at 11 columns a row.
const CHUNK = 500;

/**
 * Expands the addressees against the directory and writes, in `tx`, one queued delivery per post and office, the
 * tasks of the action requests, and the reports this cable makes of earlier tasks. Nothing is sent here: the
 * dispatcher delivers the queued rows after commit, so a release that rolls back leaves no delivery, and one that
 * commits leaves every delivery, whatever crashes later. Throws UNKNOWN_ADDRESSEE (rolling the release back).
 * @example await store.db.transaction().execute((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, clock))
 */
export async function enqueueDeliveries(tx: Kysely<Database>, released: Released, clock: Clock): Promise<void> {
  const { cable } = released;
  const cableId = cable.id;
  if (!cableId) throw new CablegramError("BAD_CABLE", "a released cable needs its id before distribution");
  const now = clock.now().toISOString();
  const targets = await expandAddressees(tx, cable, released.directory);
  const hint = await routingHintOfCited(tx, cable);
  const hintJson = hint.length > 0 ? JSON.stringify(hint) : null;
  if (dialectOf(tx) === "postgres") await insertPostgres(tx, cableId, targets, now, hintJson);
  else await insertRows(tx, cableId, targets, now, hintJson);
  await createTasks(tx, cableId, targets, released.actionRequests, now);
  await reportTasks(tx, [cable], now);
}

/** SQLite: multi-row INSERTs of the columns a queued delivery has; the others start null. */
async function insertRows(
  tx: Kysely<Database>,
  cableId: string,
  targets: DeliveryTarget[],
  now: string,
  hint: string | null,
): Promise<void> {
  const rows = targets.map((t) => ({
    id: timeOrderedId(),
    cable_id: cableId,
    post: t.post,
    station: t.station,
    office: t.office,
    role: t.role,
    precedence: t.precedence,
    rank: precedenceRank(t.precedence),
    state: "queued" as const,
    queued_at: now,
    // Left out when null: a cable to 280 posts binds 280 fewer parameters.
    ...(hint !== null ? { routing_hint: hint } : {}),
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto("deliveries")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(["cable_id", "post", "office"]).doNothing())
      .execute();
  }
}

/**
 * PostgreSQL: one INSERT of a column array each, however many posts. A multi-row VALUES list of a cable to 280
 * posts binds 2,800 parameters, which the driver serialises and the server parses one by one.
 */
async function insertPostgres(
  tx: Kysely<Database>,
  cableId: string,
  targets: DeliveryTarget[],
  now: string,
  hint: string | null,
): Promise<void> {
  const col = <T>(f: (t: DeliveryTarget) => T) => targets.map(f);
  await sql`INSERT INTO deliveries (id, cable_id, post, station, office, role, precedence, rank, state, queued_at,
      routing_hint)
    SELECT id, ${cableId}, post, station, office, role, precedence, rank, 'queued', ${now}, ${hint}::text
    FROM unnest(${col(() => timeOrderedId())}::text[], ${col((t) => t.post)}::text[], ${col((t) => t.station)}::text[],
      ${col((t) => t.office)}::text[], ${col((t) => t.role)}::text[], ${col((t) => t.precedence)}::text[],
      ${col((t) => precedenceRank(t.precedence))}::int[]) AS t(id, post, station, office, role, precedence, rank)
    ON CONFLICT (cable_id, post, office) DO NOTHING`.execute(tx);
}

/** Offices the cables this one cites ask replies to be slugged for. */
async function routingHintOfCited(db: Kysely<Database>, cable: Cable): Promise<string[]> {
  const ids = [...new Set(cable.references.flatMap((r) => (r.id ? [r.id] : [])))];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("cables as c")
    .innerJoin("cable_texts as t", "t.seq", "c.seq")
    .select(["t.model", "t.raw", "t.parse_hints"])
    .where("c.id", "in", ids)
    .execute();
  return [...new Set(rows.flatMap((r) => routingHintOf(modelOf(r))))];
}
