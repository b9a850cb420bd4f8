// Finds a post by its PLAD or its station, as users write either (`AMEMBASSY PARIS`, `PARIS`, `STATE`).
import type { Store } from "../../store/open-store.ts";
import { preparedQuery } from "../../store/prepared-query.ts";
import { CablegramError } from "../errors.ts";
import { chanceryFirst, stationKey } from "./chancery-first.ts";
import { postFromRow } from "./directory-rows.ts";
import { normalisePlad, type Post } from "./directory-schema.ts";

// Every release looks its origin up, given by PLAD or by station: one query for both, compiled once.
const postByNameOrStation = preparedQuery((db, name: string, station: string) =>
  db
    .selectFrom("posts")
    .selectAll()
    .where((eb) => eb.or([eb("name", "=", name), eb("station", "=", station)])),
);

/**
 * The post a reference names: its PLAD exactly, else its station; null when neither matches.
 * @example await findPost(store, "paris") // { name: "AMEMBASSY PARIS", station: "PARIS", ... }
 */
export async function findPost(store: Store, ref: string): Promise<Post | null> {
  const name = normalisePlad(ref);
  const rows = (await postByNameOrStation(store.db, name, stationKey(name))).rows;
  const byName = rows.find((r) => r.name === name);
  if (byName) return postFromRow(byName);
  // Several posts can share a station (USEU BRUSSELS numbers as BRUSSELS too): the chancery comes first.
  rows.sort(chanceryFirst);
  return rows[0] ? postFromRow(rows[0]) : null;
}

/**
 * Like `findPost`, but a missing post is an error (POST_NOT_FOUND) naming what was asked for.
 * @example await requirePost(store, "ATLANTIS") // throws POST_NOT_FOUND
 */
export async function requirePost(store: Store, ref: string): Promise<Post> {
  const post = await findPost(store, ref);
  if (!post) throw new CablegramError("POST_NOT_FOUND", `No post named ${JSON.stringify(ref)} (by PLAD or station).`);
  return post;
}
