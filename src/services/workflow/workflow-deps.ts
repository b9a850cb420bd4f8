// What workflow services need beyond store and clock: where to announce what happened, and the dispatcher to wake.
import type { Deps } from "../clock.ts";
import type { EventBus } from "../events/index.ts";

/** Store and clock, plus the optional event bus (`draft.*`, `cable.released`) and the dispatcher's `kick`. */
export type WorkflowDeps = Deps & {
  bus?: EventBus;
  /** Wakes the dispatcher after a release committed, so deliveries go out at once rather than at its next poll. */
  kick?: () => void;
};
