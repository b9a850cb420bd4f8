// Runs a command's work against the store the environment names, turning service errors into one-line messages.
import { repairSearchIndex } from "../services/archive/index.ts";
import { scheduleArchivedCables } from "../services/declass/index.ts";
import { isCablegramError } from "../services/errors.ts";
import { storeSettingsFromEnv } from "../services/store-settings.ts";
import { openStore, type Store } from "../store/open-store.ts";
import type { ExitCode, Io } from "./io.ts";
import { workProgress } from "./work-progress.ts";

/**
 * Opens the store ($CABLEGRAM_DATA_DIR or DATABASE_URL, as the server uses, so the CLI works beside a running
 * server), runs `work`, closes the store. A service error prints `cablegram NAME: CODE: message` and gives exit 2.
 * @example await runWithStore(io, "user add", async (store) => { ...; return 0 })
 */
export async function runWithStore(io: Io, name: string, work: (store: Store) => Promise<ExitCode>): Promise<ExitCode> {
  let store: Store | null = null;
  try {
    store = await openStore(storeSettingsFromEnv(io.env));
    const repaired = await repairSearchIndex(store);
    if (repaired > 0) io.stderr(`cablegram: indexed ${repaired} archived cables the search index lacked`);
    // Cables archived before the declassification schedule existed (migration 0027) are scheduled once.
    const progress = workProgress(io, "cablegram: scheduling declassification reviews");
    const scheduled = await scheduleArchivedCables(store, progress.onProgress).finally(() => progress.stop());
    if (scheduled > 0) io.stderr(`cablegram: scheduled ${scheduled} archived cables for declassification review`);
    return await work(store);
  } catch (error) {
    if (!isCablegramError(error)) throw error;
    io.stderr(`cablegram ${name}: ${error.code}: ${error.message}`);
    const issues = error.details.issues;
    if (Array.isArray(issues))
      for (const i of issues as { path: string; message: string }[]) io.stderr(`  ${i.path}: ${i.message}`);
    return 2;
  } finally {
    await store?.close();
  }
}
