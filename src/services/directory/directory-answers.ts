// What addressees are, remembered between cables while the directory stays as it was: a site node resolves the same
// few hundred addressees for cable after cable of a release run, and read the directory for them every time. The
// directory's version (migration 0037) moves with every write to its tables, by this process or another, so an
// answer is never kept past a change.
import type { Kysely } from "kysely";
import type { IsoDate } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import {
  loadAddresseeDirectory,
  type AddresseeDirectory,
  type AddresseeRef,
  type ResolvedAddressee,
} from "./addressee-directory.ts";
import { normalisePlad } from "./directory-schema.ts";

/** Addressee directories that answer from memory what they were asked before, for one store. */
export type DirectoryAnswers = {
  /**
   * As loadAddresseeDirectory, in the transaction or database `db`: one read of the directory's version, and the
   * directory read only for addressees not resolved before at this version and date.
   */
  load(db: Kysely<Database>, refs: readonly AddresseeRef[], asOf?: IsoDate): Promise<AddresseeDirectory>;
};

/** Answers kept before all are forgotten: far above a release's addressees, far below a memory worth counting. */
const KEPT = 20_000;

/**
 * Remembered answers for one store; give each store its own.
 * @example const answers = directoryAnswers(); (await answers.load(tx.db, refs)).resolve({ name: "PARIS" })
 */
export function directoryAnswers(): DirectoryAnswers {
  let version: string | null = null;
  const known = new Map<string, ResolvedAddressee | null>();
  return {
    async load(db, refs, asOf = new Date().toISOString().slice(0, 10)) {
      const row = await db.selectFrom("directory_version").select("version").executeTakeFirst();
      const now = String(row?.version ?? "");
      if (now !== version || known.size > KEPT) {
        known.clear();
        version = now;
      }
      const keyOf = (ref: AddresseeRef) =>
        `${asOf}\u0000${normalisePlad(ref.name)}\u0000${ref.route?.toUpperCase() ?? ""}`;
      const keys = refs.map(keyOf);
      const missing = refs.filter((_, i) => !known.has(keys[i]!));
      if (missing.length > 0) {
        const loaded = await loadAddresseeDirectory(db, missing, asOf);
        for (const ref of missing) known.set(keyOf(ref), loaded.resolve(ref));
      }
      // Only what was asked for: a directory loaded for these refs answers nothing else either.
      const asked = new Map(keys.map((key) => [key, known.get(key) ?? null]));
      return { asOf, resolve: (ref) => asked.get(keyOf(ref)) ?? null };
    },
  };
}
