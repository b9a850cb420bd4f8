// Who may do what in a cable's life, over HTTP: a drafter cannot release, a reader cannot draft, an approver of
// another post cannot release headquarters' cable, and an uncleared user receives no live event about a classified
// cable (while receiving the events of an unclassified one, so the silence means something).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import {
  draftViaApi,
  draftOf,
  eventually,
  expectStatus,
  openEventStream,
  postDrafter,
  releaseViaApi,
  tryReleaseViaApi,
  startMessagingServer,
  type MessagingServer,
} from "./helpers/messaging-fixtures.ts";
import { call } from "./helpers/server-fixtures.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

/** The CONFIDENTIAL seed 09STATE39345 as a draft, also sent for information to AMEMBASSY PARIS. */
function confidentialDraft(): Record<string, unknown> {
  const cable: Cable = parseTelegram(readSeed("09STATE39345"));
  const paris = { route: "RUEHFR", name: "AMEMBASSY PARIS", office: null, precedence: "PRIORITY" as const, mcn: null };
  return draftOf({ ...cable, info: [...cable.info, paris] });
}

describe.each(DIALECTS)("%s: permissions in a cable's life", (dialect) => {
  let server: MessagingServer;
  beforeAll(async () => {
    server = await startMessagingServer(dialect, "2009-04-21T13:00:00Z");
  });
  afterAll(() => server?.close());

  it("refuses a draft from a reader with FORBIDDEN", async () => {
    const res = await call(server, "reader", { method: "POST", url: "/api/drafts", payload: confidentialDraft() });
    expectStatus(res, 403, "a reader drafts");
    expect(res.json()).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses release to the drafter and to an approver of another post; the post's approver releases", async () => {
    const { id } = await draftViaApi(server, "drafter", confidentialDraft());
    const byDrafter = await tryReleaseViaApi(server, "drafter", id);
    expectStatus(byDrafter, 403, "the drafter releases");
    const byOtherPost = await tryReleaseViaApi(server, postDrafter("PANAMA"), id);
    expect(byOtherPost.statusCode, byOtherPost.body).toBeGreaterThanOrEqual(403);
    expect(byOtherPost.statusCode).toBeLessThan(500);
    expect(await releaseViaApi(server, "approver", id)).toMatch(/^09STATE\d+$/);
  });

  it("sends an uncleared user no event about a classified cable, and the unclassified one's events", async () => {
    const address = await server.app.listen({ port: 0, host: "127.0.0.1" });
    const uncleared = await openEventStream(address, await server.freshCookie("uncleared"));
    const cleared = await openEventStream(address, await server.freshCookie("admin"));
    try {
      const secret = await draftViaApi(server, "drafter", confidentialDraft());
      const secretId = await releaseViaApi(server, "approver", secret.id);
      const plain = await draftViaApi(server, "drafter", draftOf(parseTelegram(readSeed("08STATE16245"))));
      const plainId = await releaseViaApi(server, "approver", plain.id);
      await eventually("the cleared user's event about the confidential cable", async () =>
        cleared.received().includes(secretId),
      );
      // Events go out in order, so once the later, unclassified cable has reached the uncleared user, anything
      // about the confidential one would have reached them before it.
      await eventually("the uncleared user's event about the unclassified cable", async () =>
        uncleared.received().includes(plainId),
      );
      expect(uncleared.received()).not.toContain(secretId);
      expect(uncleared.received()).not.toContain(secret.id);
      expect(uncleared.received()).not.toContain("SUPPORTING KOSOVO");
    } finally {
      uncleared.close();
      cleared.close();
    }
  });
});
