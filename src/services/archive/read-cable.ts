// Reads one archived cable, if the reader may read it.
import type { Store } from "../../store/open-store.ts";
import { readableBy, type Reader } from "../access/index.ts";
import { CablegramError } from "../errors.ts";
import type { ArchivedCable } from "./archived-cable.ts";
import { archiveId } from "./normalise-id.ts";
import { modelOf } from "./stored-model.ts";

/**
 * Reads a cable by id. Null when there is no such cable OR the reader may not read it: the two are
 * indistinguishable on purpose (the server answers 404 CABLE_NOT_FOUND for both).
 * @example (await readCable(store, reader, "08STATE16245"))?.cable.subject // "KOSOVO: FOR CHIEFS OF MISSION -- ..."
 */
export async function readCable(store: Store, reader: Reader, id: string): Promise<ArchivedCable | null> {
  const row = await store.db
    .selectFrom("cables as c")
    .innerJoin("cable_texts as t", "t.seq", "c.seq")
    .select(["t.model", "t.raw", "t.parse_hints", "c.archived_at", "c.source"])
    .where("c.id", "=", archiveId(id))
    .where(readableBy(reader, "c"))
    .executeTakeFirst();
  if (!row) return null;
  return { cable: modelOf(row), raw: row.raw, archivedAt: row.archived_at, source: row.source };
}

/**
 * The CABLE_NOT_FOUND error for a cable that is missing or that the reader may not read (the same answer for both).
 * @example throw cableNotFound("08STATE99999") // 404: No cable "08STATE99999" (it may not exist, or you may not read it).
 */
export function cableNotFound(id: string): CablegramError {
  return new CablegramError(
    "CABLE_NOT_FOUND",
    `No cable ${JSON.stringify(id)} (it may not exist, or you may not read it).`,
    { id },
  );
}

/**
 * Reads a cable as `readCable` does, or throws CABLE_NOT_FOUND.
 * @example (await requireReadableCable(store, reader, "08STATE16245")).cable.id // "08STATE16245"
 */
export async function requireReadableCable(store: Store, reader: Reader, id: string): Promise<ArchivedCable> {
  const read = await readCable(store, reader, id);
  if (!read) throw cableNotFound(id);
  return read;
}
