// `cablegram verify` as an operator runs it, on SQLite and PostgreSQL: the verdict in one line, the exit code, the
// key and head given on the command line, and the verdict as JSON.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { cliEnv } from "./helpers/cli-env.ts";
import { DIALECTS, memoryIo } from "./helpers/test-stores.ts";

const EXAMPLES = new URL("../examples/", import.meta.url).pathname;

/** Runs `cablegram ARGS` on the archive `env` names; answers the exit code and what it printed. */
async function cablegram(env: Record<string, string>, args: string[]) {
  // Files are read as the real process reads them: --public-key takes a file, or else the text itself.
  const io = { ...memoryIo(env), readText: (path: string) => readFile(path, "utf8") };
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: cablegram verify`, () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    let trustFile: string;
    beforeAll(async () => {
      ({ env, cleanup } = await cliEnv(dialect, "verify_cli"));
      expect((await cablegram(env, ["import", EXAMPLES])).code).toBe(0);
      trustFile = join(env.CABLEGRAM_DATA_DIR!, "keys", "chain-trust.json");
    });
    afterAll(() => cleanup());

    it("says in one line that an intact chain is signed by the key the trust file pins, and exits 0", async () => {
      const trust = JSON.parse(readFileSync(trustFile, "utf8")) as { fingerprint: string };
      expect(await cablegram(env, ["verify"])).toEqual({
        code: 0,
        out: [
          expect.stringMatching(/^chain intact: 2 cables in 1 links, head [0-9a-f]{64}, signed by the pinned key /),
        ],
        err: [],
      });
      expect((await cablegram(env, ["verify"])).out[0]).toContain(`${trust.fingerprint} (${trustFile})`);
    });

    it("vouches for the chain with the right key given by --public-key", async () => {
      const { publicKey } = JSON.parse(readFileSync(trustFile, "utf8")) as { publicKey: string };
      const { code, out } = await cablegram(env, ["verify", "--public-key", publicKey]);
      expect(code).toBe(0);
      expect(out).toEqual([expect.stringMatching(/^chain intact: .* \(--public-key\)$/)]);
    });

    it("reports a chain not signed by the key given by --public-key as altered, and exits 1", async () => {
      const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" }).toString("base64");
      const { code, out } = await cablegram(env, ["verify", "--public-key", other]);
      expect(code).toBe(1);
      expect(out[0]).toMatch(/^ALTERED: \d+ problems in a chain of 2 cables in 1 links/);
      expect(out).toContainEqual(
        expect.stringMatching(
          /^ {2}the chain is signed by key .*, not the pinned key .* \(--public-key\): it was re-signed/,
        ),
      );
    });

    it("names the links missing when the head given by --head has more links than the archive", async () => {
      const copy = join(env.CABLEGRAM_DATA_DIR!, "trust-copy.json");
      const trust = JSON.parse(readFileSync(trustFile, "utf8")) as { links: number };
      writeFileSync(copy, JSON.stringify({ ...trust, links: trust.links + 2 }));
      const { code, out } = await cablegram(env, ["verify", "--head", copy]);
      expect(code).toBe(1);
      expect(out).toEqual([
        expect.stringMatching(/^ALTERED: 1 problem in a chain of 2 cables in 1 links/),
        `  the chain ends at link 1, but ${copy} records 3 links: links 2 to 3 were deleted`,
      ]);
    });

    it("prints the verdict as one JSON object with --json", async () => {
      const { code, out } = await cablegram(env, ["verify", "--json"]);
      expect(code).toBe(0);
      expect(out).toHaveLength(1);
      expect(JSON.parse(out[0]!)).toMatchObject({
        ok: true,
        status: "intact",
        links: 1,
        cables: 2,
        pinnedBy: trustFile,
        problems: [],
        more: 0,
      });
    });
  });
}
