// The parse, render and validate commands, driven through main() with an in-memory Io on the seed cables, and
// once through the real bin/cablegram.js to prove the installed command works and fails cleanly.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import type { Io } from "../src/cli/io.ts";
import { CableSchema, type Cable } from "../src/core/index.ts";
import { parseTelegram, renderTelegram } from "../src/telegram/index.ts";
import { readSeed, seedPath } from "./helpers/seeds.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEED_08 = seedPath("08STATE16245");
const SEED_09 = seedPath("09STATE39345");

type MemoryIo = Io & { out: string[]; err: string[]; pulled: number };

/**
 * An Io over real files, with stdin given as lines; records what the command writes and how many stdin lines it
 * has pulled so far (to prove --batch streams).
 * @example const io = memoryIo(["{\"text\": \"...\"}"]); await main(["parse", "--batch"], io); io.out.length // 1
 */
function memoryIo(stdin: readonly string[] = []): MemoryIo {
  const io: MemoryIo = {
    out: [],
    err: [],
    pulled: 0,
    stdout: (t) => void io.out.push(t),
    stderr: (t) => void io.err.push(t),
    readText: async (path) => (path === "-" ? stdin.join("\n") : readFileSync(path, "utf8")),
    stdinLines: async function* () {
      for (const line of stdin) {
        io.pulled++;
        yield line;
      }
    },
    env: {},
    interactive: false,
  };
  return io;
}

async function run(args: string[], stdin: readonly string[] = []) {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  return { code, out: io.out.join("\n"), err: io.err.join("\n"), io };
}

