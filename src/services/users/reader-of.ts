// The reader a user's requests run as: what the access rule needs to know about them.
import type { Reader } from "../access/reader.ts";
import type { User } from "./user-schema.ts";

/**
 * The access-rule view of a user: clearance, caveat accesses, distribution lists, offices and home post.
 * Roles play no part: being an admin opens no cable.
 * @example readerOf(alice) // { userId: "…", clearance: "SECRET", accesses: ["NOFORN"], lists: [], offices: ["EUR/SCE"], post: "STATE" }
 */
export function readerOf(user: User): Reader {
  return {
    userId: user.id,
    clearance: user.clearance,
    accesses: [...user.accesses],
    lists: [...user.lists],
    offices: [...user.offices],
    post: user.post,
  };
}
