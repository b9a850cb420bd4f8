// Saved searches that watch (issue 17 item 16), over HTTP on SQLite and PostgreSQL: a watching search leaves its
// owner a notice, and a live event, for each newly archived cable it matches, judged by the owner's access at that
// moment; a search not watching leaves none; nobody turns another user's watch on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import type { BusEvent } from "../src/services/events/event-bus.ts";
import { notifyWatchingSearches } from "../src/services/saved-searches/index.ts";
import { findUser, updateUser } from "../src/services/users/index.ts";
import { readerOf } from "../src/services/users/reader-of.ts";
import { seed, variantOf } from "./helpers/archive-fixtures.ts";
import { call, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

type Notices = { notices: { name: string; cableId: string; read: boolean }[]; unread: number };

describe.each(DIALECTS)("%s: saved searches that watch", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server?.close());

  const base = () => seed("09STATE39345").cable;
  /** Archives a new Kosovo cable of the given classification, as an import does, and lets watching searches know. */
  const arrive = async (id: string, classification: "SECRET" | "UNCLASSIFIED") => {
    // archived_at is the real time (archive-cables.ts), not the test clock's.
    const since = new Date().toISOString();
    await archiveCables(server.store, [
      { cable: variantOf(base(), { id, classification, caveats: [], subject: `KOSOVO RECOGNITION ${id}` }), raw: null },
    ]);
    return notifyWatchingSearches({ ...server.deps, bus: server.app.messaging.bus }, { archivedSince: since });
  };
  const notices = async (user: "secret" | "unclassified") => {
    const res = await call(server, user, { url: "/api/search-notices" });
    expect(res.statusCode).toBe(200);
    return res.json() as Notices;
  };
  const saveWatching = async (user: "secret" | "unclassified", name: string, query: string) => {
    const saved = await call(server, user, { method: "POST", url: "/api/saved-searches", payload: { name, query } });
    expect(saved.json()).toMatchObject({ watch: false });
    const id = (saved.json() as { id: string }).id;
    const watched = await call(server, user, {
      method: "PUT",
      url: `/api/saved-searches/${id}/watch`,
      payload: { watch: true },
    });
    expect(watched.statusCode).toBe(200);
    expect(watched.json()).toMatchObject({ id, name, watch: true });
    return id;
  };

  it("leaves the owner a notice and a live event for a new matching cable they may read, and no one else", async () => {
    const secretSearch = await saveWatching("secret", "Kosovo watch", "kosovo recognition");
    await saveWatching("unclassified", "Kosovo too", "kosovo");
    await call(server, "secret", {
      method: "POST",
      url: "/api/saved-searches",
      payload: { name: "Not watching", query: "kosovo" },
    });
    const secret = (await findUser(server.store, "secret"))!;
    const heard: BusEvent[] = [];
    const stop = server.app.messaging.bus.subscribe(readerOf(secret), (e) => heard.push(e));
    try {
      expect(await arrive("09STATE91001", "SECRET")).toBe(1);
    } finally {
      stop();
    }
    const mine = await notices("secret");
    expect(mine.unread).toBe(1);
    expect(mine.notices).toMatchObject([{ name: "Kosovo watch", cableId: "09STATE91001", read: false }]);
    type Heard = { kind: string; detail: { searchId: string } };
    expect(heard.map((e) => [e.type, e.userId, (e.data as Heard).kind, (e.data as Heard).detail.searchId])).toEqual([
      ["notification", secret.id, "search.matched", secretSearch],
    ]);
    // The UNCLASSIFIED reader's watching search matches the words, but not what they may read.
    expect((await notices("unclassified")).notices).toEqual([]);
    // Checked again (a release and an import racing), a match is not told twice.
    expect(await notifyWatchingSearches(server.deps, { cableIds: ["09STATE91001"] })).toBe(0);
  });

  it("judges by the owner's access when the cable arrives: a user whose clearance was lowered is not told", async () => {
    await updateUser(server.deps, SYSTEM_ACTING, "secret", { clearance: "UNCLASSIFIED" });
    try {
      expect(await arrive("09STATE91002", "SECRET")).toBe(0);
      // Nor shown what they were told of before and may no longer read.
      expect((await notices("secret")).notices).toEqual([]);
      expect(await arrive("09STATE91003", "UNCLASSIFIED")).toBe(2);
      expect((await notices("secret")).notices.map((n) => n.cableId)).toEqual(["09STATE91003"]);
      expect((await notices("unclassified")).notices.map((n) => n.cableId)).toEqual(["09STATE91003"]);
    } finally {
      await updateUser(server.deps, SYSTEM_ACTING, "secret", { clearance: "SECRET" });
    }
  });

  it("marks notices read, and stops telling once the watch is off", async () => {
    const marked = await call(server, "secret", { method: "POST", url: "/api/search-notices/read" });
    expect(marked.json()).toEqual({ marked: 2 });
    expect((await notices("secret")).unread).toBe(0);
    const list = (await call(server, "secret", { url: "/api/saved-searches" })).json() as {
      id: string;
      watch: boolean;
    }[];
    for (const s of list.filter((s) => s.watch)) {
      const off = await call(server, "secret", {
        method: "PUT",
        url: `/api/saved-searches/${s.id}/watch`,
        payload: { watch: false },
      });
      expect(off.json()).toMatchObject({ watch: false });
    }
    expect(await arrive("09STATE91004", "UNCLASSIFIED")).toBe(1); // the UNCLASSIFIED reader's, still watching
    expect((await notices("secret")).unread).toBe(0);
  });

  it("answers 404 for another user's search, exactly like a missing one", async () => {
    const theirs = (await call(server, "unclassified", { url: "/api/saved-searches" })).json() as { id: string }[];
    const stolen = await call(server, "secret", {
      method: "PUT",
      url: `/api/saved-searches/${theirs[0]!.id}/watch`,
      payload: { watch: false },
    });
    const missing = await call(server, "secret", {
      method: "PUT",
      url: "/api/saved-searches/no-such-id/watch",
      payload: { watch: false },
    });
    expect([stolen.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(stolen.json().code).toBe("SAVED_SEARCH_NOT_FOUND");
  });
});
