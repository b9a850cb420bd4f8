// `cablegram declass due` and `cablegram declass review --auto-release-unclassified-portions` through main(), on
// SQLite and PostgreSQL: the due list as text and JSON, as a user with their access and roles, the schedule filled
// for cables archived before it existed, and proposals that change nothing.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import type { DueList } from "../src/services/declass/index.ts";
import { cliEnv, withStoreOf } from "./helpers/cli-env.ts";
import { buildCable } from "./helpers/factories.ts";
import { SEEDS_DIR } from "./helpers/seeds.ts";
import { DIALECTS, memoryIo } from "./helpers/test-stores.ts";

/** Confidential, due 2018-03-01, every portion U or SBU: the one cable to propose. */
const openCable = buildCable({
  id: "08PARIS1",
  origin: "PARIS",
  dtg: "2008-03-01T10:00:00Z",
  classification: "CONFIDENTIAL",
  eo: { order: "12958", decl: "2018-03-01", text: "DECL: 03/01/2018" },
  subject: "FRANCE: OPEN WORDS",
  paragraphs: [
    { number: 1, marking: "U", text: "Open words." },
    { number: 2, marking: "SBU", text: "Sensitive words." },
  ],
});

describe.each(DIALECTS)("%s: cablegram declass", (dialect) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnv(dialect, "declass_cli"));
    const jsonl = join(env.CABLEGRAM_DATA_DIR!, "open.jsonl");
    writeFileSync(jsonl, `${JSON.stringify(openCable)}\n`);
    expect(await run(["import", SEEDS_DIR, jsonl])).toMatchObject({ code: 0 });
    for (const [name, roles] of [
      ["archie", "reader,archivist"],
      ["rita", "reader"],
    ]) {
      const add = ["user", "add", name!, "--clearance", "SECRET", "--roles", roles!, "--no-password"];
      expect(await run(add)).toMatchObject({ code: 0 });
    }
  });
  afterAll(() => cleanup());

  async function run(args: string[]) {
    const io = memoryIo(env);
    const code = await main(args, io);
    return { code, out: io.out.join("\n"), err: io.err.join("\n") };
  }

  it("prints the due list: totals, counts by classification and origin, and each cable with its reason", async () => {
    const { code, out, err } = await run(["declass", "due", "--before", "2026-12-07"]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const lines = out.split("\n");
    expect(lines[0]).toMatch(
      /^Due for declassification review before 2026-12-07 \(today \d{4}-\d\d-\d\d\): 2 cables, 2 overdue\.$/,
    );
    expect(lines[1]).toBe("By classification: CONFIDENTIAL 2");
    expect(lines[2]).toBe("By origin: PARIS 1, STATE 1");
    expect(out).toMatch(/^2018-03-01 {2}overdue {4}08PARIS1 {2}CONFIDENTIAL {2}FRANCE: OPEN WORDS$/m);
    expect(out).toMatch(/^2019-04-16 {2}overdue {4}09STATE39345 {2}CONFIDENTIAL {2}SUPPORTING KOSOVO/m);
    expect(out).toContain("  declassify on 2019-04-16, as the E.O. line says (DECL: 04/16/2019)");
  });

  it("answers JSON, narrowed to an origin, as an archivist", async () => {
    const { code, out } = await run(["declass", "due", "--origin", "STATE", "--json", "--as", "archie"]);
    expect(code).toBe(0);
    const list = JSON.parse(out) as DueList;
    expect(list.due).toBe(2);
    expect(list.cables.map((c) => [c.id, c.reviewOn, c.status])).toEqual([["09STATE39345", "2019-04-16", "overdue"]]);
  });

  it("refuses a user without a schedule role, and says why", async () => {
    const { code, err } = await run(["declass", "due", "--as", "rita"]);
    expect(code).toBe(2);
    expect(err).toBe(
      "cablegram declass due: FORBIDDEN: The declassification schedule needs one of the roles archivist, reviewer, or admin; ask an administrator.",
    );
    expect((await run(["declass", "due", "--before", "2019-13-01"])).err).toContain("INVALID_INPUT");
  });

  it("schedules, once, the cables of an archive made before the schedule existed", async () => {
    await withStoreOf(env, (store) => sql`DELETE FROM cable_declass`.execute(store.db));
    const first = await run(["declass", "due", "--json"]);
    expect(first.err).toBe("cablegram: scheduled 3 archived cables for declassification review");
    expect((JSON.parse(first.out) as DueList).due).toBe(2);
    expect((await run(["declass", "due", "--json"])).err).toBe("");
  });

  it("proposes release in full of the cable whose portions are all U or SBU, and applies nothing", async () => {
    const { code, out } = await run(["declass", "review", "--auto-release-unclassified-portions"]);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(
      /^Proposed, not applied: release in full of 1 of 2 cables due before \d{4}-\d\d-\d\d, every portion U or SBU\.$/,
    );
    expect(lines.slice(1)).toEqual([
      "PROPOSE release-in-full  08PARIS1  CONFIDENTIAL  FRANCE: OPEN WORDS",
      "  due since 2018-03-01; all 2 portions are unclassified (U, SBU)",
    ]);
    expect((JSON.parse((await run(["declass", "due", "--json"])).out) as DueList).due).toBe(2);
    const bare = await run(["declass", "review"]);
    expect(bare).toMatchObject({ code: 2, err: expect.stringContaining("--auto-release-unclassified-portions") });
  });
});
