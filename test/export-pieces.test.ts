// The pieces of an export: telegram lines laid out on pages, file names made of queries, CSV cells that hold line
// breaks, text a PDF's standard font can show, and the walk through a search's matches page by page, which stops
// with an error rather than quietly when more turn up than the export may hold.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageLines, renderTelegram, wrapLine } from "../src/telegram/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { compileQuery } from "../src/services/search/compile-query.ts";
import { planSearch } from "../src/services/search/plan-search.ts";
import type { Cable } from "../src/core/index.ts";
import { parseSearchQuery, type SearchQuery } from "../src/core/search-language.ts";
import { contentDisposition, pdfSafe, searchExportFileName } from "../src/services/export/index.ts";
import { csvChunks } from "../src/services/export/csv-chunks.ts";
import type { ExportedCable } from "../src/services/export/exported-cable.ts";
import { searchPages } from "../src/services/export/search-pages.ts";
import { zipChunks } from "../src/services/export/zip-chunks.ts";
import type { Store } from "../src/store/open-store.ts";
import { buildCable } from "./helpers/factories.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe("laying a telegram out on pages", () => {
  it("wraps a long line at a space, its continuations indented as it is, and breaks a word longer than a line", () => {
    expect(wrapLine("  alpha beta gamma delta", 14)).toEqual(["  alpha beta", "  gamma delta"]);
    expect(wrapLine("ABCDEFGHIJKLMNOP", 6)).toEqual(["ABCDEF", "GHIJKL", "MNOP"]);
    expect(wrapLine("short line   ", 80)).toEqual(["short line"]);
  });

  it("fills pages to their length, starts a page at a form feed, and keeps blank lines", () => {
    expect(pageLines("A\nB\n\nC\r\nD", 80, 2)).toEqual([["A", "B"], ["", "C"], ["D"]]);
    expect(pageLines("A\fB", 80, 10)).toEqual([["A"], ["B"]]);
    expect(pageLines("", 80, 10)).toEqual([[""]]);
    expect(pageLines("X\tY", 80, 10)).toEqual([["X       Y"]]);
  });
});

describe("export file names", () => {
  const day = new Date("2024-05-01T09:00:00Z");
  it("names a search's export after its words and filters, the day and the format", () => {
    expect(searchExportFileName('kosovo tag:PREL "security council"', "zip", day)).toBe(
      "cables-kosovo-tag-prel-security-council-2024-05-01.zip",
    );
    expect(searchExportFileName("", "csv", day)).toBe("cables-all-2024-05-01.csv");
    expect(searchExportFileName("Priština -class:SECRET", "jsonl", day)).toBe(
      "cables-pristina-class-secret-2024-05-01.jsonl",
    );
    const long = searchExportFileName("recognition ".repeat(10), "zip", day);
    expect(long).toMatch(/^cables-(recognition-)+recognition-2024-05-01\.zip$/);
    expect(long.length).toBeLessThanOrEqual("cables-".length + 60 + "-2024-05-01.zip".length);
  });

  it("offers a file as an attachment, with an ASCII name and the UTF-8 one", () => {
    expect(contentDisposition('a "b".zip')).toBe(`attachment; filename="a _b_.zip"; filename*=UTF-8''a%20%22b%22.zip`);
    expect(contentDisposition("é.pdf")).toBe(`attachment; filename="_.pdf"; filename*=UTF-8''%C3%A9.pdf`);
  });
});

/** The CSV line a search export writes for `cable`, after the header. */
async function csvLineOf(cable: Cable): Promise<string> {
  const exported: ExportedCable = { id: "26STATE1", raw: null, archivedAt: "", source: null, cable: () => cable };
  async function* pages() {
    yield [exported];
  }
  let csv = "";
  for await (const chunk of csvChunks(pages())) csv += Buffer.from(chunk).toString("utf8");
  return csv.split("\r\n")[1]!;
}

