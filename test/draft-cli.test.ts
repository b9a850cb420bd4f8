// `cablegram draft edit --revision N`: a script that read revision N never saves over a later one; `draft submit`
// puts a draft in the approvers' queue. Both dialects.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD } from "./helpers/factories.ts";
import { main } from "../src/cli/main.ts";
import { systemClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { openStore, storeConfigFromEnv } from "../src/store/open-store.ts";
import { cliEnv } from "./helpers/cli-env.ts";
import { buildDraft } from "./helpers/factories.ts";
import { DIALECTS, memoryIo } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const DRAFT = buildDraft({ subject: "FRANCE: CLI TEXT" });

/** A memory io that reads the files a command names, as the real one does. */
const fileIo = (env: Record<string, string>) => ({
  ...memoryIo(env),
  readText: async (file: string) => readFileSync(file, "utf8"),
});

describe.each(DIALECTS)("draft edit on %s", (dialect) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let files: string;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnv(dialect, "draft_cli"));
    const store = await openStore(storeConfigFromEnv(env));
    await loadDefaultDirectory(store);
    await createUser({ store, clock: systemClock }, SYSTEM_ACTING, {
      username: "dana",
      roles: ["reader", "drafter"],
      clearance: "SECRET",
      post: "STATE",
      password: PASSWORD,
    });
    await createUser({ store, clock: systemClock }, SYSTEM_ACTING, {
      username: "ada",
      roles: ["reader", "approver"],
      clearance: "SECRET",
      post: "STATE",
      password: PASSWORD,
    });
    await store.close();
    files = mkdtempSync(join(tmpdir(), "draft-cli-files-"));
    writeFileSync(join(files, "draft.json"), JSON.stringify(DRAFT));
    writeFileSync(join(files, "subject.json"), JSON.stringify({ subject: "FRANCE: EDITED" }));
  });
  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await cleanup?.();
  });

  it("applies an edit made to the current revision and refuses one made to a revision saved over since", async () => {
    const made = fileIo(env);
    expect(await main(["draft", "create", join(files, "draft.json"), "--as", "dana"], made), made.err.join("\n")).toBe(
      0,
    );
    const id = made.out[0]!;
    const edit = (revision: string) => {
      const io = fileIo(env);
      const args = ["draft", "edit", id, join(files, "subject.json"), "--as", "dana", "--revision", revision];
      return main(args, io).then((code) => ({ code, err: io.err.join("\n") }));
    };
    expect((await edit("1")).code).toBe(0);
    const stale = await edit("1");
    expect(stale.code).not.toBe(0);
    expect(stale.err).toMatch(/saved by someone else since revision 1 .*reload it/);
    const bad = await edit("first");
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("give a revision number (1, 2, ...), not first");
    const shown = memoryIo(env);
    await main(["draft", "show", id, "--as", "dana"], shown);
    expect(shown.out[0]).toContain("revision 2");
  });

  it("submits a draft for approval, after which it is in the approver's queue with its drafter", async () => {
    const made = fileIo(env);
    await main(["draft", "create", join(files, "draft.json"), "--as", "dana"], made);
    const id = made.out[0]!;
    const queue = async () => {
      const io = memoryIo(env);
      await main(["draft", "queue", "--as", "ada"], io);
      return io.out.join("\n");
    };
    expect(await queue()).not.toContain(id);
    const submitted = memoryIo(env);
    expect(await main(["draft", "submit", id, "--as", "dana"], submitted), submitted.err.join("\n")).toBe(0);
    expect(submitted.out[0]).toMatch(new RegExp(`^submitted ${id} for approval at \\d{4}-`));
    expect(await queue()).toMatch(new RegExp(`^release ${id} dana submitted \\d{4}-.* cleared FRANCE: CLI TEXT$`, "m"));
  });
});
