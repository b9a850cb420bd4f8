// The JetStream side of a site's outbox: the node's own stream of what it sends (copies and receipts), and the
// consumers each other site pulls from it, made or brought up to date whenever the node (re)connects.
import { AckPolicy, nanos, RetentionPolicy, StorageType, type NatsConnection } from "nats";
import {
  copyConsumer,
  copySubject,
  outboxStream,
  PRECEDENCES,
  receiptConsumer,
  receiptSubject,
} from "../../core/index.ts";

/**
 * Makes (or brings up to date) the node's outbox stream and, for each other site, the consumers it pulls: one
 * per precedence and one for its receipts. Work-queue retention: a copy leaves the stream once acknowledged.
 */
export async function ensureOutbox(
  nc: NatsConnection,
  here: string,
  others: string[],
  ackWaitMs: number,
): Promise<void> {
  const jsm = await nc.jetstreamManager({ timeout: 5000 });
  const stream = outboxStream(here);
  const config = {
    name: stream,
    subjects: [`cablegram.copy.*.${here}.*`, `cablegram.receipt.*.${here}`],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    duplicate_window: nanos(10 * 60_000),
  };
  try {
    await jsm.streams.info(stream);
    await jsm.streams.update(stream, config);
  } catch {
    await jsm.streams.add(config);
  }
  for (const site of others) {
    const wanted = [
      ...PRECEDENCES.map((p) => ({ name: copyConsumer(site, p), filter: copySubject(site, here, p) })),
      { name: receiptConsumer(site), filter: receiptSubject(site, here) },
    ];
    for (const c of wanted) {
      await jsm.consumers.add(stream, {
        durable_name: c.name,
        ack_policy: AckPolicy.Explicit,
        filter_subject: c.filter,
        ack_wait: nanos(ackWaitMs),
        max_ack_pending: 20_000,
      });
    }
  }
}
