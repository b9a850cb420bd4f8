// The versions of a released cable: the cable a corrected copy supersedes, and the corrected copy that supersedes it.
import type { Store } from "../../store/open-store.ts";
import type { Reader } from "../access/index.ts";
import { readCable, requireReadableCable } from "../archive/read-cable.ts";

/** Where a cable stands among its versions; a version the reader may not read is left out, as if there were none. */
export type CableVersions = {
  /** Whether Cablegram released it (its own link in the hash chain): only such a cable is corrected or cancelled. */
  releasedHere: boolean;
  /** The cable this corrected copy supersedes, or null. */
  supersedes: string | null;
  /** The corrected copy that supersedes this cable (the latest, when corrected twice), or null. */
  supersededBy: string | null;
};

/**
 * The versions of a cable the reader may read (CABLE_NOT_FOUND otherwise), from the hash chain's links.
 * @example await cableVersions(store, reader, "24STATE1") // { releasedHere: true, supersedes: null, supersededBy: "24STATE2" }
 */
export async function cableVersions(store: Store, reader: Reader, cableId: string): Promise<CableVersions> {
  const read = await requireReadableCable(store, reader, cableId);
  const id = read.cable.id ?? cableId;
  const own = await store.db
    .selectFrom("chain_links")
    .select("supersedes")
    .where("cable_id", "=", id)
    .executeTakeFirst();
  const later = await store.db
    .selectFrom("chain_links")
    .select("cable_id")
    .where("supersedes", "=", id)
    .orderBy("seq", "desc")
    .executeTakeFirst();
  const readable = async (other: string | null | undefined) =>
    other && (await readCable(store, reader, other)) ? other : null;
  return {
    releasedHere: own !== undefined,
    supersedes: await readable(own?.supersedes),
    supersededBy: await readable(later?.cable_id),
  };
}
