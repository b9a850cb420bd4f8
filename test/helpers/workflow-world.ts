// A store for workflow tests: the default directory, the people of a draft's life, a clock the test moves, and
// the seed demarche as draft fields.
import { fixedClock } from "../../src/services/clock.ts";
import { loadDefaultDirectory } from "../../src/services/directory/index.ts";
import { createUser, type NewUser, type User } from "../../src/services/users/index.ts";
import type { DraftFields, WorkflowDeps } from "../../src/services/workflow/index.ts";
import type { Dialect, Store } from "../../src/store/open-store.ts";
import { parseTelegram } from "../../src/telegram/index.ts";
import { draftOf } from "./draft-body.ts";
import { readSeed } from "./seeds.ts";
import { openTestStore } from "./test-stores.ts";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";

/** The people: a drafter, a clearer in IO/UNP, an approver (all at STATE), an uncleared reader, a PARIS drafter-approver. */
export type WorkflowPeople = { dana: User; erin: User; ada: User; rita: User; pat: User };

export type WorkflowWorld = {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  deps: WorkflowDeps;
  people: WorkflowPeople;
  close(): Promise<void>;
};

/**
 * A fresh store of the dialect with the directory and the people, its clock at `at`.
 * @example const world = await openWorkflowWorld("sqlite"); await createDraft(world.deps, world.people.dana, fields)
 */
export async function openWorkflowWorld(dialect: Dialect, at = "2008-02-16T21:00:00Z"): Promise<WorkflowWorld> {
  const store = await openTestStore(dialect, "workflow_test");
  const clock = fixedClock(at);
  const deps = { store, clock };
  await loadDefaultDirectory(store);
  const person = (fields: NewUser) => createUser(deps, SYSTEM_ACTING, fields);
  const people: WorkflowPeople = {
    dana: await person({
      username: "dana",
      roles: ["reader", "drafter"],
      clearance: "SECRET",
      post: "STATE",
    }),
    erin: await person({
      username: "erin",
      roles: ["reader"],
      clearance: "SECRET",
      post: "STATE",
      offices: ["IO/UNP"],
    }),
    ada: await person({
      username: "ada",
      roles: ["reader", "approver"],
      clearance: "SECRET",
      post: "STATE",
    }),
    rita: await person({
      username: "rita",
      roles: ["reader", "drafter"],
      clearance: "UNCLASSIFIED",
      post: "STATE",
    }),
    pat: await person({
      username: "pat",
      roles: ["reader", "drafter", "approver"],
      clearance: "SECRET",
      post: "PARIS",
    }),
  };
  return { store, clock, deps, people, close: () => store.close() };
}

/**
 * The seed demarche 08STATE16245 as draft fields (what release assigns left out).
 * @example await createDraft(deps, dana, seedDraft())
 */
export function seedDraft(seed: "08STATE16245" | "09STATE39345" = "08STATE16245"): DraftFields {
  return draftOf(parseTelegram(readSeed(seed))) as DraftFields;
}
