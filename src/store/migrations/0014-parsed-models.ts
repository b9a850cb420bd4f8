// Migration 0014: a telegram import stores its verbatim text and the hints it was parsed with, not a second copy of
// the cable as JSON beside it; the model is parsed again from the text when read (modelOf in services/archive).
//
// A JSON copy makes an archive much larger and its import dearer, and reading it back is no faster than parsing;
// bench:reparse weighs the two forms (docs/performance.md). A row written so has `model` '' and `parse_hints` set;
// every other row keeps its model, and `parse_hints` null. Existing rows are left as they are: both forms read back the
// same way.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("cable_texts").addColumn("parse_hints", "text").execute();
}
