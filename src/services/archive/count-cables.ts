// Counts the cables a reader may read.
import { sql } from "kysely";
import type { Store } from "../../store/open-store.ts";
import { readableBy, type Reader } from "../access/index.ts";

/**
 * How many archived cables `reader` may read (exact; cables they may not read are not counted).
 * @example await countCables(store, SYSTEM_READER) // 2
 */
export async function countCables(store: Store, reader: Reader): Promise<number> {
  const row = await store.db
    .selectFrom("cables as c")
    .select(sql<number | string>`count(*)`.as("n"))
    .where(readableBy(reader, "c"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
