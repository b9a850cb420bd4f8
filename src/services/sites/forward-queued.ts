// The forwarder's work: the copies queued for other sites, most urgent first, published once each to this node's
// outbox stream (the message id makes a resend a duplicate), each destination's bell rung, and the copies marked
// sent; a copy the link refuses keeps its reason, and stays queued for the next pass.
import type { JetStreamClient } from "nats";
import { copyMessageId, copySubject, outboxStream, type BellNews, type Precedence } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import type { Clock } from "../clock.ts";
import type { TrafficTally } from "./traffic-events.ts";

/** What forwarding needs of the node: its store and clock, its own JetStream domain, its bells, and whether it stopped. */
export type Forwarding = {
  store: Store;
  clock: Clock;
  js: JetStreamClient;
  ring: (site: string, news: BellNews[]) => void;
  isStopped: () => boolean;
};

const CHUNK = 500;
const enc = new TextEncoder();

/**
 * Publishes what is queued at `here` for sites that have answered its hello (an unanswered site's answer may
 * renumber what is queued for it: resync-marks.ts), in chunks, until nothing is left or the link refuses; counts
 * what it sent and what was refused for the first time into `moved`.
 * @example await forwardQueued({ store, clock, js, ring, isStopped }, "STATE", trafficTally())
 */
export async function forwardQueued(deps: Forwarding, here: string, moved: TrafficTally): Promise<void> {
  const { store, js } = deps;
  for (;;) {
    const rows = await store.db
      .selectFrom("site_copies as c")
      .innerJoin("site_copy_payloads as p", "p.copy_id", "c.id")
      .select(["c.id", "c.cable_id", "c.site", "c.precedence", "p.payload", "c.attempt", "c.last_error"])
      .where("c.state", "=", "queued")
      .where("c.site", "not in", (eb) =>
        eb.selectFrom("site_resyncs").select("site_resyncs.site").where("answered_at", "is", null),
      )
      .orderBy("c.rank")
      .orderBy("c.queued_at")
      .limit(CHUNK)
      .execute();
    if (rows.length === 0 || deps.isStopped()) return;
    const results = await Promise.allSettled(
      rows.map((r) =>
        js.publish(copySubject(r.site, here, r.precedence as Precedence), enc.encode(r.payload), {
          msgID: copyMessageId(r.cable_id, r.site, Number(r.attempt)),
          expect: { streamName: outboxStream(here) },
        }),
      ),
    );
    const sent = rows.filter((_, i) => results[i]!.status === "fulfilled");
    const now = deps.clock.now().toISOString();
    if (sent.length > 0) {
      // The copies are in the stream now: the destinations may pull them while this node notes they were sent.
      for (const site of new Set(sent.map((r) => r.site))) {
        deps.ring(
          site,
          sent.filter((r) => r.site === site).map((r) => r.precedence as Precedence),
        );
      }
      for (const r of sent) moved.add(r.site, "sent", 1);
      await store.db
        .updateTable("site_copies")
        .set({ state: "sent", sent_at: now, last_error: null })
        .where(
          "id",
          "in",
          sent.map((r) => r.id),
        )
        .where("state", "=", "queued")
        .execute();
    }
    const refused = results.find((r) => r.status === "rejected");
    if (refused) {
      const reason = String((refused as PromiseRejectedResult).reason?.message ?? refused);
      const rejected = rows.filter((_, i) => results[i]!.status === "rejected");
      await store.db
        .updateTable("site_copies")
        .set({ last_error: reason })
        .where(
          "id",
          "in",
          rejected.map((r) => r.id),
        )
        .execute();
      // Only news: a copy refused on every beat until the link takes it is told once.
      for (const r of rejected) if (r.last_error === null) moved.add(r.site, "refused", 1);
      return; // the link is down: the beat tries again
    }
  }
}
