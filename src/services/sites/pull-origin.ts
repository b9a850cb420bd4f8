// One origin's share of a pull round: the consumers a bell named there (its receipts, a precedence's copies), or all
// of them after a beat, asked at once, so the round costs one round trip however many consumers it asks.
import type { NatsConnection } from "nats";
import {
  copyConsumer,
  inboxPrefixOf,
  outboxStream,
  PRECEDENCES,
  receiptConsumer,
  type BellNews,
} from "../../core/index.ts";
import { pullBatch, type Pulled } from "./pull-batch.ts";

/** What a node pulls from each origin, in this order: its receipts, then its copies, most urgent first. */
export const PULLED: readonly BellNews[] = ["receipts", ...PRECEDENCES];

/** Origins to pull from, each with what to pull (null: every consumer). */
export type Wanted = Map<string, ReadonlySet<BellNews> | null>;

/**
 * What one origin gave: its receipts, its copies by precedence (most urgent first), the consumers that gave a full
 * batch (to ask again), and whether it answered at all.
 */
export type FromOrigin = {
  origin: string;
  receipts: Pulled[];
  copies: Pulled[][];
  full: BellNews[];
  answered: boolean;
};

/** How long a pull waits for an origin that does not answer before taking it for away. */
const FETCH_MS = 1000;

/**
 * Pulls up to `batch` messages from each consumer at `origin` that `news` names (every one when null), for the node
 * of site `here`.
 * @example await pullOrigin(nc, "PANAMA", "STATE", new Set(["FLASH"]), 500) // { copies: [[flash], [], ...], ... }
 */
export async function pullOrigin(
  nc: NatsConnection | null,
  here: string,
  origin: string,
  news: ReadonlySet<BellNews> | null,
  batch: number,
): Promise<FromOrigin> {
  const results = await Promise.all(
    PULLED.map((kind) =>
      nc && (news === null || news.has(kind))
        ? pullBatch(
            nc,
            inboxPrefixOf(here),
            origin,
            outboxStream(origin),
            kind === "receipts" ? receiptConsumer(here) : copyConsumer(here, kind),
            batch,
            FETCH_MS,
          )
        : { msgs: [], answered: false },
    ),
  );
  const [receipts, ...copies] = results.map((r) => r.msgs);
  const answered = results.some((r) => r.answered || r.msgs.length > 0);
  const full = answered ? PULLED.filter((_, i) => results[i]!.msgs.length >= batch) : [];
  return { origin, receipts: receipts!, copies, full, answered };
}
