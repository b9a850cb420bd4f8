// Archives cables in one transaction per batch, idempotent by canonical id.
import type { Cable } from "../../core/index.ts";
import type { CableRecord } from "../../store/cable-record.ts";
import { writeCableRecords } from "../../store/cable-writes.ts";
import { reportTasks, type CitingCable } from "../actions/report-tasks.ts";
import type { Store } from "../../store/open-store.ts";
import type { SearchIndexWriter } from "../../store/search-index-writer.ts";
import { chainArchived } from "../chain/chain-archived.ts";
import { storedCableHash } from "../chain/link-hash.ts";
import { CablegramError } from "../errors.ts";
import type { TelegramHints } from "./cable-from-telegram.ts";
import { cableRecordOf } from "./cable-record-of.ts";

/**
 * One cable to archive: the model, the original telegram text (verbatim) and where it came from, with `parsedWith`
 * when the model is what `cableFromTelegram(raw, parsedWith)` gave (then only those hints are stored, not the
 * model); or its record, `cableRecordOf(cable, raw, …)` made beforehand (by a parse worker, so the model need not
 * cross threads), with what the cable cites. Source and archive time are set here.
 */
export type ArchiveItem =
  | { cable: Cable; raw: string | null; source?: string; parsedWith?: TelegramHints }
  | { record: CableRecord; citing: CitingCable; source?: string };

/**
 * Archives a batch of cables in one transaction: the model, the raw text verbatim, and every column search and
 * the access rule need; then chains the cables it wrote in one batch link (a crash in between leaves them to
 * `chainUnchained`). An id already archived (or repeated in the batch) is skipped, never duplicated, so
 * importing the same files twice adds nothing. Give it batches of a few hundred for import speed.
 * Throws BAD_CABLE, writing nothing, when a cable has no id: the importer must reject those first. With `index`
 * (a bulk import on SQLite), the cables are indexed for search on that writer thread, a moment after they are stored.
 * @example await archiveCables(store, [{ cable, raw: text, source: "seeds" }]) // { inserted: 1, skipped: 0 }
 */
export async function archiveCables(
  store: Store,
  items: ArchiveItem[],
  options: { index?: SearchIndexWriter } = {},
): Promise<{ inserted: number; skipped: number }> {
  const archivedAt = new Date().toISOString();
  const records = items.map((item, index) => {
    const id = "record" in item ? item.record.id : item.cable.id;
    if (id === null || id.trim() === "") {
      throw new CablegramError("BAD_CABLE", `cable ${index} of the batch has no id; give it a canonical id first`, {
        index,
      });
    }
    const source = item.source ?? null;
    return "record" in item
      ? { ...item.record, source, archivedAt }
      : cableRecordOf(item.cable, item.raw, source, archivedAt, item.raw === null ? undefined : item.parsedWith);
  });
  const { written, ...outcome } = await writeCableRecords(store, records, options);
  await chainArchived(
    store,
    written.map((r) => ({ cableId: r.id, hash: storedCableHash(r) })),
  );
  // A reply from a tasked post reports its task, whether it was imported or released.
  await reportTasks(
    store.db,
    items.map((item) => ("record" in item ? item.citing : item.cable)),
    archivedAt,
  );
  return outcome;
}