function expectOneCleanErrorLine(err: string, ...fragments: string[]) {
  const lines = err.trim().split("\n");
  expect(lines, err).toHaveLength(1);
  for (const f of fragments) expect(lines[0]).toContain(f);
  expect(err).not.toMatch(/^\s+at /m);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "cablegram-cli-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe("cablegram parse", () => {
  it("prints the Cable JSON exactly as parseTelegram returns it with --json", async () => {
    const { code, out } = await run(["parse", SEED_08, "--json"]);
    expect(code).toBe(0);
    expect(out).toBe(JSON.stringify(parseTelegram(readSeed("08STATE16245")), null, 2));
    expect(CableSchema.parse(JSON.parse(out)).id).toBe("08STATE16245");
  });

  it("prints a readable summary without --json", async () => {
    const { code, out } = await run(["parse", SEED_08]);
    expect(code).toBe(0);
    expect(out).toMatch(/^id +08STATE16245$/m);
    expect(out).toMatch(/^to +AMEMBASSY OUAGADOUGOU {2}NIACT IMMEDIATE 6893/m);
    expect(out).toMatch(/^classification +UNCLASSIFIED \/\/ .*SENSITIVE/m);
    expect(out).toMatch(/^tags +UNSC {2}organization: UN Security Council$/m);
    expect(out).toMatch(/^ +YI {2}country: Yugoslavia/m);
    expect(out).toMatch(/^references +07STATE166909$/m);
  });

  it("reads stdin for - and takes the id and year from the options", async () => {
    const text = "UNCLAS\n\nSUBJECT: TEST\n\n1. (U) Hello.\n";
    const { code, out } = await run(["parse", "-", "--json", "--id", "05madrid00171", "--year", "2005"], [text]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(parseTelegram(text, { id: "05MADRID171", year: 2005 }));
  });

  it("refuses a bad --year or --id with one line naming the option, exit 2", async () => {
    const year = await run(["parse", SEED_08, "--year", "08"]);
    expect(year.code).toBe(2);
    expectOneCleanErrorLine(year.err, "cablegram parse: --year", "OPTION_INVALID");
    const id = await run(["parse", SEED_08, "--id", "STATE-16245"]);
    expect(id.code).toBe(2);
    expectOneCleanErrorLine(id.err, "--id", "not a cable id");
  });

  it("names a missing file in one line, exit 2", async () => {
    const { code, err, out } = await run(["parse", "no/such/cable.txt"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expectOneCleanErrorLine(err, "cablegram parse: no/such/cable.txt: no such file", "INPUT_NOT_FOUND");
  });

  it("asks for a file when given none", async () => {
    const { code, err } = await run(["parse"]);
    expect(code).toBe(2);
    expectOneCleanErrorLine(err, "missing FILE");
  });

  it("shows examples in --help", async () => {
    const { code, out } = await run(["parse", "--help"]);
    expect(code).toBe(0);
    expect(out).toContain("Examples:");
    expect(out).toContain("--batch");
  });
});

describe("cablegram parse --batch", () => {
  it("writes one compact Cable JSON per line, in order", async () => {
    const lines = [
      JSON.stringify({ text: readSeed("08STATE16245") }),
      JSON.stringify({ text: readSeed("09STATE39345"), id: "09STATE39345", year: 2009 }),
    ];
    const { code, io } = await run(["parse", "--batch"], lines);
    expect(code).toBe(0);
    expect(io.out).toHaveLength(2);
    expect(io.out[0]).toBe(JSON.stringify(parseTelegram(readSeed("08STATE16245"))));
    expect((JSON.parse(io.out[1]!) as Cable).id).toBe("09STATE39345");
    expect(io.out[1]).not.toContain("\n");
  });

  it("answers a bad line with an error naming the line, goes on, and exits 2", async () => {
    const lines = [
      JSON.stringify({ text: readSeed("08STATE16245") }),
      "{not json",
      JSON.stringify({ txt: "UNCLAS" }),
      JSON.stringify({ text: "UNCLAS", year: "08" }),
      JSON.stringify({ text: readSeed("09STATE39345") }),
    ];
    const { code, io } = await run(["parse", "--batch"], lines);
    expect(code).toBe(2);
    expect(io.out).toHaveLength(5);
    const results = io.out.map((l) => JSON.parse(l) as { id?: string; error?: { line: number; message: string } });
    expect(results[0]!.id).toBe("08STATE16245");
    expect(results[1]!.error).toMatchObject({ line: 2, message: expect.stringContaining("JSON") });
    expect(results[2]!.error).toMatchObject({ line: 3, message: expect.stringContaining("text") });
    expect(results[3]!.error).toMatchObject({ line: 4, message: expect.stringContaining("year") });
    expect(results[4]!.id).toBe("09STATE39345");
    expectOneCleanErrorLine(io.err.join("\n"), "3 of 5 lines");
  });

  it("streams: each result is written before the next line is read", async () => {
    const io = memoryIo(Array.from({ length: 5 }, () => JSON.stringify({ text: readSeed("08STATE16245") })));
    const pulledAtWrite: number[] = [];
    const write = io.stdout;
    io.stdout = (t) => {
      pulledAtWrite.push(io.pulled);
      write(t);
    };
    expect(await main(["parse", "--batch"], io)).toBe(0);
    expect(pulledAtWrite).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a FILE beside --batch", async () => {
    const { code, err } = await run(["parse", SEED_08, "--batch"]);
    expect(code).toBe(2);
    expectOneCleanErrorLine(err, "--batch", "USAGE");
  });
});

describe("cablegram render", () => {
  it("renders Cable JSON as the telegram renderTelegram writes", async () => {
    const cable = parseTelegram(readSeed("09STATE39345"));
    const file = tmpFile("09STATE39345.json", JSON.stringify(cable, null, 2));
    const { code, out } = await run(["render", file]);
    expect(code).toBe(0);
    expect(out).toBe(renderTelegram(cable));
  });

  it("names the file and line of a JSON syntax error, exit 2", async () => {
    const file = tmpFile("broken.json", '{\n  "id": "08STATE16245",\n  "dtg": \n}\n');
    const { code, err, out } = await run(["render", file]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expectOneCleanErrorLine(err, `${file}:4: invalid JSON`, "INPUT_INVALID_JSON");
  });

  it("names the file and the JSON path of a field the model refuses, exit 2", async () => {
    const cable = parseTelegram(readSeed("08STATE16245"));
    const file = tmpFile("bad-precedence.json", JSON.stringify({ ...cable, precedence: "URGENT" }));
    const { code, err } = await run(["render", file]);
    expect(code).toBe(2);
    expectOneCleanErrorLine(err, `cablegram render: ${file}: precedence: `, "INPUT_INVALID_CABLE");
  });

  it("shows examples in --help", async () => {
    const { code, out } = await run(["render", "--help"]);
    expect(code).toBe(0);
    expect(out).toContain("Examples:");
  });
});

describe("cablegram validate", () => {
  it("passes 09STATE39345 with exit 0, printing its parse warnings as FILE:LINE findings", async () => {
    const { code, out, err } = await run(["validate", SEED_09]);
    expect(code).toBe(0);
    for (const line of out.split("\n").filter((l) => l !== "")) {
      expect(line).toMatch(new RegExp(`^${SEED_09}:(\\d+|[a-zA-Z.\\[\\]0-9]+): warning [a-z_]+: .+ \\(.+\\)$`));
    }
    expect(err).toMatch(/0 errors/);
  });

  it("prints an error at the line of a portion mark above the classification, exit 1", async () => {
    const text = readSeed("09STATE39345").replace("13. (C) Delegations", "13. (S) Delegations");
    const line = text.split("\n").findIndex((l) => l.startsWith("13. (S)")) + 1;
    const file = tmpFile("secret-portion.txt", text);
    const { code, out } = await run(["validate", file]);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:${line}: error portion_above_overall: paragraph 3: portion mark (S) is SECRET`);
  });

  it("reads JSON by its content and locates findings by JSON path, exit 1 on errors", async () => {
    const cable = parseTelegram(readSeed("09STATE39345"));
    const file = tmpFile("unsigned.data", JSON.stringify({ ...cable, classifiedBy: null }));
    const { code, out } = await run(["validate", file]);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:classifiedBy: error missing_classified_by: a CONFIDENTIAL cable must say who`);
  });

  it("reports an unknown precedence in JSON input as invalid_field at its path", async () => {
    const cable = parseTelegram(readSeed("08STATE16245"));
    const to = cable.to.map((a, i) => (i === 1 ? { ...a, precedence: "FAST" } : a));
    const file = tmpFile("fast.json", JSON.stringify({ ...cable, to }));
    const { code, out } = await run(["validate", file]);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:to[1].precedence: error invalid_field:`);
  });

  it("gives exit 2 and one line for a missing file or broken JSON", async () => {
    const missing = await run(["validate", join(tmp, "absent.txt")]);
    expect(missing.code).toBe(2);
    expectOneCleanErrorLine(missing.err, "absent.txt: no such file");
    const broken = await run(["validate", tmpFile("broken2.json", "{ ")]);
    expect(broken.code).toBe(2);
    expectOneCleanErrorLine(broken.err, "broken2.json:1: invalid JSON");
  });

  it("shows examples in --help", async () => {
    const { code, out } = await run(["validate", "--help"]);
    expect(code).toBe(0);
    expect(out).toContain("Examples:");
  });
});

describe("bin/cablegram.js as a real process", () => {
  const bin = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "bin", "cablegram.js"), ...args], { cwd: ROOT, encoding: "utf8" });

  it("parses a seed to JSON with exit 0", () => {
    const result = bin("parse", "examples/08STATE16245.txt", "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Cable).id).toBe("08STATE16245");
  });

  it("fails on bad input with exit 2 and one line, no stack trace", () => {
    const missing = bin("parse", "examples/NOPE.txt");
    expect(missing.status).toBe(2);
    expectOneCleanErrorLine(missing.stderr, "examples/NOPE.txt: no such file");
    const broken = bin("render", tmpFile("bin-broken.json", "[1,"));
    expect(broken.status).toBe(2);
    expectOneCleanErrorLine(broken.stderr, "bin-broken.json:1: invalid JSON");
  });

  it("stops quietly when the reader of its output goes away (| head), with exit 0 and no stack trace", async () => {
    // The shell's `cablegram parse --batch < many | head -1`: the pipe closes after the first line.
    const child = spawn(process.execPath, [join(ROOT, "bin", "cablegram.js"), "parse", "--batch"], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const line = `${JSON.stringify({ text: readSeed("08STATE16245") })}\n`;
    child.stdin.on("error", () => undefined);
    for (let i = 0; i < 400 && child.stdin.writable; i++) child.stdin.write(line);
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(stderr).not.toMatch(/EPIPE|at .+:\d+:\d+/);
    expect(code).toBe(0);
  });
});
