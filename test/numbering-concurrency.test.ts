// Message numbers under load: 50 releases at once from one station give 50 consecutive serials, with no gap and no
// number given twice, on SQLite and PostgreSQL; a release that fails takes no number either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTelegram } from "../src/telegram/index.ts";
import {
  draftViaApi,
  draftOf,
  expectStatus,
  releaseViaApi,
  tryReleaseViaApi,
  startMessagingServer,
  type MessagingServer,
} from "./helpers/messaging-fixtures.ts";
import { call } from "./helpers/server-fixtures.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

const CONCURRENT = 50;

/** The serial of a canonical STATE id of 2008: 17 of `08STATE17`. */
function serialOf(id: string): number {
  const match = /^08STATE(\d+)$/.exec(id);
  if (!match) throw new Error(`not a 2008 STATE cable id: ${id}`);
  return Number(match[1]);
}

describe.each(DIALECTS)("%s: numbering under concurrent releases", (dialect) => {
  let server: MessagingServer;
  let draftBody: Record<string, unknown>;
  beforeAll(async () => {
    server = await startMessagingServer(dialect, "2008-02-16T23:19:00Z");
    draftBody = draftOf(parseTelegram(readSeed("08STATE16245")));
  });
  afterAll(() => server?.close());

  it(`gives ${CONCURRENT} simultaneous releases consecutive numbers, none twice, none skipped`, async () => {
    const drafts: string[] = [];
    for (let i = 0; i < CONCURRENT; i++) {
      drafts.push((await draftViaApi(server, "drafter", { ...draftBody, subject: `NUMBERING TEST ${i}` })).id);
    }
    const ids = await Promise.all(drafts.map((draft) => releaseViaApi(server, "approver", draft)));
    expect(new Set(ids).size).toBe(CONCURRENT);
    const serials = ids.map(serialOf).sort((a, b) => a - b);
    expect(serials.at(-1)! - serials[0]!).toBe(CONCURRENT - 1);
    for (const id of ids) expectStatus(await call(server, "drafter", { url: `/api/cables/${id}` }), 200, `read ${id}`);

    // A release that fails (the draft is released already) takes no number: the next one follows on.
    const again = await tryReleaseViaApi(server, "approver", drafts[0]!);
    expect(again.statusCode, again.body).toBeGreaterThanOrEqual(400);
    expect(again.statusCode).toBeLessThan(500);
    const next = await draftViaApi(server, "drafter", { ...draftBody, subject: "NUMBERING TEST AFTER A FAILURE" });
    expect(serialOf(await releaseViaApi(server, "approver", next.id))).toBe(serials.at(-1)! + 1);
  });

  it("fails a release alone among concurrent ones (they share a transaction), and it takes no number", async () => {
    const drafts: string[] = [];
    for (let i = 0; i < 6; i++) {
      drafts.push((await draftViaApi(server, "drafter", { ...draftBody, subject: `SHARED TRANSACTION ${i}` })).id);
    }
    const last = serialOf(await releaseViaApi(server, "approver", drafts[1]!));
    serialOf(await releaseViaApi(server, "approver", drafts[4]!));
    const answers = await Promise.all(drafts.map((draft) => tryReleaseViaApi(server, "approver", draft)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 409, 200, 200, 409, 200]);
    const serials = answers.filter((a) => a.statusCode === 200).map((a) => serialOf(a.json<{ id: string }>().id));
    expect(serials.sort((a, b) => a - b)).toEqual([last + 2, last + 3, last + 4, last + 5]);
  });
});
