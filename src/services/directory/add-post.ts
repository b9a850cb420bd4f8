// Adds a post to the directory, filling station, kind, country and time zone from its PLAD when not given.
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { parseInput } from "../parse-input.ts";
import { describePlad } from "./describe-plad.ts";
import { postToRow } from "./directory-rows.ts";
import { normalisePlad, PostSchema, type Post } from "./directory-schema.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/** A new post: its PLAD, and whatever the PLAD does not tell. */
export type AddPostInput = { name: string } & Partial<Omit<Post, "name">>;

/**
 * Adds a post. Fields left out are read from the PLAD (`AMEMBASSY PARIS` is an embassy at station PARIS in FR,
 * Europe/Paris). Throws DIRECTORY_CONFLICT when the PLAD is taken, INVALID_INPUT when a field is malformed.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await addPost(store, admin, { name: "AMEMBASSY PARIS", routingIndicator: "RUEHFR" }) // { ..., country: "FR" }
 */
export async function addPost(store: Store, by: Acting, input: AddPostInput): Promise<Post> {
  assertAdmin(by, "adding a post");
  const facts = typeof input.name === "string" ? describePlad(input.name) : null;
  const post = parseInput(
    PostSchema,
    {
      name: input.name,
      station: input.station !== undefined ? input.station : (facts?.station ?? null),
      routingIndicator: input.routingIndicator ?? null,
      country: input.country !== undefined ? input.country : (facts?.country ?? null),
      kind: input.kind ?? facts?.kind ?? "agency",
      timeZone: input.timeZone !== undefined ? input.timeZone : (facts?.timeZone ?? null),
    },
    "post",
  );
  const taken = await store.db.selectFrom("posts").select("name").where("name", "=", post.name).executeTakeFirst();
  if (taken)
    throw new CablegramError("DIRECTORY_CONFLICT", `The directory has a post ${normalisePlad(post.name)} already.`);
  await store.db.insertInto("posts").values(postToRow(post)).execute();
  return post;
}
