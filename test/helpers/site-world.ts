// Sites for tests: a NATS hub and leaf servers on the test's own ports, and Cablegram nodes (a store, a
// dispatcher and a site link each) in this process, headquarters on the dialect under test, posts on SQLite.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSitePlan, type SitePlan } from "../../src/core/index.ts";
import { systemClock } from "../../src/services/clock.ts";
import { loadDefaultDirectory } from "../../src/services/directory/index.ts";
import { startDispatcher, type Dispatcher } from "../../src/services/distribution/index.ts";
import { createEventBus, type EventBus } from "../../src/services/events/event-bus.ts";
import { startLocalNetwork, type LocalNetwork } from "../../src/services/sites/local-network.ts";
import { saveSitePlan } from "../../src/services/sites/site-plan-store.ts";
import { startSiteNode, type SiteNode } from "../../src/services/sites/site-node.ts";
import type { Dialect, Store } from "../../src/store/open-store.ts";
import { openTestStore } from "./test-stores.ts";

/** A running node of one site; its dispatcher and link publish on `bus`. */
export type TestNode = {
  site: string;
  store: Store;
  bus: EventBus;
  dispatcher: Dispatcher;
  link: SiteNode;
  stop(): Promise<void>;
};

export type SiteWorld = {
  net: LocalNetwork;
  sites: string[];
  dir: string;
  nodes: Map<string, TestNode>;
  planOf(site: string): SitePlan;
  /**
   * Starts (or starts again) a site's node on `store`, publishing on `bus` (an app's, for tests that watch its
   * events); by default the bus of the site's node before, or a new one.
   */
  startNode(site: string, store: Store, bus?: EventBus): Promise<TestNode>;
  close(): Promise<void>;
};

/** The network of the sites tests use: headquarters first. */
export const TEST_SITES = ["STATE", "PANAMA", "PARIS"];

/**
 * Starts the NATS network on ports from `basePort` and a node per site, headquarters' store on `dialect`. `pollMs`
 * is the site links' beat (the backstop for bells); 200 by default. `resyncWaitMs` is how long a release on a node
 * just started waits for the other sites' answers (the node's default when absent). Each test file has its own
 * `basePort`, between 20000 and 32767: below Linux's ephemeral range (32768 to 60999), where an outgoing connection
 * (PostgreSQL, Chromium) could hold the port a nats-server wants to listen on.
 * @example const world = await openSiteWorld("sqlite", 22100)
 */
export async function openSiteWorld(
  dialect: Dialect,
  basePort: number,
  sites = TEST_SITES,
  pollMs = 200,
  resyncWaitMs?: number,
): Promise<SiteWorld> {
  const dir = mkdtempSync(join(tmpdir(), "cg-sites-"));
  const net = await startLocalNetwork({ dir, basePort, sites });
  const nodes = new Map<string, TestNode>();
  const planOf = (site: string) => parseSitePlan(site, sites.join(","));
  const startNode = async (site: string, store: Store, given?: EventBus): Promise<TestNode> => {
    const leaf = net.sites.get(site)!;
    const plan = planOf(site);
    await saveSitePlan(store, plan);
    const bus = given ?? nodes.get(site)?.bus ?? createEventBus({ store });
    const dispatcher = startDispatcher({ store, clock: systemClock, bus, senders: [], pollMs: 200 });
    const link = startSiteNode({
      store,
      clock: systemClock,
      settings: {
        plan,
        natsUrl: leaf.url,
        user: leaf.user,
        password: leaf.password,
        ackWaitMs: 1500,
        pollMs,
        ...(resyncWaitMs === undefined ? {} : { resyncWaitMs }),
      },
      dispatcher,
      bus,
    });
    const node: TestNode = {
      site,
      store,
      bus,
      dispatcher,
      link,
      async stop() {
        await link.stop();
        await dispatcher.stop();
      },
    };
    nodes.set(site, node);
    return node;
  };
  for (const site of sites) {
    const store = await openTestStore(site === sites[0] ? dialect : "sqlite", `sites_${site.toLowerCase()}`);
    await loadDefaultDirectory(store);
    await startNode(site, store);
  }
  await Promise.all([...nodes.values()].map((n) => n.link.ready()));
  return {
    net,
    sites,
    dir,
    nodes,
    planOf,
    startNode,
    async close() {
      for (const node of nodes.values()) {
        await node.stop();
        await node.store.close();
      }
      await net.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until `check` answers true, polling; fails naming `what` after `ms`.
 * @example await eventually("Panama holds the copy", async () => (await count(panama)) === 1)
 */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/**
 * Queues a copy again whatever its stage, with a new message id, as a stale retry or a node restored from an older
 * copy would: the duplicate a destination must store once. (A communicator's re-send refuses a settled copy.)
 * @example await sendAgain(world.node("STATE").store, copyId)
 */
export async function sendAgain(store: Store, copyId: string): Promise<void> {
  await store.db
    .updateTable("site_copies")
    .set((eb) => ({ state: "queued", attempt: eb("attempt", "+", 1), last_error: null }))
    .where("id", "=", copyId)
    .execute();
}
