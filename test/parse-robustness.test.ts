// parseTelegram never throws and always returns a valid cable: on random strings, mutated real cables, fragments and
// megabyte inputs built to trigger catastrophic backtracking (those run in a child process that can be killed).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTelegram } from "../src/telegram/index.ts";
import { cableProblems, excerpt } from "./helpers/cable-validity.ts";
import type { ChildReport } from "./helpers/parse-in-child.ts";
import { PATHOLOGICAL_INPUTS } from "./helpers/pathological-inputs.ts";
import { readCorpus, sharedAvailable } from "./helpers/shared-data.ts";
import { readSeed, SEED_IDS } from "./helpers/seeds.ts";

/** Throws, with the input in the message, unless the text parses into a cable that keeps every rule of the model. */
function assertParsesToValidCable(text: string): void {
  let cable: unknown;
  try {
    cable = parseTelegram(text);
  } catch (error) {
    throw new Error(`parseTelegram threw ${String(error)} on ${excerpt(text)}`, { cause: error });
  }
  const problems = cableProblems(text, cable);
  if (problems.length > 0) throw new Error(`invalid cable (${problems.join("; ")}) from ${excerpt(text)}`);
}

/** Lines that each drive a different rule of the parser, several with values the schema must never receive. */
const TELEGRAM_LINES = [
  "VZCZCXRO0350",
  "OO RUEHTRO",
  "DE RUEHC #6245 0472322",
  "DE RUEHC #9345/01 1111401",
  "DE RUEHC #/ ",
  "ZNR UUUUU ZZH ZK",
  "O 162319Z FEB 08 ZFF4",
  "O P 280218Z JUL 09",
  "O 322599Z FEB 08",
  "P 300000Z FEB 09",
  "291359Z Nov 00",
  "FM SECSTATE WASHDC",
  "FM ",
  "TO RUEHOU/AMEMBASSY OUAGADOUGOU NIACT IMMEDIATE 6893",
  "TO RUEHOU/ NIACT IMMEDIATE",
  "TO /",
  "INFO RUEHBS/USEU BRUSSELS PRIORITY",
  "RHMFISS/JOINT STAFF WASHDC//J-3/J-5//",
  "ZEN/AMEMBASSY BELMOPAN NIACT IMMEDIATE 2276-2279",
  "XMT AMCONSUL STRASBOURG",
  "UNCLAS STATE 016245",
  "UNCLAS STATE 99999999999999999999",
  "C O N F I D E N T I A L SECTION 01 OF 02 STATE 039345",
  "S E C R E T SECTION 00 OF 00 STATE 000000",
  "S e c r e t berlin 001068",
  "SIPDIS",
  "SENSITIVE",
  "NOFORN SIPDIS",
  "E.O. 12958: N/A",
  "E.O. 12958: DECL: 04/16/2019",
  "EO 12958 DECL: 02/30/2019",
  "E.O. 12958: DECL: 13/45/2019",
  "E.O. 12958: DECL: 2019/02/29",
  "E.O.",
  "TAGS: UNSC PREL YI",
  "TAGS: [PREL](#) [KV](#)",
  "TAGS OVIP (CLINTON, HILLARY), PGOV",
  "TAGS: (((",
  "SUBJECT: KOSOVO",
  "REF: 07 STATE 166909",
  "REF: A. MADRID 720 B. 99 STATE 9999999999",
  "Classified By: IO A/S Esther Brimmer for reason 1.4(b).",
  "Classified By: for reasons",
  "¶1. (U) NIACT precedents requested.",
  "11. (C) Summary.",
  "¶99999999999999999999. (S) Too big a number.",
  "¶2001. Another idea",
  "1.(C/NF) joined",
  "( C )",
  "STATE 00039345 002 OF 002",
  "-- a bullet",
  "OBJECTIVES",
  "RICE",
  "NNNN",
  "",
] as const;

