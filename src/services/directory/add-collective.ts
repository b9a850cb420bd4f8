// Adds a collective (a named set of posts) to the directory, with its first members if given.
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { parseInput } from "../parse-input.ts";
import { CollectiveSchema, type Collective } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Adds a collective. Members may be given by PLAD or station; each must be a post (POST_NOT_FOUND otherwise).
 * A name already taken is DIRECTORY_CONFLICT. Nothing is written unless everything is valid.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await addCollective(store, admin, { name: "NATO CAPITALS", members: ["PARIS", "BERLIN"] }) // { members: ["AMEMBASSY BERLIN", "AMEMBASSY PARIS"], ... }
 */
export async function addCollective(
  store: Store,
  by: Acting,
  input: { name: string; routingIndicator?: string | null; members?: string[] },
): Promise<Collective> {
  assertAdmin(by, "adding a collective");
  const collective = parseInput(
    CollectiveSchema,
    { name: input.name, routingIndicator: input.routingIndicator ?? null, members: [] },
    "collective",
  );
  const members = new Set<string>();
  for (const ref of input.members ?? []) members.add((await requirePost(store, ref)).name);
  collective.members = [...members].sort();
  const taken = await store.db
    .selectFrom("collectives")
    .select("name")
    .where("name", "=", collective.name)
    .executeTakeFirst();
  if (taken)
    throw new CablegramError("DIRECTORY_CONFLICT", `The directory has a collective ${collective.name} already.`);
  await store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto("collectives")
      .values({ name: collective.name, routing_indicator: collective.routingIndicator })
      .execute();
    for (const post of collective.members) {
      await tx.insertInto("collective_members").values({ collective: collective.name, post }).execute();
    }
  });
  return collective;
}
