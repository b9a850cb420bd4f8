// The hash chain catches tampering: one byte flipped anywhere in any stored released cable makes verification fail,
// naming that cable; put back, the chain verifies again. On SQLite and PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../src/services/chain/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import {
  draftViaApi,
  draftOf,
  releaseViaApi,
  startMessagingServer,
  type MessagingServer,
} from "./helpers/messaging-fixtures.ts";
import { alteredVerdict } from "./helpers/chain-verdict.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

/** The stored model of an archived cable: the bytes the chain vouches for. */
async function storedModel(store: Store, id: string): Promise<{ seq: number; model: string }> {
  const row = await store.db
    .selectFrom("cables as c")
    .innerJoin("cable_texts as t", "t.seq", "c.seq")
    .select(["c.seq", "t.model"])
    .where("c.id", "=", id)
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), model: row.model };
}

async function writeModel(store: Store, seq: number, model: string): Promise<void> {
  await store.db.updateTable("cable_texts").set({ model }).where("seq", "=", seq).execute();
}

/** One character of `text` changed in one bit (kept printable ASCII, so both dialects store it as given). */
function flipOneByte(text: string, at: number): string {
  const code = text.charCodeAt(at);
  const flipped = code ^ 1;
  const replacement = flipped >= 0x20 && flipped < 0x7f ? flipped : code === 0x41 ? 0x42 : 0x41;
  return `${text.slice(0, at)}${String.fromCharCode(replacement)}${text.slice(at + 1)}`;
}

describe.each(DIALECTS)("%s: the hash chain names the altered cable", (dialect) => {
  let server: MessagingServer;
  const ids: string[] = [];
  beforeAll(async () => {
    server = await startMessagingServer(dialect, "2009-04-21T14:01:00Z");
    for (const seed of ["08STATE16245", "09STATE39345", "08STATE16245"] as const) {
      const { id } = await draftViaApi(server, "drafter", draftOf(parseTelegram(readSeed(seed))));
      ids.push(await releaseViaApi(server, "approver", id));
    }
  });
  afterAll(() => server?.close());

  it("verifies the untouched chain", async () => {
    expect(await verifyChain(server.store)).toMatchObject({ ok: true, links: 3 });
  });

  it("names the cable in which any single byte was altered, and verifies again once it is restored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: ids.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (which, where) => {
          const id = ids[which]!;
          const { seq, model } = await storedModel(server.store, id);
          const at = Math.min(model.length - 1, Math.floor(where * model.length));
          const altered = flipOneByte(model, at);
          expect(altered).not.toBe(model);
          await writeModel(server.store, seq, altered);
          try {
            const verdict = await verifyChain(server.store);
            expect(verdict, `byte ${at} of ${id}`).toMatchObject(alteredVerdict(id));
          } finally {
            await writeModel(server.store, seq, model);
          }
        },
      ),
      { numRuns: 30 },
    );
    expect(await verifyChain(server.store)).toMatchObject({ ok: true, links: 3 });
  });
});
