// Named counters that never give a number twice, inside the caller's transaction: a station's message serials, the
// chain's link numbers.
import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import { preparedQuery } from "./prepared-query.ts";

/**
 * Takes the next `count` numbers of a counter inside the caller's transaction and returns the first. The upsert
 * locks the counter row until the transaction ends (PostgreSQL) or runs inside SQLite's single writer, so two
 * releases never get the same number; a release that rolls back gives its numbers back with it, so no gap appears.
 * @example await takeNumbers(tx, "msg:STATE:2008") // 16245
 */
export async function takeNumbers(tx: Kysely<Database>, key: string, count = 1): Promise<number> {
  const [row] = (await takeCounter(tx, key, count)).rows;
  return Number(row!.value) - count + 1;
}

// A release takes two counters (its number and its chain link): compiled once.
const takeCounter = preparedQuery((tx, key: string, count: number) =>
  tx
    .insertInto("message_counters")
    .values({ key, value: count })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({ value: eb("message_counters.value", "+", eb.ref("excluded.value")) })),
    )
    .returning("value"),
);
