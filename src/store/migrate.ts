// Versioned migrations: each file in ./migrations exports `up(db, dialect)`; they run in name order, once.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "./open-store.ts";
import { introspectingOnly } from "./postgres/schema-introspector.ts";
import * as m0001 from "./migrations/0001-archive.ts";
import * as m0002 from "./migrations/0002-directory-users-audit.ts";
import * as m0003 from "./migrations/0003-messaging.ts";
import * as m0004 from "./migrations/0004-distribution.ts";
import * as m0006 from "./migrations/0006-saved-searches.ts";
import * as m0007 from "./migrations/0007-delivery-indexes.ts";
import * as m0008 from "./migrations/0008-search-index-file.ts";
import * as m0010 from "./migrations/0010-search-row-columns.ts";
import * as m0011 from "./migrations/0011-alert-outcome.ts";
import * as m0012 from "./migrations/0012-slugged-copies-no-deadline.ts";
import * as m0013 from "./migrations/0013-word-pairs.ts";
import * as m0014 from "./migrations/0014-parsed-models.ts";
import * as m0015 from "./migrations/0015-lock-lookups.ts";
import * as m0016 from "./migrations/0016-row-number-reservations.ts";
import * as m0017 from "./migrations/0017-chained-cables.ts";
import * as m0018 from "./migrations/0018-campaigns.ts";
import * as m0019 from "./migrations/0019-position-suggestions.ts";
import * as m0020 from "./migrations/0020-draft-submission.ts";
import * as m0021 from "./migrations/0021-clearance-snapshots.ts";
import * as m0022 from "./migrations/0022-offices-per-post.ts";
import * as m0023 from "./migrations/0023-english-stems.ts";
import * as m0024 from "./migrations/0024-watching-searches.ts";
import * as m0025 from "./migrations/0025-sites.ts";
import * as m0027 from "./migrations/0027-declass-schedule.ts";
import * as m0028 from "./migrations/0028-declassification.ts";
import * as m0030 from "./migrations/0030-notifications.ts";
import * as m0032 from "./migrations/0032-parser-versions.ts";
import * as m0033 from "./migrations/0033-declass-due-counts.ts";
import * as m0035 from "./migrations/0035-site-resyncs.ts";
import * as m0036 from "./migrations/0036-site-copy-payloads.ts";
import * as m0037 from "./migrations/0037-directory-version.ts";

/** A migration that knows which dialect it runs on (full-text search differs). */
export type DialectMigration = {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
};

const MIGRATIONS: Record<string, DialectMigration> = {
  "0001-archive": m0001,
  "0002-directory-users-audit": m0002,
  "0003-messaging": m0003,
  "0004-distribution": m0004,
  "0006-saved-searches": m0006,
  "0007-delivery-indexes": m0007,
  "0008-search-index-file": m0008,
  "0010-search-row-columns": m0010,
  "0011-alert-outcome": m0011,
  "0012-slugged-copies-no-deadline": m0012,
  "0013-word-pairs": m0013,
  "0014-parsed-models": m0014,
  "0015-lock-lookups": m0015,
  "0016-row-number-reservations": m0016,
  "0017-chained-cables": m0017,
  "0018-campaigns": m0018,
  "0019-position-suggestions": m0019,
  "0020-draft-submission": m0020,
  "0021-clearance-snapshots": m0021,
  "0022-offices-per-post": m0022,
  "0023-english-stems": m0023,
  "0024-watching-searches": m0024,
  "0025-sites": m0025,
  "0027-declass-schedule": m0027,
  "0028-declassification": m0028,
  "0030-notifications": m0030,
  "0032-parser-versions": m0032,
  "0033-declass-due-counts": m0033,
  "0035-site-resyncs": m0035,
  "0036-site-copy-payloads": m0036,
  "0037-directory-version": m0037,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, this.dialect) };
    return out;
  }
}

/**
 * Applies the pending migrations up to and including `name` (a key of the migration list, such as
 * "0033-declass-due-counts"): for tests of what a later migration does to rows written before it.
 * @example await migrateTo(db, "sqlite", "0033-declass-due-counts")
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works below the typed schema
export async function migrateTo(db: Kysely<any>, dialect: Dialect, name: string, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db: schema ? introspectingOnly(db, schema) : db,
    provider: new StaticProvider(dialect),
    migrationTableSchema: schema,
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/**
 * Applies every pending migration; throws with the failing migration's name if one fails.
 * @example await migrateToLatest(db, "sqlite")
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  // Without the schema, Kysely takes another schema's migration tables for this one's.
  const migrator = new Migrator({
    db: schema ? introspectingOnly(db, schema) : db,
    provider: new StaticProvider(dialect),
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const where = failed ? ` in migration ${failed.migrationName}` : "";
    throw new Error(`database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
