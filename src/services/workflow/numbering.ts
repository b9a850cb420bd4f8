// Counters that never give a number twice: message serials per station and year (store/counters.ts), channel serials
// per addressee.
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import { preparedQuery } from "../../store/prepared-query.ts";

const lockChannels = preparedQuery((tx, from: string) =>
  tx
    .insertInto("channel_serials")
    .values({ origin: from, serials: "{}" })
    .onConflict((oc) => oc.column("origin").doUpdateSet((eb) => ({ serials: eb.ref("channel_serials.serials") })))
    .returning("serials"),
);
const saveChannels = preparedQuery((tx, from: string, serials: string) =>
  tx.updateTable("channel_serials").set({ serials }).where("origin", "=", from),
);

/**
 * Channel serials from the routing indicator `from` to each of `routes`: `count` each (one per section), the first
 * of which is answered per route. One row per originator holds every pair's counter; reading it through an upsert
 * (which locks it on PostgreSQL) or inside SQLite's single writer keeps two releases from taking the same serials.
 * @example await takeChannelSerials(tx, "RUEHC", ["RUEHFR"], 1) // Map { "RUEHFR" => 7136 }
 */
export async function takeChannelSerials(
  tx: Kysely<Database>,
  from: string,
  routes: readonly string[],
  count = 1,
): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  if (routes.length === 0) return first;
  // One statement makes the row if need be, locks it (an upsert's update takes the row lock on PostgreSQL, as FOR
  // UPDATE would) and reads it.
  const [row] = (await lockChannels(tx, from)).rows;
  const last = JSON.parse(row!.serials) as Record<string, number>;
  for (const route of new Set(routes)) {
    const given = last[route] ?? 0;
    first.set(route, given + 1);
    last[route] = given + count;
  }
  await saveChannels(tx, from, JSON.stringify(last));
  return first;
}

/**
 * The counter key of a station's message serials in a year.
 * @example messageCounterKey("STATE", 2008) // "msg:STATE:2008"
 */
export function messageCounterKey(station: string, year: number): string {
  return `msg:${station}:${year}`;
}
