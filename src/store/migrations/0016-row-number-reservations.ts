// Migration 0016: on PostgreSQL, the row numbers handed out per DTG minute are kept in a table of their own, so a
// batch takes its numbers in a statement that commits at once, and several batches can then be written at the
// same time, each on its own connection.
//
// Taking numbers as "the highest row number of the minute, plus one" would need a lock held until the batch
// commits, since the highest number taken by a batch still being written is invisible to every other transaction:
// batches of a PostgreSQL import would go in one after another, and one server process would do all the full-text
// indexing (GIN) while another core waits. With this table, batches overlap and searches are as fast afterwards
// (bench:archive measures the import, see docs/performance.md).
//
// `top` is the highest row number ever handed out in the minute starting at `base` (a multiple of SLOTS,
// date-seq.ts). A number is never handed out twice; one a failed batch took is never used. The rows written
// before this migration give each minute its first `top`. SQLite has one writer at a time and needs none of this.
import { sql, type Kysely } from "kysely";
import { SLOTS } from "../date-seq.ts";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  await sql`CREATE TABLE cable_seq_tops (base bigint PRIMARY KEY, top bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO cable_seq_tops (base, top)
    SELECT seq / ${SLOTS} * ${SLOTS}, max(seq) FROM cables GROUP BY 1`.execute(db);
}
