// The campaign and bloc commands on both dialects: the acceptance figures from the terminal, recording a
// position from a seed cable, and errors that say how to fix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { cliEnv } from "./helpers/cli-env.ts";
import { SEEDS_DIR } from "./helpers/seeds.ts";
import { DIALECTS, memoryIo } from "./helpers/test-stores.ts";

type Tally = { members: string[]; counts: { position: string; count: number }[] };

describe.each(DIALECTS)("%s: campaign CLI", (dialect) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnv(dialect, "campaign_cli"));
    expect(await main(["import", SEEDS_DIR], memoryIo(env))).toBe(0);
  });
  afterAll(async () => cleanup?.());

  async function run(...argv: string[]) {
    const io = memoryIo(env);
    const code = await main(argv, io);
    return { code, out: io.out.join("\n"), err: io.err.join("\n") };
  }
  async function tally(...argv: string[]): Promise<[number, number]> {
    const { code, out, err } = await run(
      "campaign",
      "tally",
      "kosovo-recognition",
      "--as-of",
      "2009-04-07",
      "--json",
      ...argv,
    );
    expect(code, err).toBe(0);
    const t = JSON.parse(out) as Tally;
    return [t.counts.find((c) => c.position === "recognizes")!.count, t.members.length];
  }

  it("lists the preloaded campaign", async () => {
    const { code, out } = await run("campaign", "list");
    expect(code).toBe(0);
    expect(out).toContain("kosovo-recognition  Kosovo recognition");
  });

  it("tallies 57 in the world, 22 of 27 EU, 24 of 28 NATO, 7 of 7 G-7 as of 2009-04-07", async () => {
    expect((await tally())[0]).toBe(57);
    expect(await tally("--bloc", "EU")).toEqual([22, 27]);
    expect(await tally("--bloc", "NATO")).toEqual([24, 28]);
    expect(await tally("--bloc", "G7")).toEqual([7, 7]);
    const text = await run("campaign", "tally", "kosovo-recognition", "--bloc", "EU", "--as-of", "2009-04-07");
    expect(text.out).toContain(" 22 of 27 recognize:");
  });

  it("lists bloc members on a day: NATO 26 then 28, the UK out of the EU on 2020-01-31", async () => {
    const members = async (code: string, asOf: string) => {
      const { out } = await run("bloc", "members", code, "--as-of", asOf, "--json");
      return (JSON.parse(out) as { members: { iso2: string }[] }).members.map((m) => m.iso2);
    };
    expect(await members("NATO", "2009-03-31")).toHaveLength(26);
    expect(await members("NATO", "2009-04-01")).toHaveLength(28);
    expect(await members("EU", "2020-01-30")).toContain("GB");
    expect(await members("EU", "2020-01-31")).not.toContain("GB");
    const unknown = await run("bloc", "members", "NAFTA");
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining("BLOC_NOT_FOUND")]);
    expect((await run("bloc", "list")).out).toMatch(/^NATO\s+\d+\s+North Atlantic/m);
  });

  it("records a position from a seed cable, and names a country it cannot read", async () => {
    const add = (country: string) =>
      run(
        "campaign",
        "position",
        "add",
        "kosovo-recognition",
        "--question",
        "kosovo-recognition",
        "--country",
        country,
        "--position",
        "does_not_recognize",
        "--effective",
        "2009-04-07",
        "--source",
        "09STATE39345",
      );
    const ok = await add("tag:SR");
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/recorded .*: Serbia does_not_recognize from 2009-04-07 \(CONFIDENTIAL\)/);
    const bad = await add("Narnia");
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining("COUNTRY_UNKNOWN")]);
  });
});