const telegramLike = fc
  .array(fc.oneof(fc.constantFrom(...TELEGRAM_LINES), fc.string({ maxLength: 40 })), { maxLength: 40 })
  .chain((lines) => fc.constantFrom("\n", "\r\n", "\r").map((eol) => lines.join(eol)));

const controlCharacters = fc.string({
  unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  maxLength: 200,
});

describe("parseTelegram on generated strings", () => {
  it("never throws and returns a valid cable for any unicode string, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (text) => assertParsesToValidCable(text)),
      { numRuns: 500 },
    );
  });

  it("never throws on control characters", () => {
    fc.assert(
      fc.property(controlCharacters, (text) => assertParsesToValidCable(text)),
      { numRuns: 300 },
    );
  });

  it("never throws on telegram-like texts mixing real and broken header, caption, REF and paragraph lines", () => {
    fc.assert(
      fc.property(telegramLike, (text) => assertParsesToValidCable(text)),
      { numRuns: 1000 },
    );
  });
});

/** A header without a body, as the corpus's header-only viewer blocks look. */
const HEADER_ONLY = [
  "VZCZCXRO0350",
  "OO RUEHTRO",
  "DE RUEHC #6245 0472322",
  "ZNR UUUUU ZZH ZK",
  "O 162319Z FEB 08 ZFF4",
  "FM SECSTATE WASHDC",
  "TO RUEHOU/AMEMBASSY OUAGADOUGOU NIACT IMMEDIATE 6893",
  "INFO RUEHBW/AMEMBASSY BELGRADE IMMEDIATE 2134",
].join("\n");

describe("parseTelegram on fragments", () => {
  it.each([
    ["the empty string", ""],
    ["only blank lines", "\n\n\n"],
    ["only a REF line", "REF: 07 STATE 166909"],
    ["only a header", HEADER_ONLY],
    ["only 'TAGS:'", "TAGS:"],
    ["only 'SUBJECT:'", "SUBJECT:"],
    ["only 'E.O. 12958:'", "E.O. 12958:"],
    ["only a classification line", "C O N F I D E N T I A L SECTION 01 OF 02 STATE 039345"],
    ["only a paragraph number", "¶1."],
    ["only a byte-order mark", "\uFEFF"],
    ["only a NUL", "\u0000"],
  ])("returns a valid cable for %s", (_name, text) => {
    assertParsesToValidCable(text);
  });

  it("reads no header fields from the empty string", () => {
    const cable = parseTelegram("");
    expect([cable.id, cable.dtg, cable.classification, cable.subject]).toEqual([null, null, null, null]);
    expect([cable.to, cable.paragraphs, cable.tags]).toEqual([[], [], []]);
  });
});

/** A deterministic generator, so that a mutation pass over the corpus is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Mutation = (text: string, at: number) => string;

/** Each mutation takes a position in [0, 1) and picks its line or byte from it. */
const MUTATIONS: Readonly<Record<string, Mutation>> = {
  "delete a line": (text, at) => mapLines(text, at, () => []),
  "duplicate a line": (text, at) => mapLines(text, at, (line) => [line, line]),
  truncate: (text, at) => text.slice(0, Math.floor(text.length * at)),
  "flip a byte": (text, at) => {
    const bytes = Buffer.from(text, "utf8");
    if (bytes.length === 0) return text;
    const i = Math.floor(bytes.length * at);
    bytes[i] = bytes[i]! ^ (1 << Math.floor((at * 997) % 8));
    return bytes.toString("utf8");
  },
  "upper-case a line": (text, at) => mapLines(text, at, (line) => [line.toUpperCase()]),
  "lower-case a line": (text, at) => mapLines(text, at, (line) => [line.toLowerCase()]),
  "lower-case everything": (text) => text.toLowerCase(),
  "CRLF line ends": (text) => text.replace(/\n/g, "\r\n"),
  "CR line ends": (text) => text.replace(/\n/g, "\r"),
};

function mapLines(text: string, at: number, change: (line: string) => string[]): string {
  const lines = text.split("\n");
  const i = Math.floor(lines.length * at);
  return [...lines.slice(0, i), ...change(lines[i] ?? ""), ...lines.slice(i + 1)].join("\n");
}

