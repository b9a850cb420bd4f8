// Migration 0037: a version number for the directory, moved by triggers on every write to posts, offices,
// collectives and their members, whichever process or statement makes it. A node that resolves the same addressees
// for every cable it receives keeps its answers while the version stays (directory-answers.ts).
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

/** The tables whose rows say what an addressee is. */
const DIRECTORY_TABLES = ["posts", "offices", "collectives", "collective_members"] as const;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("directory_version")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO directory_version (id, version) VALUES (1, 0)`.execute(db);
  if (dialect === "sqlite") {
    for (const table of DIRECTORY_TABLES) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_${op.toLowerCase()}_directory_version AFTER ${op} ON ${table}
             BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END`,
          )
          .execute(db);
      }
    }
    return;
  }
  await sql`CREATE FUNCTION directory_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE directory_version SET version = version + 1 WHERE id = 1;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of DIRECTORY_TABLES) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION directory_version_bump()`,
      )
      .execute(db);
  }
}
