// A live event stream lasts for hours, and what it may show ends with the session that opened it: signing out, or
// an administrator lowering the user's clearance, ends the stream within the recheck period, so no event reaches
// the browser after it; reopened, the stream serves whoever the session now is. Both dialects.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { updateUser } from "../src/services/users/index.ts";
import { classifiedFields, releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

const RECHECK_MS = 100;

/** Everything a stream sends until the server ends it, or until `ms` pass (then `ended` is false). */
async function readUntilEnd(response: Response, ms: number): Promise<{ text: string; ended: boolean }> {
  const decoder = new TextDecoder();
  const body = response.body!.getReader();
  let text = "";
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const next = await Promise.race([
      body.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
    ]);
    if (next === null) break;
    if (next.done) return { text, ended: true };
    text += decoder.decode(next.value);
  }
  await body.cancel();
  return { text, ended: false };
}

describe.each(DIALECTS)("live event streams and sessions on %s", (dialect) => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { messaging: { pollMs: 0, senders: [] }, eventsRecheckMs: RECHECK_MS });
    await server.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => server?.close());

  const streamOf = (cookie: string) => fetch(`${base}/api/events`, { headers: { cookie } });
  const release = async (fields = seedFields()) => {
    const { id } = await releaseFields(server.deps, fields);
    await server.app.messaging.dispatcher.drain();
    return id;
  };

  it("keeps a stream open while its session stands and the user sees what they saw", async () => {
    const stream = await streamOf(await server.freshCookie("secret"));
    const id = await release();
    const { text, ended } = await readUntilEnd(stream, RECHECK_MS * 10);
    expect(ended).toBe(false);
    expect(text).toContain(id);
  });

  it("ends a stream once its session signs out, and tells it nothing released after", async () => {
    const cookie = await server.freshCookie("secret");
    const stream = await streamOf(cookie);
    const signOut = await fetch(`${base}/api/session`, {
      method: "DELETE",
      headers: { cookie, "content-type": "application/json" },
    });
    expect(signOut.status, await signOut.text()).toBe(204);
    const { text, ended } = await readUntilEnd(stream, RECHECK_MS * 30);
    expect(ended).toBe(true);
    const after = await release();
    expect(text).not.toContain(after);
    // Opened again with the ended session's cookie, the stream is refused.
    expect((await streamOf(cookie)).status).toBe(401);
  });

  it("ends a stream when the user's clearance is lowered; reopened, it no longer carries SECRET cables", async () => {
    const cookie = await server.freshCookie("confidential");
    await updateUser(server.deps, SYSTEM_ACTING, "confidential", { clearance: "SECRET", accesses: ["NOFORN"] });
    try {
      const stream = await streamOf(cookie);
      const secret = await release(classifiedFields("SECRET", seedFields("08STATE16245", { caveats: ["NOFORN"] })));
      await updateUser(server.deps, SYSTEM_ACTING, "confidential", { clearance: "CONFIDENTIAL", accesses: [] });
      const before = await readUntilEnd(stream, RECHECK_MS * 30);
      expect(before.ended).toBe(true);
      expect(before.text).toContain(secret);

      const again = await streamOf(cookie);
      const secondSecret = await release(
        classifiedFields("SECRET", seedFields("08STATE16245", { caveats: ["NOFORN"] })),
      );
      const plain = await release();
      const after = await readUntilEnd(again, RECHECK_MS * 10);
      expect(after.text).toContain(plain);
      expect(after.text).not.toContain(secondSecret);
    } finally {
      await updateUser(server.deps, SYSTEM_ACTING, "confidential", { clearance: "CONFIDENTIAL", accesses: [] });
    }
  });
});
