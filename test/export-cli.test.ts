// `cablegram export QUERY` through main(): to a file named as asked (format from its extension) or to standard output,
// exactly the cables the same search finds for the --as user, a summary on stderr, nothing written past the limit or
// for a bad query, and an audit entry for each export.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { cliEnv, withStoreOf } from "./helpers/cli-env.ts";
import { readSeed, SEEDS_DIR } from "./helpers/seeds.ts";
import { DIALECTS, memoryIo } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: cablegram export", (dialect) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnv(dialect, "export_cli"));
    dir = mkdtempSync(join(tmpdir(), "cablegram-export-cli-"));
    expect(await run(["import", SEEDS_DIR])).toMatchObject({ code: 0 });
    const user = ["user", "add", "ursula", "--clearance", "UNCLASSIFIED", "--password", "long enough password"];
    expect(await run(user)).toMatchObject({ code: 0 });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  async function run(args: string[], extraEnv: Record<string, string> = {}) {
    const io = memoryIo({ ...env, ...extraEnv });
    const code = await main(args, io);
    return { code, out: io.out.join("\n"), err: io.err.join("\n"), bytes: Buffer.concat(io.bytes) };
  }

  it("writes a ZIP of telegrams to the file named, the format read from its extension, and says what it wrote", async () => {
    const file = join(dir, "kosovo.zip");
    const { code, err } = await run(["export", "kosovo", "-o", file]);
    expect(code).toBe(0);
    expect(err).toMatch(/^Exported 2 cables as ZIP of telegrams to .*kosovo\.zip \(\d+\.\d kB\) in \d+\.\d s\.$/);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(files)).toEqual(["09STATE39345.txt", "08STATE16245.txt"]);
    expect(strFromU8(files["08STATE16245.txt"]!)).toBe(readSeed("08STATE16245"));
    expect(readdirSync(dir).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("writes to standard output when it is no terminal, with the access of the --as user", async () => {
    const all = await run(["export", "kosovo", "--format", "jsonl"]);
    expect(all.code).toBe(0);
    const ids = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { cable: { id: string } }).cable.id);
    expect(ids(all.bytes.toString("utf8"))).toEqual(["09STATE39345", "08STATE16245"]);
    const low = await run(["export", "kosovo", "--format", "csv", "--as", "ursula"]);
    expect(low.code).toBe(0);
    const rows = low.bytes.toString("utf8").split("\r\n");
    expect(rows[0]).toBe("id,date,origin,classification,captions,precedence,subject,tags,references");
    expect(rows.slice(1, -1).map((row) => row.split(",")[0])).toEqual(["08STATE16245"]);
    expect(low.err).toMatch(/^Exported 1 cable as CSV of metadata to standard output/);
    const audit = await withStoreOf(env, (store) =>
      queryAudit(store, SYSTEM_ACTING, { action: "cable.export", user: "ursula" }),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        target: "kosovo",
        resultCount: 1,
        detail: { format: "csv", via: "cli", as: "ursula" },
      }),
    ]);
  });

  it("refuses an export past --max or CABLEGRAM_EXPORT_MAX and writes no file", async () => {
    const file = join(dir, "too-many.jsonl");
    const refused = await run(["export", "", "-o", file, "--max", "1"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^cablegram export: EXPORT_TOO_LARGE: More than 1 cables match .*narrow the query/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const byEnv = await run(["export", "", "-o", file], { CABLEGRAM_EXPORT_MAX: "1" });
    expect(byEnv.code).toBe(2);
    expect(byEnv.err).toContain("EXPORT_TOO_LARGE");
    const badEnv = await run(["export", "", "-o", file], { CABLEGRAM_EXPORT_MAX: "lots" });
    expect(badEnv.err).toMatch(/^cablegram export: CABLEGRAM_EXPORT_MAX is "lots" in the environment/);
  });

  it("points at a query it cannot read and names a format it does not know", async () => {
    const bad = await run(["export", 'kosovo "open', "-o", join(dir, "bad.zip")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("cablegram export: BAD_QUERY:");
    expect(bad.err).toContain("^");
    const format = await run(["export", "kosovo", "--format", "xlsx"]);
    expect(format).toMatchObject({
      code: 2,
      err: 'cablegram export: --format must be one of jsonl, csv, zip, not "xlsx"',
    });
    const nobody = await run(["export", "kosovo", "--as", "nobody"]);
    expect(nobody.err).toContain('no user named "nobody"');
  });
});
