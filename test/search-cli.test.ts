// `cablegram search` through main(), on SQLite and PostgreSQL: results, snippets, facets, JSON, the query
// language in --help, bad queries, searching as a user with their access, and the audit entry of each search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminalSnippet } from "../src/cli/format-search.ts";
import { main } from "../src/cli/main.ts";
import type { SearchResult } from "../src/services/search/index.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { SEARCH_HELP } from "../src/services/search/index.ts";
import { openStore, storeConfigFromEnv } from "../src/store/open-store.ts";
import { SEEDS_DIR } from "./helpers/seeds.ts";
import { cliEnv } from "./helpers/cli-env.ts";
import { DIALECTS, memoryIo } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

describe("terminal snippets", () => {
  it("turns <mark> into brackets off a terminal and bold on one, and unescapes the HTML", () => {
    const html = "the <mark>Security Council</mark> &amp; &lt;UNSC&gt; &quot;debate&quot;";
    expect(terminalSnippet(html, false)).toBe('the [Security Council] & <UNSC> "debate"');
    expect(terminalSnippet(html, true)).toBe('the \x1b[1mSecurity Council\x1b[22m & <UNSC> "debate"');
  });
});

describe.each(DIALECTS)("%s: cablegram search", (dialect) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnv(dialect, "search_cli"));
    expect(await run(["import", SEEDS_DIR])).toMatchObject({ code: 0 });
    const user = ["user", "add", "ursula", "--clearance", "UNCLASSIFIED", "--password", "long enough password"];
    expect(await run(user)).toMatchObject({ code: 0 });
  });
  afterAll(() => cleanup());

  async function run(args: string[]) {
    const io = memoryIo(env);
    const code = await main(args, io);
    return { code, out: io.out.join("\n"), err: io.err.join("\n") };
  }

  it("prints the total, each cable with its snippet in brackets, and the facets", async () => {
    const { code, out, err } = await run(["search", "kosovo"]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const lines = out.split("\n");
    expect(lines[0]).toBe("2 cables match kosovo (by relevance).");
    expect(out).toMatch(/^08STATE16245 {2}2008-02-16 {2}UNCLASSIFIED {2}KOSOVO: FOR CHIEFS OF MISSION/m);
    expect(out).toMatch(/^09STATE39345 {2}2009-04-21 {2}CONFIDENTIAL {2}SUPPORTING KOSOVO IN INTERNATIONAL BODIES$/m);
    expect(out).toMatch(/^ {4}.*\[Kosovo\]/m);
    expect(out).not.toContain("<mark>");
    expect(out).toContain("  classification: CONFIDENTIAL 1, UNCLASSIFIED 1");
    expect(out).toMatch(/^ {2}tags: .*KV 1/m);
  });

  it("says when the total is one, and pages with --limit and --cursor", async () => {
    const first = await run(["search", "kosovo", "--limit", "1", "--sort", "date"]);
    expect(first.out.split("\n")[0]).toBe("2 cables match kosovo (by date).");
    expect(first.out).toMatch(/^09STATE39345 /m);
    const cursor = /^More: add --cursor (\S+)$/m.exec(first.out)?.[1];
    expect(cursor).toBeDefined();
    const second = await run(["search", "kosovo", "--limit", "1", "--sort", "date", "--cursor", cursor!]);
    expect(second.out).toMatch(/^08STATE16245 /m);
    expect(second.out).not.toMatch(/^More:/m);
    expect((await run(["search", "tag:UNSC"])).out.split("\n")[0]).toBe("1 cable matches tag:UNSC (by date).");
  });

  it("prints the search result as JSON with --json", async () => {
    const { code, out } = await run(["search", '"security council"', "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as SearchResult;
    expect(result).toMatchObject({ total: 2, totalIsLowerBound: false, nextCursor: null });
    expect(result.results[0]?.snippet).toContain("<mark>");
  });

  it("applies a user's access with --as: an UNCLASSIFIED reader does not see the CONFIDENTIAL seed", async () => {
    const { code, out } = await run(["search", "kosovo", "--as", "ursula"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe("1 cable matches kosovo (by relevance).");
    expect(out).not.toContain("09STATE39345");
    expect(out).not.toContain("CONFIDENTIAL");
  });

  it("records every search in the audit log, with the user it ran as", async () => {
    await run(["search", "demarche request"]);
    await run(["search", "demarche", "--as", "ursula"]);
    const store = await openStore(storeConfigFromEnv(env));
    try {
      const entries = await queryAudit(store, SYSTEM_ACTING, { action: "cable.search" });
      const system = entries.find((e) => e.target === "demarche request");
      expect(system).toMatchObject({ username: null, resultCount: 1, detail: expect.objectContaining({ via: "cli" }) });
      const asUser = entries.find((e) => e.target === "demarche");
      expect(asUser).toMatchObject({ username: "ursula", detail: expect.objectContaining({ as: "ursula" }) });
    } finally {
      await store.close();
    }
  });

  it("shows the query language in --help", async () => {
    const { code, out } = await run(["search", "--help"]);
    expect(code).toBe(0);
    expect(out).toContain(SEARCH_HELP);
  });

  it("exits 2 with the position of a bad query, an unknown user or a bad option, without a stack trace", async () => {
    const bad = await run(["search", 'kosovo "unclosed']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^cablegram search: BAD_QUERY: .*\n {2}kosovo "unclosed\n {9}\^$/);
    const nobody = await run(["search", "kosovo", "--as", "nobody"]);
    expect(nobody).toMatchObject({
      code: 2,
      err: 'cablegram search: no user named "nobody" (see cablegram user list)',
    });
    const sort = await run(["search", "kosovo", "--sort", "alphabetical"]);
    expect(sort).toMatchObject({
      code: 2,
      err: 'cablegram search: --sort must be relevance or date, not "alphabetical"',
    });
    for (const r of [bad, nobody, sort]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});
