// One post node of bench:sites in a process of its own, as each site's node runs in production: its own SQLite
// store (directory loaded, plan saved), dispatcher, background checkpoints and site link. Started by bench/sites.ts
// with fork(); answers "ready" once linked, tells the cables each delivery that committed put in its inbox, with the
// time ("inInbox"), answers its CPU time on "cpu", profiles its main thread between "profile-start" and
// "profile-stop <file>", and stops on "stop".
import { join } from "node:path";
import { parseSitePlan, type SitePlan } from "../src/core/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { startDispatcher } from "../src/services/distribution/index.ts";
import { createEventBus } from "../src/services/events/event-bus.ts";
import { saveSitePlan, startSiteNode, type SiteSettings } from "../src/services/sites/index.ts";
import { checkpointInBackground } from "../src/store/background-checkpoints.ts";
import { openStore } from "../src/store/open-store.ts";
import { statementTimings, type StatementFigures } from "../src/store/statement-timings.ts";
import { profileThread } from "./profile-session.ts";

/** What the benchmark hands a node process: where its store goes and how it reaches its leaf server. */
export type NodeProcessSetup = {
  site: string;
  siteList: string;
  dir: string;
  natsUrl: string;
  user: string;
  password: string;
  /** Whether the node times its statements (answered on "timings", forgotten on "reset-timings"). */
  timings: boolean;
};
/** A message from a node process to the benchmark. */
export type NodeProcessMessage =
  | { ready: true }
  | { inInbox: string[]; at: number }
  | { cpuMs: number }
  | { timings: StatementFigures[] }
  | { profiled: string };

/** Now, in ms since the epoch with a fraction: comparable between the benchmark's processes on one machine. */
export const epochNow = () => performance.timeOrigin + performance.now();

/** The store file of a node process: the benchmark reads it beside the node (WAL allows readers in other processes). */
export const nodeStoreFile = (dir: string, site: string) => join(dir, site, "cablegram.db");

/** The link settings of every node of the benchmark, headquarters' too: the production beat, a long ack wait. */
export function benchLinkSettings(plan: SitePlan, leaf: { url: string; user: string; password: string }): SiteSettings {
  return { plan, natsUrl: leaf.url, user: leaf.user, password: leaf.password, ackWaitMs: 30_000, pollMs: 1000 };
}

if (process.send) {
  const setup = JSON.parse(process.argv[2]!) as NodeProcessSetup;
  const timings = setup.timings ? statementTimings() : undefined;
  const store = await openStore({
    dialect: "sqlite",
    file: nodeStoreFile(setup.dir, setup.site),
    keys: { dir: join(setup.dir, setup.site) },
    timings,
  });
  await loadDefaultDirectory(store);
  const plan = parseSitePlan(setup.site, setup.siteList);
  await saveSitePlan(store, plan);
  const checkpoints = checkpointInBackground(store);
  const dispatcher = startDispatcher({ store, clock: systemClock, bus: createEventBus({ store }), senders: [] });
  const link = startSiteNode({
    store,
    clock: systemClock,
    settings: benchLinkSettings(plan, { url: setup.natsUrl, user: setup.user, password: setup.password }),
    // Told of what arrived as soon as it is committed, as the node's live pages are: the benchmark's clock stops there.
    dispatcher: {
      kick: () => dispatcher.kick(),
      objectives: dispatcher.objectives,
      delivered: (batch) => {
        const at = epochNow();
        if (batch.rows.length > 0)
          process.send!({ inInbox: [...new Set(batch.rows.map((r) => r.cable_id))], at } satisfies NodeProcessMessage);
        return dispatcher.delivered(batch);
      },
    },
  });
  await link.ready();
  process.send({ ready: true } satisfies NodeProcessMessage);
  let stopProfile: ((file: string) => Promise<void>) | null = null;
  process.on("message", async (message: string) => {
    if (message === "profile-start") stopProfile = await profileThread();
    if (message.startsWith("profile-stop ") && stopProfile) {
      const file = message.slice("profile-stop ".length);
      await stopProfile(file);
      stopProfile = null;
      process.send!({ profiled: file } satisfies NodeProcessMessage);
    }
    if (message === "cpu") {
      const used = process.cpuUsage();
      process.send!({ cpuMs: (used.user + used.system) / 1000 } satisfies NodeProcessMessage);
    }
    if (message === "reset-timings") timings?.reset();
    if (message === "timings") process.send!({ timings: timings?.figures() ?? [] } satisfies NodeProcessMessage);
    if (message === "stop") {
      await link.stop();
      await dispatcher.stop();
      await checkpoints?.stop();
      await store.close();
      process.exit(0);
    }
  });
}
