// A node's link to the other sites over NATS JetStream. The node's own JetStream domain (its leaf server) holds
// what it sends in its outbox stream until the next station has stored it: the forwarder publishes the queued
// copies there once each (the message id makes a resend a duplicate); the destination pulls its own consumers
// across domains, FLASH first, stores each copy and acknowledges it only then; receipts come back the same way.
import { coalescingJob as job } from "../coalescing-job.ts";
import { connect, type JetStreamClient, type NatsConnection } from "nats";
import {
  bellBody,
  bellSubject,
  inboxPrefixOf,
  PRECEDENCES,
  receiptSubject,
  readBellBody,
  type BellNews,
} from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import type { Clock } from "../clock.ts";
import type { Dispatcher, DispatcherLogger } from "../distribution/dispatcher.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { CopyPayload } from "./queue-site-copies.ts";
import {
  applyReceipts,
  helloFor,
  markReported,
  progressOwed,
  type AcksWanted,
  type Receipt,
  type ReceiptItem,
} from "./receipts.ts";
import type { SiteSettings } from "./site-settings.ts";
import { storeArrivals } from "./store-arrivals.ts";
import { directoryAnswers } from "../directory/index.ts";
import { resyncAnswer, resyncAsk, type ResyncAsk } from "./resync.ts";
import { markResyncsPending, noteAskedAgain, RESYNC_WAIT_MS, resyncsAskedBefore } from "./resync-marks.ts";
import type { Pulled } from "./pull-batch.ts";
import { pullOrigin, PULLED, type FromOrigin, type Wanted } from "./pull-origin.ts";
import { tellSiteTraffic, trafficTally, type TrafficTally } from "./traffic-events.ts";
import { ensureOutbox } from "./outbox-stream.ts";
import { forwardQueued } from "./forward-queued.ts";

export type SiteNodeOptions = {
  store: Store;
  clock: Clock;
  settings: SiteSettings;
  /**
   * This node's dispatcher: arriving copies are delivered as they are stored, with its deadlines, and it tells of
   * them (events, alerts sent at once); releases taken back from another site wake it.
   */
  dispatcher?: Pick<Dispatcher, "kick" | "objectives" | "delivered">;
  /** Where the node tells the communicators' pages how its traffic moved (`site.traffic`, batched per pass). */
  bus?: EventBus;
  logger?: DispatcherLogger;
  /** Messages pulled per consumer and round; default 500. */
  batch?: number;
};

export type SiteNode = {
  /**
   * Asks for a pass over the cross-site outbox soon (after a release or a communicator's command commits); while the
   * link is down, the pass tells the communicators what is now waiting instead.
   */
  kick(): void;
  /** Whether the node's NATS server is reachable now. */
  connected(): boolean;
  /** Resolves once the node is connected and its outbox stream and consumers exist. */
  ready(): Promise<void>;
  /**
   * Resolves once the node has recorded that it awaits each site's answer to its hello (at once, before it
   * connects): from then on a release here waits for the answers, and copies wait for their site's.
   */
  resyncMarked(): Promise<void>;
  /** Runs every pass once more and waits for them: for tests and tools. */
  drain(): Promise<void>;
  /** Stops the passes and closes the connection (what is queued stays queued, in the database and the stream). */
  stop(): Promise<void>;
};

/** How far before its last pass began a beat looks for acknowledgements: longer than any transaction runs. */
const ACK_MARGIN_MS = 10 * 60_000;

/** How long a site that answers pulls may leave a hello unanswered before it is asked again. */
const ASK_AGAIN_MS = 30_000;

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * Starts the site link in the background: it connects (retrying for as long as the NATS server is away), makes
 * the outbox stream and the consumers the other sites pull from, says hello to each origin (what this node holds),
 * and runs the passes on every kick, bell, reconnection and beat.
 * @example const node = startSiteNode({ store, clock, settings, dispatcher })
 */
