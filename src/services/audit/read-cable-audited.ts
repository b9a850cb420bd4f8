// Reads a cable for a user and records the read in the audit log when the cable is classified.
import type { Deps } from "../clock.ts";
import type { Reader } from "../access/reader.ts";
import { readCable } from "../archive/read-cable.ts";
import type { ArchivedCable } from "../archive/archived-cable.ts";
import type { Actor } from "./audit-entry.ts";
import { recordAudit } from "./record-audit.ts";

/**
 * `readCable`, plus an audit entry `cable.read` for every classified cable read (an unknown classification counts
 * as classified, as the access rule treats it as SECRET). Misses are not recorded: they reveal nothing.
 * @example await readCableAudited(deps, actor, reader, "09STATE39345") // the cable; audit: alice cable.read 09STATE39345
 */
export async function readCableAudited(
  deps: Deps,
  actor: Actor,
  reader: Reader,
  id: string,
  detail: Record<string, unknown> = {},
): Promise<ArchivedCable | null> {
  const archived = await readCable(deps.store, reader, id);
  const classification = archived?.cable.classification ?? null;
  if (archived && classification !== "UNCLASSIFIED") {
    await recordAudit(deps, {
      actor,
      action: "cable.read",
      target: archived.cable.id ?? id,
      detail: { classification: classification ?? "UNKNOWN", ...detail },
    });
  }
  return archived;
}
