// How the importer reads its inputs, before any database: lines, files, folders, corpus indexes and id hints.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cableRecordOf } from "../src/services/archive/cable-record-of.ts";
import { jsonInput } from "../src/services/import/cable-from-json.ts";
import { cableFromTelegram } from "../src/services/archive/cable-from-telegram.ts";
import { indexClassification } from "../src/services/archive/published-classification.ts";
import { countInputs } from "../src/services/import/count-inputs.ts";
import { ParsePool } from "../src/services/import/parse-pool.ts";
import { readLines, countLines } from "../src/services/import/read-lines.ts";
import { readTextFile } from "../src/services/import/read-text-file.ts";
import { walkPaths, type ImportSource } from "../src/services/import/walk-paths.ts";
import { readSeed } from "./helpers/seeds.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cablegram-import-reading-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("reading JSON Lines", () => {
  it("yields numbered lines without CRLF endings or a byte-order mark, and a last line without newline", async () => {
    const path = join(dir, "crlf.jsonl");
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n\r\n{"b":2}')]));
    expect(await collect(readLines(path))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: "" },
      { line: 3, text: '{"b":2}' },
    ]);
    expect(await countLines(path)).toBe(3);
  });

  it("reports a line that is not UTF-8 or too long, and goes on with the next", async () => {
    const path = join(dir, "mixed.jsonl");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from("x".repeat(100) + "\nok\n")]));
    expect(await collect(readLines(path, 50))).toEqual([
      { line: 1, problem: "NOT_UTF8" },
      { line: 2, problem: "TOO_LARGE" },
      { line: 3, text: "ok" },
    ]);
  });
});

