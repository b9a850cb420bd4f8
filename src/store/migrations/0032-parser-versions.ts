// Migration 0032: each archived telegram's record says which parser derived it (issue 18). An imported telegram is
// parsed again when read, but its access locks, search row and references were derived at import; once the parser
// changes they may disagree with what is shown. `cables.parser_version` names the parser that derived the row (null
// for a cable stored as its model, which no parse derives); a cable whose version is not the running parser's is
// readable by no one (readableBy) until it is derived again (rederiveArchive). `cable_texts.derived_digest` holds the
// hashes of what the record derives beyond its columns (addressees, body), so a later parser's changes to them show.
// PostgreSQL's full-text row does not carry the version, though it carries the locks (migration 0010): updating it
// would write all its index entries again. A search asks for the row numbers of stale cables instead (their index).
//
// Rows archived before this migration were derived by an unknown parser: their version is '' (stale), so the first
// start re-derives them before they can be read again.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("cables").addColumn("parser_version", "text").execute();
  await db.schema.alterTable("cable_texts").addColumn("derived_digest", "text").execute();
  await sql`UPDATE cables SET parser_version = ''
    WHERE seq IN (SELECT seq FROM cable_texts WHERE parse_hints IS NOT NULL)`.execute(db);
  // The records to derive again are found by version, a batch at a time in row order.
  await db.schema.createIndex("cables_by_parser").on("cables").columns(["parser_version", "seq"]).execute();
}
