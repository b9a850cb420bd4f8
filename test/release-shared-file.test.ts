// SQLite shared by two processes (the server and a CLI): a release must wait for the other's write, never fail
// with SQLITE_BUSY because the other committed while it was reading. The other process is a child writing in a loop.
import { fork, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, releaseDraft } from "../src/services/workflow/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { draftOf } from "./helpers/draft-body.ts";
import { readSeed } from "./helpers/seeds.ts";
import { openWorkflowWorld, type WorkflowWorld } from "./helpers/workflow-world.ts";

// The other process: short write transactions on the same file for as long as it lives, as a dispatcher's beat does.
const WRITER = `
const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve("better-sqlite3"))});
const db = new Database(process.argv[2]);
db.pragma("busy_timeout = 5000");
const write = db.prepare("INSERT INTO instance_state (key, value) VALUES ('other-process', '0') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
process.send("ready");
for (;;) write.run();
`;

describe("sqlite: releasing while another process writes the same file", () => {
  let world: WorkflowWorld;
  let writer: ChildProcess;
  beforeAll(async () => {
    world = await openWorkflowWorld("sqlite");
    const file = world.store.sqlite!.name;
    const script = join(file, "..", "writer.cjs");
    writeFileSync(script, WRITER);
    writer = fork(script, [file], { stdio: "ignore" });
    await new Promise((resolve) => writer.once("message", resolve));
  });
  afterAll(async () => {
    writer?.kill("SIGKILL");
    await world?.close();
  });

  it("releases every draft, waiting for the other writer instead of failing with SQLITE_BUSY", async () => {
    const { dana, ada } = world.people;
    const fields = draftOf(parseTelegram(readSeed("08STATE16245")));
    const drafts: string[] = [];
    for (let i = 0; i < 20; i++) drafts.push((await createDraft(world.deps, dana, fields)).id);
    const outcomes: string[] = [];
    for (const draft of drafts) {
      outcomes.push(
        await releaseDraft(world.deps, ada, draft).then(
          (r) => r.id,
          (error: { code?: string; message: string }) => `failed: ${error.code ?? ""} ${error.message}`,
        ),
      );
    }
    expect(outcomes.filter((o) => o.startsWith("failed"))).toEqual([]);
  }, 120_000);
});