describe("reading a telegram file", () => {
  it.each([
    ["empty", Buffer.alloc(0), "EMPTY"],
    ["blank", Buffer.from(" \n\n\t\n"), "EMPTY"],
    ["binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), "BINARY"],
    ["latin1", Buffer.from("Caf\xe9 au lait", "latin1"), "NOT_UTF8"],
  ])("refuses a %s file with its reason", async (name, bytes, code) => {
    const path = join(dir, `${name}.txt`);
    writeFileSync(path, bytes);
    expect(await readTextFile(path)).toMatchObject({ code });
  });

  it("refuses a file larger than the limit without reading it", async () => {
    const path = join(dir, "large.txt");
    writeFileSync(path, "A".repeat(1000));
    expect(await readTextFile(path, 999)).toEqual({ code: "TOO_LARGE", detail: "1000 bytes" });
    expect(await readTextFile(path, 1000)).toEqual({ text: "A".repeat(1000) });
  });
});

describe("walking folders", () => {
  it("takes .txt and .jsonl files recursively, ignores other and hidden files, and reports symbolic links", async () => {
    const root = join(dir, "walk");
    mkdirSync(join(root, "a", "b"), { recursive: true });
    writeFileSync(join(root, "one.txt"), "x");
    writeFileSync(join(root, "README.md"), "x");
    writeFileSync(join(root, ".hidden.txt"), "x");
    writeFileSync(join(root, "a", "lines.jsonl"), "{}\n{}\n");
    writeFileSync(join(root, "a", "b", "two.TXT"), "x");
    symlinkSync("..", join(root, "a", "b", "up"));
    symlinkSync("nowhere", join(root, "dangling.txt"));
    const sources = await collect(walkPaths([root]));
    const summary = sources.map(describeSource).sort();
    expect(summary).toEqual(
      [
        `jsonl ${join(root, "a", "lines.jsonl")}`,
        `problem SYMLINK ${join(root, "dangling.txt")}`,
        `problem SYMLINK ${join(root, "a", "b", "up")}`,
        `telegram ${join(root, "a", "b", "two.TXT")}`,
        `telegram ${join(root, "one.txt")}`,
      ].sort(),
    );
    // Two telegrams, two JSON lines, two problems.
    expect(await countInputs([root])).toBe(6);
  });

  it("never follows a symbolic link met inside a folder, to a file or a folder outside it, but follows one named", async () => {
    const outside = join(dir, "outside");
    mkdirSync(join(outside, "folder"), { recursive: true });
    writeFileSync(join(outside, "secret.txt"), "not for the archive");
    writeFileSync(join(outside, "folder", "also-secret.txt"), "nor this");
    const root = join(dir, "links");
    mkdirSync(root);
    writeFileSync(join(root, "own.txt"), "x");
    symlinkSync(join(outside, "secret.txt"), join(root, "to-file.txt"));
    symlinkSync(join(outside, "folder"), join(root, "to-folder"));
    const sources = await collect(walkPaths([root]));
    expect(sources.map(describeSource).sort()).toEqual(
      [
        `problem SYMLINK ${join(root, "to-file.txt")}`,
        `problem SYMLINK ${join(root, "to-folder")}`,
        `telegram ${join(root, "own.txt")}`,
      ].sort(),
    );
    const problem = sources.find((s) => s.kind === "problem")!;
    expect(problem.kind === "problem" && problem.problem.reason).toMatch(/^a symbolic link, not followed/);
    const named = await collect(walkPaths([join(root, "to-file.txt"), join(root, "to-folder")]));
    expect(named.map(describeSource)).toEqual([
      `telegram ${join(root, "to-file.txt")}`,
      `telegram ${join(root, "to-folder", "also-secret.txt")}`,
    ]);
  });

  it("reads no file an index names outside its folder or through a symbolic link", async () => {
    const root = join(dir, "index-links");
    mkdirSync(root);
    writeFileSync(join(dir, "beside.txt"), "not for the archive");
    writeFileSync(join(root, "own.txt"), "x");
    symlinkSync(join(dir, "beside.txt"), join(root, "link.txt"));
    const index = [
      { id: "08STATE1", file: "own.txt" },
      { id: "08STATE2", file: "../beside.txt" },
      { id: "08STATE3", file: join(dir, "beside.txt") },
      { id: "08STATE4", file: "link.txt" },
    ];
    writeFileSync(join(root, "index.jsonl"), index.map((l) => `${JSON.stringify(l)}\n`).join(""));
    const sources = await collect(walkPaths([join(root, "index.jsonl")]));
    expect(sources.map(describeSource)).toEqual([
      `telegram ${join(root, "own.txt")}`,
      `problem OUTSIDE_INDEX_FOLDER ${join(dir, "beside.txt")}`,
      `problem OUTSIDE_INDEX_FOLDER ${join(root, dir, "beside.txt")}`,
      `problem SYMLINK ${join(root, "link.txt")}`,
    ]);
  });

  it("hands each file of a corpus folder its index entry and reports the files the index lists but lacks", async () => {
    const root = join(dir, "corpus");
    mkdirSync(root);
    writeFileSync(join(root, "x.txt"), "text");
    writeFileSync(
      join(root, "index.jsonl"),
      [
        '{"id": "08STATE16245", "file": "x.txt", "created": "2008-02-16T23:11Z"}',
        '{"id": "09STATE1", "file": "gone.txt"}',
      ]
        .map((l) => `${l}\n`)
        .join(""),
    );
    const sources = await collect(walkPaths([root]));
    expect(sources).toHaveLength(2);
    expect(sources).toContainEqual({
      kind: "telegram",
      path: join(root, "x.txt"),
      index: expect.objectContaining({ id: "08STATE16245", created: "2008-02-16T23:11Z" }),
    });
    expect(sources).toContainEqual({
      kind: "problem",
      problem: expect.objectContaining({ code: "MISSING_FILE", path: join(root, "gone.txt") }),
    });
    // Naming the index itself imports exactly the files it lists.
    const listed = await collect(walkPaths([join(root, "index.jsonl")]));
    expect(listed.map(describeSource)).toEqual([
      `telegram ${join(root, "x.txt")}`,
      `problem MISSING_FILE ${join(root, "gone.txt")}`,
    ]);
  });
});

describe("reading the index's classification", () => {
  it("maps the publisher's controls to our caveats", () => {
    expect(indexClassification("CONFIDENTIAL//NOFORN")).toEqual({ level: "CONFIDENTIAL", caveats: ["NOFORN"] });
    expect(indexClassification("UNCLASSIFIED//FOR OFFICIAL USE ONLY")).toEqual({
      level: "UNCLASSIFIED",
      caveats: ["SENSITIVE"],
    });
    expect(indexClassification("SECRET")).toEqual({ level: "SECRET", caveats: [] });
    expect(indexClassification("RESTRICTED")).toBeNull();
  });
});

describe("building cables from text and JSON", () => {
  it("refuses a text with no recoverable id, and accepts it once an id is given", () => {
    const text = "Lunch is at noon. Nobody numbered this message.";
    expect(cableFromTelegram(text)).toEqual({ code: "NO_CABLE_ID" });
    const built = cableFromTelegram(text, { id: "08STATE99" as never, from: "index.jsonl" });
    expect(built).toMatchObject({ cable: { id: "08STATE99", origin: "STATE", serial: 99 }, warnings: [] });
  });

  it("refuses a JSON line whose id is not canonical, or that is neither a cable nor a text", () => {
    expect(jsonInput({ text: "x", id: "not an id" })).toEqual({
      kind: "cable",
      built: { code: "BAD_ID", detail: "not an id" },
    });
    expect(jsonInput({ id: 3 })).toMatchObject({
      kind: "cable",
      built: { code: "INVALID_CABLE", detail: expect.stringMatching(/^id: /) },
    });
    expect(jsonInput({ text: "x", id: "08state016245", year: 2008 })).toMatchObject({
      kind: "telegram",
      hints: { id: "08STATE16245", year: 2008 },
    });
  });
});

describe("building cables from the seeds", () => {
  it("lets the hinted id win over the parsed one, with a warning and a note in the model", () => {
    const built = cableFromTelegram(readSeed("08STATE16245"), { id: "08STATE99" as never, from: "index.jsonl" });
    if ("code" in built) throw new Error(`expected a cable, got ${built.code}`);
    expect(built.cable.id).toBe("08STATE99");
    expect(built.warnings).toEqual(["id 08STATE99 from index.jsonl wins over the parsed id 08STATE16245"]);
    expect(built.cable.warnings.at(-1)).toMatchObject({ code: "import_override", line: 0 });
  });

  it("lets the published classification win over the parsed one, with a warning", () => {
    const built = cableFromTelegram(readSeed("08STATE16245"), {
      classification: "SECRET//NOFORN",
      from: "index.jsonl",
    });
    if ("code" in built) throw new Error(`expected a cable, got ${built.code}`);
    expect(built.cable.classification).toBe("SECRET");
    expect(built.cable.caveats).toContain("NOFORN");
    expect(built.cable.dtg).toBe("2008-02-16T23:19:00Z");
    expect(built.warnings).toEqual(["classification SECRET from index.jsonl wins over the parsed UNCLASSIFIED"]);
  });
});

describe("parsing on worker threads", () => {
  it("gives the same cables as parsing inline, whichever worker answers", async () => {
    const pool = new ParsePool(2);
    try {
      const texts = [readSeed("08STATE16245"), readSeed("09STATE39345"), "no id here", readSeed("08STATE16245")];
      const hints = { classification: "SECRET", from: "a test" } as const;
      const built = await Promise.all(texts.map((t) => pool.parse(t, hints)));
      expect(built[2]).toEqual({ code: "NO_CABLE_ID" });
      // Each answer is the record the archive would make of the inline cable parsed with those hints (which it
      // stores in place of the model), less the text the caller holds, and what the cable cites; source and time
      // are left to the archive.
      built.forEach((b, i) => {
        const inline = cableFromTelegram(texts[i]!, hints);
        if ("code" in inline) return expect(b).toEqual(inline);
        if (!("record" in b)) throw new Error(`answer ${i} came back without its record`);
        expect(b.warnings).toEqual(inline.warnings);
        expect(b.record).toEqual(cableRecordOf(inline.cable, null, null, "", hints));
        expect(b.citing).toEqual({
          id: inline.cable.id,
          origin: inline.cable.origin,
          references: inline.cable.references.map((r) => ({ id: r.id })),
        });
      });
    } finally {
      await pool.close();
    }
  });
});

describe("building a cable from a partial extract", () => {
  it("takes the id, the hour of the date and the classification from the index when the text has none", () => {
    const text =
      "This record is a partial extract of the original cable. The full text is not available.\n\nNothing else.";
    const built = cableFromTelegram(text, {
      id: "04AMMAN1288" as never,
      created: "2004-02-19T20:08Z",
      classification: "SECRET",
      from: "index.jsonl",
    });
    if ("code" in built) throw new Error(`expected a cable, got ${built.code}`);
    expect(built.cable).toMatchObject({ id: "04AMMAN1288", dtg: "2004-02-19T20:00:00Z", classification: "SECRET" });
    expect(built.warnings).toEqual([]);
  });
});

function describeSource(s: ImportSource): string {
  return s.kind === "problem" ? `problem ${s.problem.code} ${s.problem.path}` : `${s.kind} ${s.path}`;
}
