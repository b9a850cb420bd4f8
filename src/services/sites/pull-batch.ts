// One pull from a consumer in another site's JetStream domain, with a deadline of our own: the request asks for
// what is there now (no_wait), so the origin answers at once with copies or "none"; when it does not answer at all
// (its link or ours is down) the deadline ends the pull and the subscription with it.
import { createInbox, type Msg, type NatsConnection } from "nats";

/** A pulled message: its subject and data, and the acknowledgements JetStream understands. */
export type Pulled = { subject: string; data: Uint8Array; ack(): void; term(): void };

/** What a pull got: the messages, and whether the origin answered (false: unreachable, try later). */
export type PullResult = { msgs: Pulled[]; answered: boolean };

/**
 * Pulls up to `batch` messages from `consumer` on `stream` in `domain`, answering within `ms`.
 * @example const { msgs, answered } = await pullBatch(nc, "_INBOX_PANAMA", "STATE", "OUTBOX_STATE", "PANAMA_Z", 100, 1000)
 */
export function pullBatch(
  nc: NatsConnection,
  inboxPrefix: string,
  domain: string,
  stream: string,
  consumer: string,
  batch: number,
  ms: number,
): Promise<PullResult> {
  return new Promise((resolve) => {
    const msgs: Pulled[] = [];
    let done = false;
    const finish = (answered: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.unsubscribe();
      resolve({ msgs, answered });
    };
    const sub = nc.subscribe(createInbox(inboxPrefix), {
      callback: (error, m) => {
        if (error) return finish(false);
        const code = m.headers?.code ?? 0;
        // A status (404 none left, 408 expired, 503 nobody answers the subject) ends the pull.
        if (code > 0 && m.data.length === 0) return finish(code === 404 || code === 408);
        msgs.push(pulled(nc, m));
        if (msgs.length >= batch || pendingOf(m.reply) === 0) finish(true);
      },
    });
    const timer = setTimeout(() => finish(false), ms);
    nc.publish(
      `$JS.${domain}.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`,
      new TextEncoder().encode(JSON.stringify({ batch, no_wait: true })),
      { reply: sub.getSubject() },
    );
  });
}

function pulled(nc: NatsConnection, m: Msg): Pulled {
  return {
    subject: m.subject,
    data: m.data,
    ack: () => nc.publish(m.reply!, new TextEncoder().encode("+ACK")),
    term: () => nc.publish(m.reply!, new TextEncoder().encode("+TERM")),
  };
}

/** Messages left after this one, from the acknowledgement subject (both of the server's formats); -1 unknown. */
function pendingOf(reply: string | undefined): number {
  const tokens = reply?.split(".") ?? [];
  if (tokens[0] !== "$JS" || tokens[1] !== "ACK") return -1;
  const at = tokens.length === 9 ? 8 : tokens.length >= 12 ? 10 : -1;
  return at < 0 ? -1 : Number(tokens[at]);
}
