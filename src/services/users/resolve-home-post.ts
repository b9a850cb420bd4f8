// A user's home post, as given (PLAD or station), checked against the directory and stored as its station.
import type { Store } from "../../store/open-store.ts";
import { requirePost } from "../directory/find-post.ts";

/**
 * The station to store for a home post given by PLAD or station; POST_NOT_FOUND when the directory has no such
 * post. Posts without a station (agencies) are stored by PLAD.
 * @example await resolveHomePost(store, "AMEMBASSY PARIS") // "PARIS"
 */
export async function resolveHomePost(store: Store, ref: string | null | undefined): Promise<string | null> {
  if (ref === null || ref === undefined) return null;
  const post = await requirePost(store, ref);
  return post.station ?? post.name;
}
