// Lists a user's notices from their watching saved searches, newest first: only cables they may read now.
import { sql } from "kysely";
import type { Deps } from "../clock.ts";
import { readableBy } from "../access/readable-by.ts";
import type { Reader } from "../access/reader.ts";

/** A new cable that matched one of the user's watching saved searches. */
export type SearchNotice = {
  id: string;
  searchId: string;
  /** The saved search's name. */
  name: string;
  cableId: string;
  subject: string | null;
  /** When the match was found. */
  at: string;
  read: boolean;
};

/** How many notices a list holds at most. */
export const NOTICE_LIMIT = 50;

type ListProps = {
  /** Whose notices, with their access now: a notice of a cable they may no longer read is not shown. */
  reader: Reader & { userId: string };
};

/**
 * The user's newest notices (at most NOTICE_LIMIT) and how many of theirs are unread.
 * @example await listSearchNotices(deps, { reader })
 * // { notices: [{ id: "…", name: "Kosovo", cableId: "09STATE100", subject: "…", at: "…", read: false }], unread: 1 }
 */
export async function listSearchNotices(
  { store }: Pick<Deps, "store">,
  { reader }: ListProps,
): Promise<{ notices: SearchNotice[]; unread: number }> {
  const base = store.db
    .selectFrom("search_notices as n")
    .innerJoin("cables as c", "c.id", "n.cable_id")
    .where("n.user_id", "=", reader.userId)
    .where(readableBy(reader, "c"));
  const [rows, counted] = await Promise.all([
    base
      .innerJoin("saved_searches as s", "s.id", "n.search_id")
      .select(["n.id", "n.search_id", "s.name", "n.cable_id", "c.subject", "n.at", "n.read_at"])
      .orderBy("n.at", "desc")
      .orderBy("n.id")
      .limit(NOTICE_LIMIT)
      .execute(),
    base
      .where("n.read_at", "is", null)
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    notices: rows.map((r) => ({
      id: r.id,
      searchId: r.search_id,
      name: r.name,
      cableId: r.cable_id,
      subject: r.subject,
      at: r.at,
      read: r.read_at !== null,
    })),
    unread: Number(counted.n),
  };
}
