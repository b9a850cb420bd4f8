// Released cables for distribution tests without the workflow: a seed cable renumbered as a new release, archived
// and handed to enqueueDeliveries in a transaction, as the release route does.
import type { Cable } from "../../src/core/index.ts";
import type { ActionRequest } from "../../src/core/action-request.ts";
import { archiveCables } from "../../src/services/archive/index.ts";
import type { Clock } from "../../src/services/clock.ts";
import { enqueueDeliveries } from "../../src/services/distribution/index.ts";
import type { Store } from "../../src/store/open-store.ts";
import { parseTelegram } from "../../src/telegram/index.ts";
import { readSeed, type SeedId } from "./seeds.ts";

/**
 * A seed as a cable released now: a new id and serial, no channel serials, other fields changed as given.
 * @example releasedSeed("08STATE16245", "24STATE101", { classification: "SECRET" })
 */
export function releasedSeed(seed: SeedId, id: string, changes: Partial<Cable> = {}): Cable {
  const cable = parseTelegram(readSeed(seed));
  const serial = Number(/(\d+)$/.exec(id)![1]);
  const strip = (list: Cable["to"]) => list.map((a) => ({ ...a, mcn: null }));
  return {
    ...cable,
    id,
    serial,
    origin: /^\d\d([A-Z]+)/.exec(id)![1]!,
    to: strip(cable.to),
    info: strip(cable.info),
    transmission: null,
    warnings: [],
    ...changes,
  };
}

/**
 * Archives `cable` and enqueues its deliveries in one transaction after, as a release would.
 * @example await release(store, clock, releasedSeed("08STATE16245", "24STATE101"), [request])
 */
export async function release(store: Store, clock: Clock, cable: Cable, actionRequests: ActionRequest[] = []) {
  await archiveCables(store, [{ cable, raw: null, source: "test" }]);
  await store.db.transaction().execute((tx) => enqueueDeliveries(tx, { cable, actionRequests }, clock));
}

/** The five action posts and nine info posts of seed 08STATE16245. */
export const SEED08_ACTION = [
  "AMEMBASSY OUAGADOUGOU",
  "AMEMBASSY PANAMA",
  "AMEMBASSY PRETORIA",
  "AMEMBASSY SAN JOSE",
  "AMEMBASSY TRIPOLI",
];
