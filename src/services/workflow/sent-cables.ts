// The cables a drafter's drafts went out as, newest first, with precedence, addressees and date: the "Sent" page.
import { readableBy } from "../access/readable-by.ts";
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import type { Store } from "../../store/open-store.ts";
import { draftCable } from "./draft-rows.ts";

/** A cable I drafted, as released. */
export type SentCable = {
  id: string;
  subject: string | null;
  classification: string | null;
  /** The precedence of the cable as a whole (its header); each addressee has its own. */
  precedence: string | null;
  /** Action (TO) and information (INFO) addressees, each with its precedence. */
  to: { name: string; precedence: string | null }[];
  info: { name: string; precedence: string | null }[];
  /** When it was released. */
  releasedAt: string;
  /** Who released it (username). */
  releasedBy: string | null;
  /** The cable it corrects (a corrected copy), or null. */
  supersedes: string | null;
};

/** How many cables the list holds at most. */
export const SENT_LIMIT = 200;

/**
 * The released cables the user drafted that they may read now, newest first.
 * @example (await sentCables(store, dana))[0] // { id: "26STATE12", precedence: "NIACT IMMEDIATE", to: [{ name: "AMEMBASSY PANAMA", ... }], ... }
 */
export async function sentCables(store: Store, user: User): Promise<SentCable[]> {
  const rows = await store.db
    .selectFrom("drafts as d")
    .innerJoin("cables as c", "c.id", "d.released_id")
    .leftJoin("users as u", "u.id", "d.released_by")
    .select(["c.id", "c.subject", "c.classification", "c.precedence", "d.model", "d.released_at", "d.supersedes"])
    .select("u.username as released_by")
    .where("d.created_by", "=", user.id)
    .where("d.status", "=", "released")
    .where(readableBy(readerOf(user), "c"))
    .orderBy("d.released_at", "desc")
    .orderBy("c.id")
    .limit(SENT_LIMIT)
    .execute();
  return rows.map((r) => {
    const cable = draftCable(r);
    const names = (list: typeof cable.to) => list.map((a) => ({ name: a.name, precedence: a.precedence }));
    return {
      id: r.id,
      subject: r.subject,
      classification: r.classification,
      precedence: r.precedence,
      to: names(cable.to),
      info: names(cable.info),
      releasedAt: r.released_at ?? "",
      releasedBy: r.released_by,
      supersedes: r.supersedes,
    };
  });
}
