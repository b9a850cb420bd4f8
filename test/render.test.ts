// renderTelegram on the seeds: the rendered text parses back to the same cable, and has the seed's telegram layout.
import { beforeAll, describe, expect, it } from "vitest";
import { CableSchema, type Cable } from "../src/core/index.ts";
import { parseTelegram, renderTelegram } from "../src/telegram/index.ts";
import { readSeed, type SeedId } from "./helpers/seeds.ts";

/** Every field of the model except `warnings`, which describe the input text rather than the cable. */
const ROUND_TRIP_FIELDS = Object.keys(CableSchema.shape).filter((k) => k !== "warnings") as Array<keyof Cable>;

const MAX_COLUMNS = 65;

/** The seed's header lines, VZCZC to the last addressee: the rendered header must reproduce them. */
function headerLines(seed: string): string[] {
  const lines = seed.split("\n");
  const start = lines.findIndex((l) => l.startsWith("VZCZC"));
  const end = lines.findIndex((l, i) => i > start && l.trim() === "");
  return lines.slice(start, end);
}

type Expectations = {
  id: SeedId;
  classificationLine: string;
  caveatLines: string[];
  /** The lines after the caveats, in order, each given by how it starts. */
  headingStarts: string[];
  /** Paragraph numbers and portion marks, as rendered: `1. (U)`. */
  paragraphHeads: string[];
  headings: string[];
  signer: string;
};

const SEEDS: Expectations[] = [
  {
    id: "08STATE16245",
    classificationLine: "UNCLAS STATE 016245",
    caveatLines: ["SIPDIS", "SENSITIVE"],
    headingStarts: [
      "E.O. 12958: N/A",
      "TAGS: UNSC PREL YI",
      "SUBJECT: KOSOVO: FOR CHIEFS OF MISSION",
      "REF: 07 STATE 166909",
    ],
    paragraphHeads: ["1. (U) ", "2. (SBU) ", "3. (U) ", "4. (SBU) ", "5. "],
    headings: ["OBJECTIVES", "FOR ROME, BRUSSELS, ZAGREB, PARIS, AND LONDON"],
    signer: "RICE",
  },
  {
    id: "09STATE39345",
    classificationLine: "C O N F I D E N T I A L SECTION 01 OF 02 STATE 039345",
    caveatLines: ["SIPDIS"],
    headingStarts: [
      "E.O. 12958: DECL: 04/16/2019",
      "TAGS: PREL ECON UN KV",
      "SUBJECT: SUPPORTING KOSOVO IN INTERNATIONAL BODIES",
      "Classified By: IO A/S Esther Brimmer",
    ],
    paragraphHeads: ["1. (C) ", "2. (C) ", "3. (C) ", "4. (SBU) ", "5. (SBU) ", "6. (SBU) ", "7. (U) "],
    headings: ["OBJECTIVES", "BACKGROUND", "POINT OF CONTACT"],
    signer: "CLINTON",
  },
];

describe.each(SEEDS)("renderTelegram on $id", (seed) => {
  let original: Cable;
  let rendered: string;
  let lines: string[];
  let reparsed: Cable;
  let header: string[];
  beforeAll(() => {
    const text = readSeed(seed.id);
    original = parseTelegram(text);
    rendered = renderTelegram(original);
    lines = rendered.split("\n");
    reparsed = parseTelegram(rendered);
    header = headerLines(text);
  });

  it.each(ROUND_TRIP_FIELDS)("parses back to the same %s", (field) => {
    expect(reparsed[field]).toEqual(original[field]);
  });

  it("starts with the VZCZC line and reproduces the seed's header, DE, ZN, DTG, FM, TO and INFO lines", () => {
    expect(lines.slice(0, header.length)).toEqual(header);
    expect(lines[header.length]).toBe("");
  });

  it("writes the classification line, then the caveats, before the E.O. line", () => {
    const at = lines.indexOf(seed.classificationLine);
    expect(at).toBeGreaterThan(header.length);
    const eo = lines.findIndex((l) => l.startsWith("E.O."));
    const between = lines.slice(at + 1, eo).filter((l) => l.trim() !== "");
    expect(between).toEqual(seed.caveatLines);
  });

  it("writes E.O., TAGS, SUBJECT, REF and Classified By in that order, before the first paragraph", () => {
    const positions = seed.headingStarts.map((start) => lines.findIndex((l) => l.startsWith(start)));
    expect(
      positions.every((p) => p >= 0),
      `missing one of ${seed.headingStarts.join(" | ")}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const firstParagraph = lines.findIndex((l) => l.startsWith(seed.paragraphHeads[0]!));
    expect(firstParagraph).toBeGreaterThan(positions[positions.length - 1]!);
  });

  it("numbers the paragraphs as `1. (U)`, in order, without ¶", () => {
    // A paragraph starts after a blank line; a wrapped line may begin with a year such as `2008. `.
    const starts = lines.filter((l, i) => /^\d+\. /.test(l) && lines[i - 1]?.trim() === "");
    const heads = starts.map((l) => /^\d+\. (\([^)]*\) )?/.exec(l)![0]);
    expect(heads).toEqual(seed.paragraphHeads);
    expect(rendered).not.toContain("¶");
  });

  it("writes the headings on lines of their own", () => {
    for (const heading of seed.headings) expect(lines).toContain(heading);
  });

  it(`wraps every line at ${MAX_COLUMNS} columns or fewer`, () => {
    const long = lines.filter((l) => [...l].length > MAX_COLUMNS);
    expect(long).toEqual([]);
  });

  it("ends with the signature", () => {
    const last = lines.filter((l) => l.trim() !== "").pop();
    expect(last).toBe(seed.signer);
  });
});

describe("a REF list and the paragraph after it", () => {
  const demarche = () => parseTelegram(readSeed("08STATE16245"));
  const marked = { number: null, marking: "C", text: "UNSC 17 Kosovo debate in February, the host government said." };

  it("keeps an unnumbered (C) paragraph after a list lettered A. and B. as a paragraph marked CONFIDENTIAL", () => {
    const cable: Cable = {
      ...demarche(),
      classification: "CONFIDENTIAL",
      references: [
        { id: null, text: "STATE 1", label: "A" },
        { id: null, text: "DESK E-MAIL", label: "B" },
      ],
      paragraphs: [marked, ...demarche().paragraphs],
    };
    const reparsed = parseTelegram(renderTelegram(cable));
    expect(reparsed.references.map((r) => r.label)).toEqual(["A", "B"]);
    expect(reparsed.paragraphs[0]).toMatchObject(marked);
  });

  it("reads a (C) line after (A) and (B) as the list's third item", () => {
    const text = readSeed("08STATE16245").replace(/^REF: .*$/m, "REF: (A) STATE 1\n     (B) ROME 2\n     (C) UNSC 17");
    expect(parseTelegram(text).references.map((r) => [r.label, r.text])).toEqual([
      ["A", "STATE 1"],
      ["B", "ROME 2"],
      ["C", "UNSC 17"],
    ]);
  });
});
