// Release groups on PostgreSQL: an advisory lock of their own, and the draft row locked by the release reading it.
import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { ReleaseGroupLock } from "../release-group-lock.ts";

/**
 * The release-group lock of the PostgreSQL transaction `tx`: a transaction-scoped advisory lock, so that the
 * releases of another process queue behind the whole group, not behind one of its releases. A release alone takes
 * its locks in the order it always does, and is spared the round trip. Imports do not take it: their batches take
 * their row numbers in a statement of their own (cable-writes.ts, migration 0016).
 * @example await postgresReleaseGroupLock(tx).open(3)
 */
export function postgresReleaseGroupLock(tx: Kysely<Database>): ReleaseGroupLock {
  return {
    open: async (size) => {
      if (size > 1)
        await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.release-groups'))`.execute(tx);
    },
    locksDraftRow: true,
  };
}