describe("CSV and PDF text", () => {
  it("quotes a cell holding a line break or a lone carriage return, as RFC 4180 asks", async () => {
    const cable = buildCable({ references: [{ label: null, id: null, text: "LINE ONE\nLINE TWO\rEND" }] });
    expect(await csvLineOf(cable)).toBe(
      `26STATE1,2026-02-16T23:19:00Z,STATE,UNCLASSIFIED,,PRIORITY,FRANCE: A CABLE,PREL; FR,"LINE ONE\nLINE TWO\rEND"`,
    );
  });

  it("keeps a cell that a spreadsheet would run as a formula from running: it starts with a quote", async () => {
    const cable = buildCable({ subject: '=HYPERLINK("http://evil.example","CLICK")', tags: ["@SUM(A1)", "PREL"] });
    expect(await csvLineOf(cable)).toBe(
      `26STATE1,2026-02-16T23:19:00Z,STATE,UNCLASSIFIED,,PRIORITY,"'=HYPERLINK(""http://evil.example"",""CLICK"")",'@SUM(A1); PREL,`,
    );
  });

  it("keeps Latin-1, strips other accents, and marks what the PDF's font cannot show", () => {
    expect(pdfSafe("Đakovica – Priština, São Tomé ¶ 1\u0007")).toBe("Dakovica - Pristina, São Tomé ¶ 1");
    expect(pdfSafe("Москва")).toBe("??????");
  });
});

describe("a ZIP of telegrams", () => {
  it("holds each telegram as ID.txt with its CRC, as unzip checks it", async (context) => {
    const dir = mkdtempSync(join(tmpdir(), "cablegram-zip-"));
    try {
      const telegram = (id: string, raw: string): ExportedCable => ({
        id,
        raw,
        archivedAt: "",
        source: null,
        cable: () => buildCable({ id }),
      });
      async function* pages() {
        yield [telegram("26STATE1", "KOSOVO ".repeat(500)), telegram("26STATE2", "PRIŠTINA\n")];
        yield [{ ...telegram("26STATE3", ""), raw: null }];
      }
      const parts: Uint8Array[] = [];
      for await (const chunk of zipChunks(pages(), new Date("2024-05-01T09:00:00Z"))) parts.push(chunk);
      const files = unzipSync(new Uint8Array(Buffer.concat(parts)));
      expect(Object.keys(files)).toEqual(["26STATE1.txt", "26STATE2.txt", "26STATE3.txt"]);
      expect(strFromU8(files["26STATE2.txt"]!)).toBe("PRIŠTINA\n");
      expect(strFromU8(files["26STATE3.txt"]!)).toBe(renderTelegram(buildCable({ id: "26STATE1" })));
      let unzip: string;
      try {
        unzip = execFileSync("unzip", ["-v"], { encoding: "utf8" });
      } catch {
        return context.skip("unzip is missing (apt-get install -y unzip): the CRCs are not checked");
      }
      expect(unzip).toBeTruthy();
      writeFileSync(join(dir, "export.zip"), Buffer.concat(parts));
      const tested = execFileSync("unzip", ["-t", join(dir, "export.zip")], { encoding: "utf8" });
      expect(tested).toContain("No errors detected");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)("%s: walking a search's matches for an export", (dialect) => {
  let store: Store;
  const ids = Array.from({ length: 5 }, (_, i) => `26STATE${i + 1}`);
  beforeAll(async () => {
    store = await openTestStore(dialect, "export_pages");
    await archiveCables(
      store,
      ids.map((id, i) => ({
        cable: buildCable({ id, serial: i + 1, dtg: `2026-02-1${i}T10:00:00Z`, subject: `FRANCE: CABLE ${i + 1}` }),
        raw: null,
        source: "test",
      })),
    );
  });
  afterAll(() => store.close());

  const planOf = (q: string) => planSearch(store, compileQuery(parseSearchQuery(q) as SearchQuery), SYSTEM_READER);

  it("reads every match, newest first, a page at a time", async () => {
    const seen: string[][] = [];
    for await (const page of searchPages(store, planOf("france"), 100, 2)) seen.push(page.map((c) => c.id));
    expect(seen).toEqual([["26STATE5", "26STATE4"], ["26STATE3", "26STATE2"], ["26STATE1"]]);
    expect(await store.search.countUpTo(planOf("france"), 3)).toBe(3);
    expect(await store.search.countUpTo(planOf("france"), 100)).toBe(5);
  });

  it("fails with EXPORT_TOO_LARGE when more match than the export may hold, after the pages that fit", async () => {
    const seen: string[] = [];
    const walk = async () => {
      for await (const page of searchPages(store, planOf(""), 3, 2)) seen.push(...page.map((c) => c.id));
    };
    await expect(walk()).rejects.toMatchObject({ code: "EXPORT_TOO_LARGE", details: { max: 3 } });
    expect(seen).toEqual(["26STATE5", "26STATE4"]);
  });
});
