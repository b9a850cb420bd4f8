// Release groups on SQLite: the database's write lock, taken by a write.
import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { ReleaseGroupLock } from "../release-group-lock.ts";

/**
 * The release-group lock of the SQLite transaction `tx`: a write first, because a read first would pin a
 * snapshot that another process's commit (a CLI beside the server) makes stale, and the first write would then
 * fail at once with SQLITE_BUSY instead of waiting its busy timeout. Transactions are serial, so no row lock.
 * @example await sqliteReleaseGroupLock(tx).open(3)
 */
export function sqliteReleaseGroupLock(tx: Kysely<Database>): ReleaseGroupLock {
  return {
    open: async () => {
      await sql`update message_counters set value = value where key = 'chain'`.execute(tx);
    },
    locksDraftRow: false,
  };
}
