// A server's SQLite WAL is copied into the database files by a thread of its own, never by a request.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { archiveCables } from "../src/services/archive/index.ts";
import { checkpointInBackground } from "../src/store/background-checkpoints.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { seed } from "./helpers/archive-fixtures.ts";

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "cablegram-checkpoints-"));
  store = await openStore({ dialect: "sqlite", file: join(dir, "cablegram.db") });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const size = (file: string) => statSync(join(dir, file)).size;
const autocheckpoint = () => store.sqlite!.pragma("wal_autocheckpoint", { simple: true });

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  for (const deadline = Date.now() + ms; !condition();) {
    if (Date.now() > deadline) throw new Error(`not so after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("sqlite: checkpoints in the background", () => {
  it("copies what requests write into the archive and index files, while the connection never checkpoints", async () => {
    const checkpoints = checkpointInBackground(store, 50)!;
    try {
      expect(autocheckpoint()).toBe(0);
      const archive = size("cablegram.db");
      const index = size("cablegram-search.db");
      await archiveCables(store, [seed("08STATE16245"), seed("09STATE39345")]);
      await until(() => size("cablegram.db") > archive && size("cablegram-search.db") > index);
    } finally {
      await checkpoints.stop();
    }
    // Stopped, the connection checkpoints for itself again.
    expect(autocheckpoint()).toBe(1000);
  });

  it("is not started for an archive in memory, which has no files", async () => {
    const memory = await openStore({ dialect: "sqlite", file: ":memory:" });
    try {
      expect(checkpointInBackground(memory)).toBeNull();
    } finally {
      await memory.close();
    }
  });
});
