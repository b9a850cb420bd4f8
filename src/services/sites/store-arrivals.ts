// A copy arriving from another site is stored once, whatever resends, redeliveries or restarts bring it again:
// the arrival row and the archived cable and this node's own deliveries (its inbox, its NIACT and FLASH alerts
// through its own dispatcher) are written in one transaction, before the copy is acknowledged to JetStream.
import type { Store } from "../../store/open-store.ts";
import { takeNumbers } from "../../store/counters.ts";
import { writeCableRecords } from "../../store/cable-writes.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import type { Clock } from "../clock.ts";
import { enqueueDeliveries } from "../distribution/enqueue-deliveries.ts";
import type { CopyPayload } from "./queue-site-copies.ts";

/** What storing a batch did: the copies new here, and every copy's cable and origin (for the receipt). */
export type StoredArrivals = { stored: { cableId: string; origin: string; at: string }[]; fresh: number };

/**
 * Stores a batch of arriving copies in one transaction: each copy not already held gets its arrival row, its
 * cable archived (an id already archived is kept as it is) and its deliveries queued for the posts this node
 * serves. Answers every copy of the batch, held before or not, so the receipt covers resends too.
 * @example await storeArrivals({ store, clock }, [payload]) // { stored: [{ cableId: "08STATE16245", ... }], fresh: 1 }
 */
export async function storeArrivals(
  deps: { store: Store; clock: Clock },
  copies: CopyPayload[],
): Promise<StoredArrivals> {
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    let fresh = 0;
    const stored: StoredArrivals["stored"] = [];
    for (const copy of copies) {
      const cableId = copy.cable.id!;
      stored.push({ cableId, origin: copy.origin, at });
      const held = await tx.db
        .selectFrom("site_arrivals")
        .select("seq")
        .where("cable_id", "=", cableId)
        .where("origin", "=", copy.origin)
        .executeTakeFirst();
      if (held) continue;
      const arrival = await takeNumbers(tx.db, "site-arrivals");
      await tx.db
        .insertInto("site_arrivals")
        .values({
          cable_id: cableId,
          origin: copy.origin,
          seq: copy.seq,
          precedence: copy.precedence,
          stored_at: at,
          arrival,
          reported: "stored",
        })
        .execute();
      await writeCableRecords(tx, [cableRecordOf(copy.cable, null, `site:${copy.origin}`, at)]);
      await enqueueDeliveries(tx, { cable: copy.cable, actionRequests: copy.actionRequests }, deps.clock, "arrival");
      fresh++;
    }
    return { stored, fresh };
  });
}
