// `cablegram serve` for real: a child process on a free port with a temporary data folder and a tiny import folder
// (the two seeds). Signs in over HTTP, searches, stops on SIGTERM; starts again without importing again.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { SEED_IDS, seedPath } from "./helpers/seeds.ts";
import { memoryIo } from "./helpers/test-stores.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PASSWORD = "serve test passphrase";

type Running = { child: ChildProcess; logs: Record<string, unknown>[]; url: string; exited: Promise<number | null> };

/** Starts `node bin/cablegram.js serve` and waits for its "listening" log line (JSON, since stdout is a pipe). */
async function startServe(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ["bin/cablegram.js", "serve"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => reject(new Error(`serve did not listen within 60 s; stderr: ${stderr}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const record = JSON.parse(line) as Record<string, unknown>;
        logs.push(record);
        if (record.msg === "Cablegram is listening") {
          clearTimeout(timer);
          resolve(String(record.url));
        }
      }
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening; stderr: ${stderr}`)));
  });
  return { child, logs, url, exited };
}

async function stop(running: Running): Promise<number | null> {
  running.child.kill("SIGTERM");
  return running.exited;
}

async function signInAndSearch(url: string): Promise<{ total: number; ids: string[] }> {
  const signIn = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
  expect(cookie).toMatch(/^cablegram_session=/);
  const search = await fetch(`${url}/api/search?q=kosovo`, { headers: { cookie } });
  expect(search.status).toBe(200);
  const body = (await search.json()) as { total: number; results: { id: string }[] };
  return { total: body.total, ids: body.results.map((r) => r.id).sort() };
}

describe("cablegram serve", () => {
  let work: string;
  let env: Record<string, string>;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "cg-serve-"));
    const seeds = join(work, "import");
    mkdirSync(seeds);
    for (const id of SEED_IDS) copyFileSync(seedPath(id), join(seeds, `${id}.txt`));
    env = { CABLEGRAM_DATA_DIR: join(work, "data"), CABLEGRAM_IMPORT: seeds, CABLEGRAM_ADMIN_PASSWORD: PASSWORD };
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("sets up on first start, serves sign-in and search over HTTP, and stops cleanly on SIGTERM", async () => {
    const running = await startServe(env);
    try {
      const firstStart = running.logs.find((l) => l.msg === "first start done");
      expect(firstStart).toMatchObject({ imported: 2 });
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await signInAndSearch(running.url)).toEqual({ total: 2, ids: ["08STATE16245", "09STATE39345"] });
      // The CLI works on the same database while the server runs: a user added now can sign in at once.
      const io = memoryIo({ CABLEGRAM_DATA_DIR: env.CABLEGRAM_DATA_DIR! }, ["bob's long passphrase"]);
      expect(await main(["user", "add", "bob", "--clearance", "CONFIDENTIAL"], io)).toBe(0);
      const bob = await fetch(`${running.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "bob", password: "bob's long passphrase" }),
      });
      expect(bob.status).toBe(200);
      const anonymous = await fetch(`${running.url}/api/search?q=kosovo`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    } finally {
      expect(await stop(running)).toBe(0);
    }
    expect(running.logs.map((l) => l.msg)).toContain("stopped");
  });

  it("starts again on the same data without a first start or an import", async () => {
    const running = await startServe(env);
    try {
      const messages = running.logs.map((l) => String(l.msg));
      expect(messages.some((m) => /first start|import|admin account/.test(m))).toBe(false);
      expect(await signInAndSearch(running.url)).toEqual({ total: 2, ids: ["08STATE16245", "09STATE39345"] });
    } finally {
      expect(await stop(running)).toBe(0);
    }
  });
});
