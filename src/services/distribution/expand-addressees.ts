// Who gets a released cable: addressees resolved against the directory, collectives expanded to their posts,
// XMT exclusions applied, duplicates removed (action beats info, the higher precedence wins).
import type { Kysely } from "kysely";
import { precedenceRank, type Addressee, type Cable, type Precedence } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import {
  closeMatches,
  loadAddresseeDirectory,
  type AddressedPost,
  type AddresseeDirectory,
} from "../directory/index.ts";
import { CablegramError } from "../errors.ts";

/** One copy to make: a post (or an office of it), its role and precedence. */
export type DeliveryTarget = {
  post: string;
  station: string | null;
  /** Office inside the post, '' for the post itself. */
  office: string;
  role: "action" | "info";
  precedence: Precedence;
};

/**
 * The deliveries a cable calls for, one per post and office, in addressee order. `directory` is what release
 * resolved the addressees against, in the same transaction; without it (or when it misses one) they are resolved
 * here, by the same rule. Throws UNKNOWN_ADDRESSEE, naming the addressee and close directory matches, when a name
 * is neither a post, an office nor a collective.
 * @example await expandAddressees(tx, cable) // [{ post: "AMEMBASSY OUAGADOUGOU", role: "action", precedence: "NIACT IMMEDIATE", ... }, ...]
 */
export async function expandAddressees(
  db: Kysely<Database>,
  cable: Cable,
  directory?: AddresseeDirectory,
): Promise<DeliveryTarget[]> {
  const all = [...cable.to, ...cable.info, ...cable.exclusions];
  let dir = directory;
  if (!dir || all.some((a) => dir!.resolve(a) === null))
    dir = await loadAddresseeDirectory(db, all, cable.dtg?.slice(0, 10));
  const resolve = async (a: Addressee) => {
    const found = dir.resolve(a);
    if (found) return found;
    throw new CablegramError("UNKNOWN_ADDRESSEE", `${JSON.stringify(a.name)} is neither a post nor a collective.`, {
      addressee: a.name,
      hints: await closeMatches(db, a.name),
    });
  };
  const excluded = new Set<string>();
  for (const x of cable.exclusions) for (const post of postsOf(await resolve(x))) excluded.add(post.name);

  const targets = new Map<string, DeliveryTarget>();
  for (const [list, role] of [
    [cable.to, "action"],
    [cable.info, "info"],
  ] as const) {
    for (const a of list) {
      const found = await resolve(a);
      const fromCollective = found.type === "collective";
      const precedence: Precedence = a.precedence ?? cable.precedence ?? "ROUTINE";
      const office = fromCollective ? "" : (a.office?.trim().toUpperCase() ?? found.office ?? "");
      for (const post of postsOf(found)) {
        if (fromCollective && excluded.has(post.name)) continue;
        const key = `${post.name}\u0000${office}`;
        const had = targets.get(key);
        if (!had) targets.set(key, { post: post.name, station: post.station, office, role, precedence });
        else {
          if (role === "action") had.role = "action";
          if (precedenceRank(precedence) < precedenceRank(had.precedence)) had.precedence = precedence;
        }
      }
    }
  }
  return [...targets.values()];
}

function postsOf(found: { type: "post"; post: AddressedPost } | { type: "collective"; members: AddressedPost[] }) {
  return found.type === "post" ? [found.post] : found.members;
}