export function startSiteNode(options: SiteNodeOptions): SiteNode {
  const { store, settings } = options;
  const { plan } = settings;
  const here = plan.here;
  const others = plan.sites.map((s) => s.name).filter((s) => s !== here);
  const batch = options.batch ?? 500;
  let nc: NatsConnection | null = null;
  let stopped = false;
  let isUp = false;
  /** Origins whose bell rang since the last pull pass, with what they said waits (null: anything); `everyone`
   * after a beat or a reconnection. */
  const rang: Wanted = new Map();
  let everyone = true;
  /** Whether the next receipt pass looks for acknowledgements too (after a beat), not only deliveries. */
  let acksOwed = true;
  /** Whether copies were queued since the last forward pass (a kick, not a beat): told while the link is down. */
  let queuedSince = false;
  /** Whether the hellos have gone out; and when each other site last answered a pull (real time). */
  let helloed = false;
  const reached = new Map<string, number>();
  /** The addressees of arriving cables, resolved once while the directory does not change. */
  const directories = directoryAnswers();
  const domains = new Map<string, JetStreamClient>();
  const jsOf = (site: string) => {
    let js = domains.get(site);
    if (!js) {
      js = nc!.jetstream(site === here ? { timeout: 5000 } : { domain: site, timeout: 5000 });
      domains.set(site, js);
    }
    return js;
  };
  const failed = (what: string) => (error: unknown) => options.logger?.error({ err: error }, `site ${what} failed`);
  /** Rings `site`'s bell from here, saying what waits for it. */
  const ring = (site: string, news: BellNews[]) => nc?.publish(bellSubject(site, here), bellBody(news));

  // Sends the queued copies, most urgent first, and rings each destination's bell; tells the communicators once
  // per pass what it sent and what the link refused. A site that has not answered this node's hello gets nothing
  // yet: its answer may renumber what is queued for it (resync-marks.ts).
  const forward = async () => {
    const queued = queuedSince;
    queuedSince = false;
    if (!isUp) {
      if (queued) await tellWaiting();
      return;
    }
    const moved = trafficTally();
    try {
      await forwardQueued({ store, clock: options.clock, js: jsOf(here), ring, isStopped: () => stopped }, here, moved);
    } finally {
      await tellSiteTraffic(options.bus, here, moved.counts());
    }
  };

  // While the link is down nothing is sent to say so: the communicators hear what is waiting here, site by site.
  const tellWaiting = async () => {
    const waiting = await store.db
      .selectFrom("site_copies")
      .select((eb) => ["site", eb.fn.countAll<number>().as("copies")])
      .where("state", "=", "queued")
      .groupBy("site")
      .execute();
    const moved = trafficTally();
    for (const w of waiting) moved.add(w.site, "queued", Number(w.copies));
    await tellSiteTraffic(options.bus, here, moved.counts());
  };

  // Pulls what the origins hold for this node, in rounds: a round asks each origin in it at once for what its bell
  // named (receipts, a batch of copies of a precedence), or for all of it after a beat (one round trip, whatever the
  // number of origins), stores the copies in one transaction, most urgent first, and then acknowledges them. An
  // origin stays in the next round for the consumers that gave a full batch, and one that rang meanwhile joins it.
  // Behind a full round (a backlog), the next one is asked for before this one is stored, so the transfer overlaps
  // the store; a FLASH copy then waits two rounds at most, never behind the backlog. An origin that does not answer
  // is left out for the rest of the pass (the beat tries again).
  const pull = async () => {
    if (!isUp) return;
    const due = takeDue();
    let next: Promise<FromOrigin[]> | null = due.size > 0 ? pullRound(due) : null;
    while (next && !stopped) {
      const round = await next;
      const more = new Map(round.filter((r) => r.full.length > 0).map((r) => [r.origin, new Set(r.full)]));
      next = more.size > 0 ? pullRound(more) : null;
      await receive(round);
      // What rang meanwhile joins the next round, but for the consumers that round already asks again.
      const rangNow: Wanted = new Map();
      for (const [origin, news] of takeDue()) {
        const asked = more.get(origin);
        if (asked === undefined) rangNow.set(origin, news);
        else {
          const left = (news === null ? PULLED : [...news]).filter((n) => !asked.has(n));
          if (left.length > 0) rangNow.set(origin, new Set(left));
        }
      }
      if (rangNow.size > 0) {
        const ahead = next;
        const joined = pullRound(rangNow);
        next = ahead ? Promise.all([ahead, joined]).then(([a, b]) => [...a, ...b]) : joined;
      }
    }
  };

  /** The origins to pull from now, and what from each: those that rang since the last pass, or all after a beat. */
  const takeDue = (): Wanted => {
    const due: Wanted = everyone ? new Map(others.map((o) => [o, null])) : new Map(rang);
    everyone = false;
    rang.clear();
    return due;
  };

  /** Notes a bell from `origin` saying what waits there (null: anything). */
  const rings = (origin: string, news: BellNews[] | null) => {
    const before = rang.get(origin);
    if (before === null) return;
    rang.set(origin, news === null ? null : new Set([...(before ?? []), ...news]));
  };

  const pullRound = async (wanted: Wanted): Promise<FromOrigin[]> => {
    const round = await Promise.all([...wanted].map(([origin, news]) => pullOrigin(nc, here, origin, news, batch)));
    for (const r of round) if (r.answered) reached.set(r.origin, Date.now());
    return round;
  };

  // Applies the receipts of a round, then stores its copies (FLASH first, across origins) and tells each origin
  // so before acknowledging them; tells the communicators once per round what moved.
  const receive = async (round: FromOrigin[]) => {
    const moved = trafficTally();
    try {
      await receiveInto(round, moved);
    } finally {
      await tellSiteTraffic(options.bus, here, moved.counts());
    }
  };

  const receiveInto = async (round: FromOrigin[], moved: TrafficTally) => {
    let again = 0;
    for (const { origin, receipts } of round) {
      const read: Receipt[] = [];
      for (const m of receipts) {
        try {
          const receipt = JSON.parse(dec.decode(m.data)) as Receipt;
          if (receipt.from === origin) read.push(receipt);
        } catch (error) {
          options.logger?.warn({ err: error, origin }, "refused a receipt that could not be read");
        }
      }
      if (read.length > 0) {
        const requeued = await applyReceipts(store, here, read);
        again += requeued;
        moved.add(origin, "requeued", requeued);
        for (const item of read.flatMap((r) => r.items)) moved.add(origin, item.stage, 1);
      }
      // Releases taken back have deliveries of their own here again, for the dispatcher.
      if (read.some((r) => (r.recovered?.length ?? 0) > 0)) options.dispatcher?.kick();
      for (const m of receipts) m.ack();
      for (const hello of read.filter((r) => r.sent !== undefined)) {
        await answerHello(origin, { sent: hello.sent!, settled: hello.settled ?? hello.sent! });
      }
    }
    if (again > 0) forwarding.kick();
    const copies: CopyPayload[] = [];
    const good: Pulled[] = [];
    PRECEDENCES.forEach((_, rank) => {
      for (const { origin, copies: byRank } of round) {
        for (const m of byRank[rank]!) {
          try {
            const copy = JSON.parse(dec.decode(m.data)) as CopyPayload;
            if (copy.v !== 1 || copy.origin !== origin || !copy.cable?.id) throw new Error("not a copy");
            copies.push(copy);
            good.push(m);
          } catch (error) {
            options.logger?.warn({ err: error, origin, subject: m.subject }, "refused a message that is not a copy");
            m.term();
          }
        }
      }
    });
    if (copies.length === 0) return;
    const { stored, fresh } = await storeArrivals({ ...options, directories }, copies);
    for (const [origin, count] of fresh) moved.add(origin, "arrived", count);
    // The receipt is in this node's own stream before the copies are acknowledged: a crash between the two makes
    // JetStream offer the copies again, which are then held already and receipted again.
    const origins = [...new Set(stored.map((s) => s.origin))];
    await Promise.all(
      origins.map((origin) => {
        // Stored and, where it was delivered in the same transaction, delivered: one receipt for both.
        const items = stored
          .filter((s) => s.origin === origin)
          .flatMap((s): ReceiptItem[] => [
            { cable: s.cableId, stage: "stored", at: s.at },
            ...(s.deliveredAt === null ? [] : [{ cable: s.cableId, stage: "delivered" as const, at: s.deliveredAt }]),
          ]);
        return jsOf(here).publish(
          receiptSubject(origin, here),
          enc.encode(JSON.stringify({ from: here, items } satisfies Receipt)),
        );
      }),
    );
    for (const m of good) m.ack();
    for (const origin of origins) ring(origin, ["receipts"]);
    // A copy not delivered in its own transaction (its inbox copies came with another origin's) is told by the pass.
    if (stored.some((s) => s.deliveredAt === null)) report.kick();
  };

  // Tells a restarted origin what it may have lost: the stages of the copies it is unsure of, and copies it lost.
  const answerHello = async (origin: string, ask: ResyncAsk) => {
    const answer = await resyncAnswer(store, here, origin, ask);
    for (const receipt of answer) {
      await jsOf(here).publish(receiptSubject(origin, here), enc.encode(JSON.stringify(receipt)));
    }
    ring(origin, ["receipts"]);
  };

  // Asks again a site that is up but has not answered the hello (its answer lost on the way), so that copies held
  // for it are not held for good; a site that is away is not asked, so asks do not pile up in the stream meanwhile.
  const askAgain = async () => {
    if (!isUp || !helloed) return;
    const now = options.clock.now();
    const due = await resyncsAskedBefore(store.db, new Date(now.getTime() - ASK_AGAIN_MS).toISOString());
    for (const site of due.filter((s) => Date.now() - (reached.get(s) ?? 0) < ASK_AGAIN_MS)) {
      const ask: Receipt = { from: here, items: [], ...(await resyncAsk(store, here, site)) };
      await jsOf(here).publish(receiptSubject(site, here), enc.encode(JSON.stringify(ask)));
      await noteAskedAgain(store, site, now.toISOString());
      ring(site, ["receipts"]);
    }
  };

  // Tells each origin how far its copies have got here: delivered to the inbox, acknowledged by a person. The first
  // beat after a start looks at every copy not yet reported acknowledged; later beats only at deliveries
  // acknowledged since the last full pass began, less a margin for acknowledgements committed late.
  let ackedSince: string | null = null;
  const reportProgress = async () => {
    if (!isUp) return;
    const acknowledged = acksOwed;
    acksOwed = false;
    const startedAt = options.clock.now().getTime();
    const acks: AcksWanted = !acknowledged ? "none" : ackedSince === null ? "all" : { since: ackedSince };
    for (;;) {
      const owed = await progressOwed(store, 500, acks);
      for (const [origin, items] of owed) {
        await jsOf(here).publish(
          receiptSubject(origin, here),
          enc.encode(JSON.stringify({ from: here, items } satisfies Receipt)),
        );
        await markReported(store, origin, items);
        ring(origin, ["receipts"]);
      }
      const reported = [...owed.values()].reduce((n, items) => n + items.length, 0);
      if (stopped) return;
      if (reported < 500) break;
    }
    if (acknowledged) ackedSince = new Date(startedAt - ACK_MARGIN_MS).toISOString();
  };

  const forwarding = job(forward, () => stopped, failed("forward pass"));
  const pulling = job(pull, () => stopped, failed("pull pass"));
  const report = job(reportProgress, () => stopped, failed("receipt pass"));
  const asking = job(askAgain, () => stopped, failed("resync ask"));
  const kickAll = () => {
    everyone = true;
    acksOwed = true;
    forwarding.kick();
    pulling.kick();
    report.kick();
    asking.kick();
  };

  // Before anything can be sent: copies to a site wait until it has answered the hello below.
  const marking = markResyncsPending(store, here, others, options.clock.now(), settings.resyncWaitMs ?? RESYNC_WAIT_MS);
  const readiness = (async () => {
    await marking;
    const connection = await connect({
      servers: settings.natsUrl,
      ...(settings.user ? { user: settings.user, pass: settings.password ?? "" } : {}),
      inboxPrefix: inboxPrefixOf(here),
      name: `cablegram-${here}`,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      pingInterval: 5000,
    });
    if (stopped) {
      await connection.close();
      return;
    }
    nc = connection;
    await ensureOutbox(connection, here, others, settings.ackWaitMs);
    isUp = true;
    // One subscription per origin, each subject literal: the hub passes a site's interest on to a leaf only for
    // subjects that leaf may publish, and a wildcard over origins is not one of them (the bell would never cross).
    for (const origin of others) {
      connection.subscribe(bellSubject(here, origin), {
        callback: (error, bell) => {
          rings(origin, error ? null : readBellBody(dec.decode(bell.data)));
          pulling.kick();
        },
      });
    }
    for (const origin of others) {
      // The time first: whatever is stored after it is held, whatever the hello's number says.
      const helloAt = options.clock.now().toISOString();
      const hello: Receipt = {
        from: here,
        items: [],
        hello: await helloFor(store, origin),
        helloAt,
        ...(await resyncAsk(store, here, origin)),
      };
      await jsOf(here).publish(receiptSubject(origin, here), enc.encode(JSON.stringify(hello)));
      ring(origin, ["receipts"]);
    }
    helloed = true;
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === "disconnect" && isUp) {
          isUp = false;
          await tellSiteTraffic(options.bus, here, [], "down").catch(failed("traffic event"));
        }
        if (status.type === "reconnect") {
          // The node's own server may have come back without its stream (a new store): make it again.
          await ensureOutbox(connection, here, others, settings.ackWaitMs).catch(failed("outbox setup"));
          isUp = true;
          await tellSiteTraffic(options.bus, here, [], "up").catch(failed("traffic event"));
          kickAll();
        }
      }
    })();
    await tellSiteTraffic(options.bus, here, [], "up");
    kickAll();
  })();
  readiness.catch(failed("connection"));

  const beat = setInterval(kickAll, settings.pollMs);
  beat.unref();
  return {
    kick() {
      queuedSince = true;
      forwarding.kick();
    },
    connected: () => isUp,
    ready: () => readiness,
    resyncMarked: () => marking,
    async drain() {
      await Promise.all([forwarding.idle(), pulling.idle(), report.idle()]);
      await forward();
      everyone = true;
      await pull();
      acksOwed = true;
      await reportProgress();
    },
    async stop() {
      stopped = true;
      clearInterval(beat);
      await Promise.all([forwarding.idle(), pulling.idle(), report.idle(), asking.idle()]);
      await nc?.close();
    },
  };
}
