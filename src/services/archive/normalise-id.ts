// Reads the id a caller asks for as the archive stores it.
import { parseCableId } from "../../core/index.ts";

/**
 * The canonical form of a requested id (any case, leading zeros allowed), or the trimmed upper-case text when it
 * is not a canonical id (such a cable may still have been archived under it).
 * @example archiveId("08state016245") // "08STATE16245"
 */
export function archiveId(id: string): string {
  return parseCableId(id)?.id ?? id.trim().toUpperCase();
}
