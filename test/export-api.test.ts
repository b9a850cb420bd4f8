// Exports over HTTP: a cable as telegram text, JSON and PDF; a search's results as JSON Lines, CSV and a ZIP of
// telegrams. Each export holds exactly what the same search shows its reader (nothing beyond their clearance or
// captions), is named after the cable or the query, is refused whole past the limit, and is audited.
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { renderTelegram } from "../src/telegram/index.ts";
import { buildCable } from "./helpers/factories.ts";
import { pdfPages, pdftotextMissing } from "./helpers/pdf-pages.ts";
import { readSeed } from "./helpers/seeds.ts";
import { call, NODIS_ID, SECRET_ID, startTestServer, USERS, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

/** An unclassified cable whose subject and tags need CSV quoting. */
const QUOTED = buildCable({
  id: "26STATE1",
  subject: 'KOSOVO: "QUOTED", WITH COMMAS',
  tags: ["PREL", "KV", "OVIP (CLINTON, HILLARY)"],
  caveats: ["SENSITIVE", "SIPDIS"],
  to: [{ route: null, name: "AMEMBASSY PARIS", office: null, precedence: "NIACT IMMEDIATE", mcn: null }],
  references: [
    { label: "A", id: "08STATE16245", text: "08 STATE 16245" },
    { label: "B", id: null, text: "EMAIL OF 3 MAY" },
  ],
});

/** A long SECRET NOFORN telegram, one of its lines far wider than a page. */
const LONG_ID = "26STATE2";
const LONG_LINE = `${"KOSOVO RECOGNITION ".repeat(12)}ENDOFLONGLINE`;
const LONG_RAW = [
  "S E C R E T STATE 000002",
  "",
  "NOFORN",
  "",
  "SUBJECT: KOSOVO: A LONG TELEGRAM",
  "",
  ...Array.from({ length: 140 }, (_, i) => `${i + 1}. (S) LINE ${i + 1} OF THE LONG TELEGRAM ON KOSOVO.`),
  LONG_LINE,
  "",
  "RICE",
].join("\n");
const LONG = buildCable({
  id: LONG_ID,
  serial: 2,
  dtg: "2026-02-17T10:00:00Z",
  classification: "SECRET",
  caveats: ["NOFORN"],
  subject: "KOSOVO: A LONG TELEGRAM",
});

type Reader = keyof typeof USERS;

/** Every id a search shows the reader, page after page, newest first. */
async function searchIds(server: TestServer, user: Reader, q: string): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const url: string = `/api/search?q=${encodeURIComponent(q)}&sort=date&limit=100${cursor ? `&cursor=${cursor}` : ""}`;
    const body = (await call(server, user, { url })).json() as {
      total: number;
      results: { id: string }[];
      nextCursor: string | null;
    };
    if (total < 0) total = body.total;
    ids.push(...body.results.map((r) => r.id));
    cursor = body.nextCursor;
  } while (cursor);
  return { ids, total };
}

/** The cables of a JSON Lines export. */
function jsonLines(body: string): { cable: { id: string }; hasOriginalText: boolean }[] {
  expect(body.endsWith("\n") || body === "").toBe(true);
  return body
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as { cable: { id: string }; hasOriginalText: boolean });
}

/** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0)
    throw new Error(`the CSV does not end with CRLF: ${JSON.stringify(text.slice(-20))}`);
  return rows;
}

describe.each(DIALECTS)("%s: exports over HTTP", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await archiveCables(server.store, [
      { cable: QUOTED, raw: null, source: "test" },
      { cable: LONG, raw: LONG_RAW, source: "test" },
    ]);
  });
  afterAll(() => server.close());

  it("downloads a cable's original telegram text as an attachment named after the cable", async () => {
    const res = await call(server, "confidential", { url: "/api/cables/09STATE39345/export?format=telegram" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="09STATE39345.txt"; filename*=UTF-8''09STATE39345.txt`,
    );
    expect(res.body).toBe(readSeed("09STATE39345"));
  });

  it("downloads a cable as the JSON the API answers for it", async () => {
    const res = await call(server, "admin", { url: `/api/cables/${SECRET_ID}/export?format=json` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain(`filename="${SECRET_ID}.json"`);
    const api = await call(server, "admin", { url: `/api/cables/${SECRET_ID}` });
    expect(res.json()).toEqual(api.json());
  });

  it.skipIf(pdftotextMissing)(
    "downloads a PDF: monospace telegram, banner at top and bottom of every page, page numbers, long lines wrapped",
    async () => {
      const res = await call(server, "secret", { url: `/api/cables/${LONG_ID}/export?format=pdf` });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toContain(`filename="${LONG_ID}.pdf"`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect(res.rawPayload.includes("Courier")).toBe(true);
      const pages = pdfPages(res.rawPayload);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const [i, lines] of pages.entries()) {
        expect(lines[0], `top of page ${i + 1}`).toBe("SECRET//NOFORN");
        expect(lines.at(-1), `bottom of page ${i + 1}`).toBe("SECRET//NOFORN");
        expect(lines[1], `head of page ${i + 1}`).toMatch(
          new RegExp(`^${LONG_ID}\\s+Page ${i + 1} of ${pages.length}$`),
        );
      }
      const text = pages.flat();
      expect(text).toContain("140. (S) LINE 140 OF THE LONG TELEGRAM ON KOSOVO.");
      // The long line is wrapped at a space: every word is there, the last on a line of its own making.
      const wrapped = text.filter((line) => /^(?:(?:KOSOVO|RECOGNITION|ENDOFLONGLINE)(?: |$))+$/.test(line));
      expect(wrapped.length).toBeGreaterThan(1);
      expect(wrapped.join(" ").replace(/\s+/g, " ")).toBe(LONG_LINE);
    },
  );

  it("answers 404 for a cable the reader may not read, in every format, and leaves no export in the audit log", async () => {
    for (const format of ["telegram", "json", "pdf"]) {
      const hidden = await call(server, "confidential", { url: `/api/cables/${SECRET_ID}/export?format=${format}` });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toMatchObject({ code: "CABLE_NOT_FOUND" });
      expect(hidden.headers["content-disposition"]).toBeUndefined();
    }
    expect((await call(server, "admin", { url: `/api/cables/${NODIS_ID}/export?format=pdf` })).statusCode).toBe(404);
    const exports = await queryAudit(server.store, SYSTEM_ACTING, { action: "cable.export", user: "confidential" });
    expect(exports.filter((e) => e.target === SECRET_ID)).toEqual([]);
  });

  it("exports exactly the cables the search shows each reader, however cleared, as JSON Lines", async () => {
    for (const user of Object.keys(USERS) as Reader[]) {
      for (const q of ["", "kosovo", "kosovo -class:SECRET"]) {
        const search = await searchIds(server, user, q);
        const res = await call(server, user, { url: `/api/search/export?format=jsonl&q=${encodeURIComponent(q)}` });
        expect(res.statusCode, `${user} ${q}`).toBe(200);
        const ids = jsonLines(res.body).map((line) => line.cable.id);
        expect(ids, `${user} exporting "${q}"`).toEqual(search.ids);
        expect(Number(res.headers["x-cablegram-export-count"])).toBe(search.total);
        expect(ids.length).toBe(search.total);
      }
    }
    const low = jsonLines(
      (await call(server, "unclassified", { url: "/api/search/export?format=jsonl&q=kosovo" })).body,
    );
    expect(low.map((l) => l.cable.id).sort()).toEqual(["08STATE16245", "26STATE1"]);
  });

  it("streams JSON Lines as the API answers each cable, with a file name made of the query and the day", async () => {
    const res = await call(server, "secret", {
      url: `/api/search/export?format=jsonl&q=${encodeURIComponent("kosovo tag:PREL")}`,
    });
    expect(res.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="cables-kosovo-tag-prel-2024-05-01.jsonl"; filename*=UTF-8''cables-kosovo-tag-prel-2024-05-01.jsonl`,
    );
    const lines = jsonLines(res.body);
    const api = (await call(server, "secret", { url: `/api/cables/${lines[0]!.cable.id}` })).json() as unknown;
    expect(lines[0]).toEqual(api);
    const all = await call(server, "secret", { url: "/api/search/export?format=csv" });
    expect(all.headers["content-disposition"]).toContain(`filename="cables-all-2024-05-01.csv"`);
  });

  it("writes the metadata as RFC 4180 CSV: a header, CRLF, quoted commas, doubled quotes", async () => {
    const res = await call(server, "admin", { url: "/api/search/export?format=csv&q=kosovo" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8; header=present");
    expect(res.body.startsWith("id,date,origin,classification,captions,precedence,subject,tags,references\r\n")).toBe(
      true,
    );
    expect(res.body).toContain(
      `26STATE1,2026-02-16T23:19:00Z,STATE,UNCLASSIFIED,SENSITIVE; SIPDIS,NIACT IMMEDIATE,` +
        `"KOSOVO: ""QUOTED"", WITH COMMAS","PREL; KV; OVIP (CLINTON, HILLARY)",08STATE16245; EMAIL OF 3 MAY\r\n`,
    );
    const rows = parseCsv(res.body);
    expect(rows.every((row) => row.length === 9)).toBe(true);
    expect(rows.slice(1).map((row) => row[0])).toEqual((await searchIds(server, "admin", "kosovo")).ids);
    expect(rows.find((row) => row[0] === SECRET_ID)).toEqual([
      SECRET_ID,
      expect.any(String),
      "STATE",
      "SECRET",
      "NOFORN; SIPDIS",
      expect.any(String),
      "KOSOVO: SECRET FOLLOW-UP ON THE DEMARCHE",
      expect.stringContaining("PREL"),
      "08STATE16245",
    ]);
  });

  it("zips each cable's telegram as ID.txt: the original text, or the rendering of one made here", async () => {
    const res = await call(server, "secret", { url: "/api/search/export?format=zip&q=kosovo" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toContain(`filename="cables-kosovo-2024-05-01.zip"`);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const search = await searchIds(server, "secret", "kosovo");
    expect(Object.keys(files)).toEqual(search.ids.map((id) => `${id}.txt`));
    expect(strFromU8(files["08STATE16245.txt"]!)).toBe(readSeed("08STATE16245"));
    expect(strFromU8(files[`${LONG_ID}.txt`]!)).toBe(LONG_RAW);
    expect(strFromU8(files["26STATE1.txt"]!)).toBe(renderTelegram(QUOTED));
    expect(Object.keys(files)).not.toContain(`${NODIS_ID}.txt`);
    const low = unzipSync(
      new Uint8Array(
        (await call(server, "confidential", { url: "/api/search/export?format=zip&q=kosovo" })).rawPayload,
      ),
    );
    expect(Object.keys(low).sort()).toEqual(["08STATE16245.txt", "09STATE39345.txt", "26STATE1.txt"]);
  });

  it("refuses a whole export past the limit with EXPORT_TOO_LARGE before sending a byte, and says so when asked first", async () => {
    const small = await buildApp({ store: server.store, clock: server.deps.clock, exportMax: 2 });
    try {
      const cookie = await server.cookieOf("admin");
      const res = await small.inject({ url: "/api/search/export?format=zip&q=kosovo", headers: { cookie } });
      expect(res.statusCode).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.headers["content-disposition"]).toBeUndefined();
      expect(res.json()).toMatchObject({ code: "EXPORT_TOO_LARGE", max: 2, count: 3 });
      expect(res.json().detail).toMatch(/^More than 2 cables match .*narrow the query/);
      const size = await small.inject({ url: "/api/search/export/size?q=kosovo", headers: { cookie } });
      expect(size.json()).toEqual({ count: 3, max: 2, tooLarge: true });
      const fits = await small.inject({ url: "/api/search/export/size?q=kosovo%20tag:UNSC", headers: { cookie } });
      expect(fits.json()).toMatchObject({ tooLarge: false });
      const low = await small.inject({
        url: "/api/search/export?format=jsonl&q=kosovo",
        headers: { cookie: await server.cookieOf("unclassified") },
      });
      expect(low.statusCode).toBe(200);
    } finally {
      await small.close();
    }
  });

  it("answers 400 BAD_QUERY and INVALID_INPUT for a query or format it cannot read", async () => {
    const bad = await call(server, "secret", { url: `/api/search/export?format=zip&q=${encodeURIComponent('"open')}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "BAD_QUERY", position: expect.any(Number) });
    const format = await call(server, "secret", { url: "/api/search/export?format=xlsx&q=kosovo" });
    expect(format.json()).toMatchObject({ code: "INVALID_INPUT" });
    expect((await call(server, null, { url: "/api/search/export?format=zip" })).statusCode).toBe(401);
  });

  it("records every export in the audit log: who, the query or cable, the count and the format", async () => {
    server.deps.clock.advance(3_600_000);
    const since = server.deps.clock.now().toISOString();
    await call(server, "secret", { url: "/api/search/export?format=csv&q=demarche" });
    await call(server, "unclassified", { url: "/api/cables/08STATE16245/export?format=pdf" });
    const entries = await queryAudit(server.store, SYSTEM_ACTING, { since, action: "cable.export" });
    const seen = entries.map((e) => ({ user: e.username, target: e.target, count: e.resultCount, detail: e.detail }));
    expect(seen.sort((a, b) => String(a.user).localeCompare(String(b.user)))).toEqual([
      { user: "secret", target: "demarche", count: 2, detail: { format: "csv", via: "api" } },
      {
        user: "unclassified",
        target: "08STATE16245",
        count: 1,
        detail: { format: "pdf", classification: "UNCLASSIFIED", via: "api" },
      },
    ]);
  });
});
