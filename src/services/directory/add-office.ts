// Adds an office to the directory, inside a post when one is named.
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { parseInput } from "../parse-input.ts";
import { OfficeSchema, type Office } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Adds an office. The post may be given by PLAD or station and must exist (POST_NOT_FOUND otherwise). Offices are
 * keyed per post: every embassy has its POL, but a code the post has already is DIRECTORY_CONFLICT.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await addOffice(store, admin, { code: "eur/sce", name: null, post: "STATE" }) // { code: "EUR/SCE", post: "SECSTATE WASHDC", ... }
 */
export async function addOffice(
  store: Store,
  by: Acting,
  input: { code: string; name?: string | null; post?: string | null },
) {
  assertAdmin(by, "adding an office");
  const office: Office = parseInput(
    OfficeSchema,
    { code: input.code, name: input.name ?? null, post: input.post ?? null },
    "office",
  );
  if (office.post !== null) office.post = (await requirePost(store, input.post ?? office.post)).name;
  const taken = await store.db
    .selectFrom("offices")
    .select("code")
    .where("code", "=", office.code)
    .where("post", office.post === null ? "is" : "=", office.post)
    .executeTakeFirst();
  if (taken) {
    const where = office.post === null ? "without a post" : `at ${office.post}`;
    throw new CablegramError("DIRECTORY_CONFLICT", `The directory has an office ${office.code} ${where} already.`);
  }
  await store.db.insertInto("offices").values(office).execute();
  return office;
}