const mutationNames = Object.keys(MUTATIONS);
const mutationSteps = fc.array(
  fc.record({
    name: fc.constantFrom(...mutationNames),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  }),
  { minLength: 1, maxLength: 6 },
);

function mutate(text: string, steps: ReadonlyArray<{ name: string; at: number }>): string {
  return steps.reduce((t, step) => MUTATIONS[step.name]!(t, step.at), text);
}

describe("parseTelegram on mutated seed cables", () => {
  let seeds: string[];
  beforeAll(() => {
    seeds = SEED_IDS.map(readSeed);
  });

  it("never throws and returns a valid cable after random line deletions, duplications, truncations, byte flips, case changes and line-end changes", () => {
    fc.assert(
      fc.property(fc.nat(), mutationSteps, (pick, steps) => {
        assertParsesToValidCable(mutate(seeds[pick % seeds.length]!, steps));
      }),
      { numRuns: 1000 },
    );
  });
});

describe.skipIf(!sharedAvailable("corpus/cablegate/index.jsonl", "mutated corpus cables"))(
  "parseTelegram on mutated corpus cables",
  () => {
    let texts: string[];
    beforeAll(() => {
      texts = readCorpus().map((c) => c.text);
    });

    it("returns a valid cable for every corpus cable as published", () => {
      for (const text of texts) assertParsesToValidCable(text);
    });

    it.each(mutationNames)("returns a valid cable for every corpus cable after one '%s'", (name) => {
      const random = seededRandom(name.length * 7919 + 17);
      for (const text of texts) assertParsesToValidCable(MUTATIONS[name]!(text, random()));
    });

    it("returns a valid cable for corpus cables after random chains of mutations", () => {
      fc.assert(
        fc.property(fc.nat(), mutationSteps, (pick, steps) => {
          assertParsesToValidCable(mutate(texts[pick % texts.length]!, steps));
        }),
        { numRuns: 500 },
      );
    });
  },
);

const CHILD = fileURLToPath(new URL("./helpers/parse-in-child.ts", import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Vitest's default test timeout: far above what a linear parse of 1 MB takes, far below a backtracking one. */
const PARSE_BUDGET_MS = 5_000;
/** Peak memory of the child: Node and tsx take a fixed share; a parse that builds an object per byte takes several times that. */
const PARSE_MEMORY_BUDGET_MB = 250;
/** The child is killed after this: the parse budget plus starting Node and tsx on a slow machine. */
const CHILD_KILL_MS = 30_000;

function parseInChild(name: string): ChildReport {
  const child = spawnSync(process.execPath, ["--import", "tsx", CHILD, name], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    timeout: CHILD_KILL_MS,
    maxBuffer: 1 << 20,
  });
  if (child.error || child.signal) {
    const why = child.signal ? `killed by ${child.signal} after ${CHILD_KILL_MS} ms` : String(child.error);
    return { status: "threw", detail: `${why}: catastrophic backtracking?`, ms: CHILD_KILL_MS };
  }
  const line = child.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as ChildReport;
  } catch {
    return { status: "threw", detail: `child exited ${child.status}: ${child.stderr.slice(0, 2000)}`, ms: 0 };
  }
}

describe("parseTelegram on megabyte inputs built for catastrophic backtracking", () => {
  it.each(Object.keys(PATHOLOGICAL_INPUTS))(
    "parses %s into a valid cable within vitest's default test timeout and a bounded memory",
    (name) => {
      const report = parseInChild(name);
      expect(report.detail).toBe("");
      expect(report.status).toBe("ok");
      expect(report.ms, `${name} took ${Math.round(report.ms)} ms`).toBeLessThan(PARSE_BUDGET_MS);
      expect(report.peakMb, `${name} peaked at ${report.peakMb} MB`).toBeLessThan(PARSE_MEMORY_BUDGET_MB);
    },
    CHILD_KILL_MS + 10_000,
  );
});
