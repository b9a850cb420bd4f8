// `cablegram inbox`, `ack` and `actions` against the store the environment names: queued copies are delivered
// first, acknowledgement is recorded, the dashboard prints per post. Both dialects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { fixedClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { openStore, storeConfigFromEnv } from "../src/store/open-store.ts";
import { cliEnv } from "./helpers/cli-env.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { DIALECTS, memoryIo } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("inbox, ack and actions commands on %s", (dialect) => {
  let env: Record<string, string>;
  let demarcheId: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnv(dialect, "inbox_cli"));
    const store = await openStore(storeConfigFromEnv(env));
    await loadDefaultDirectory(store);
    const request = { what: "Deliver the demarche", posts: ["PANAMA"], due: "2099-01-01T00:00:00Z" };
    const deps = { store, clock: fixedClock("2026-02-16T23:19:00Z") };
    demarcheId = (await releaseFields(deps, seedFields("08STATE16245", { actionRequests: [request] }))).id;
    await store.close();
  });
  afterAll(async () => cleanup?.());

  it("delivers what is queued and lists a post's inbox, then acknowledges a copy by id", async () => {
    const io = memoryIo(env);
    expect(await main(["inbox", "--post", "PANAMA", "--json"], io)).toBe(0);
    const items = io.out.map((line) => JSON.parse(line) as { id: string; cableId: string; precedence: string });
    expect(items.map((i) => [i.cableId, i.precedence])).toEqual([[demarcheId, "NIACT IMMEDIATE"]]);
    const ackIo = memoryIo(env);
    expect(await main(["ack", items[0]!.id], ackIo)).toBe(0);
    expect(ackIo.out.join("\n")).toMatch(new RegExp(`${demarcheId} AMEMBASSY PANAMA acknowledged by system`));
    const after = memoryIo(env);
    await main(["inbox", "--post", "PANAMA"], after);
    expect(after.out.join("\n")).toMatch(/acknowledged by system/);
    const urgent = memoryIo(env);
    expect(await main(["inbox", "--post", "PANAMA", "--sort", "precedence"], urgent)).toBe(0);
    expect(urgent.out.join("\n")).toContain(demarcheId);
    const badSort = memoryIo(env);
    expect(await main(["inbox", "--post", "PANAMA", "--sort", "oldest"], badSort)).toBe(2);
    expect(badSort.err).toEqual(['cablegram inbox: --sort must be newest or precedence, not "oldest"']);
  });

  it("prints the action dashboard, and fails with exit 2 for an unknown cable or delivery", async () => {
    const io = memoryIo(env);
    expect(await main(["actions", demarcheId], io), io.err.join("\n")).toBe(0);
    expect(io.out[0]).toBe(`${demarcheId}: 0 reported, 1 acknowledged, 0 pending, 0 overdue`);
    expect(io.out[1]).toMatch(/acknowledged\s+AMEMBASSY PANAMA/);
    expect(await main(["actions", "26STATE999"], memoryIo(env))).toBe(2);
    const bad = memoryIo(env);
    expect(await main(["ack", "no-such-delivery"], bad)).toBe(2);
    expect(bad.err.join("\n")).toMatch(/DELIVERY_NOT_FOUND/);
  });
});
