// Releases seed 08STATE16245's demarche through the API, as the messaging scenario does: drafted by `drafter`
// with an action request due tomorrow, cleared by IO/UNP, released by `approver`. Browser tests then look at
// what the posts receive.
import { parseTelegram } from "../../src/telegram/index.ts";
import { draftOf } from "../helpers/draft-body.ts";
import { readSeed } from "../helpers/seeds.ts";
import { afterAll, beforeAll } from "vitest";
import { startWebWorld, type WebWorld } from "./web-world.ts";

/** The demarche's telegram text. */
export const demarcheText = (): string => readSeed("08STATE16245");

/**
 * Releases the demarche (optionally with another subject) and returns the new cable's id.
 * @example const id = await releaseDemarche(world) // "26STATE1"
 */
export async function releaseDemarche(world: WebWorld, changes: Record<string, unknown> = {}): Promise<string> {
  const drafter = world.apiAs("drafter");
  const body = {
    ...draftOf(parseTelegram(demarcheText())),
    actionRequests: [
      { what: "Deliver the demarche; report the response", posts: [], due: new Date(Date.now() + 864e5).toISOString() },
    ],
    ...changes,
  };
  const draft = await drafter<{ id: string }>("POST", "/api/drafts", body);
  const clearance = await drafter<{ id: string }>("POST", `/api/drafts/${draft.id}/clearances`, { office: "IO/UNP" });
  await world.apiAs("clearer")("POST", `/api/drafts/${draft.id}/clearances/${clearance.id}`, {
    decision: "clear",
    comment: "IO/UNP clears",
  });
  const released = await world.apiAs("approver")<{ id: string }>("POST", `/api/drafts/${draft.id}/release`, {});
  return released.id;
}

/**
 * For the enclosing describe block: a world started before its tests, with the demarche released in it, closed
 * after them. Read `world` and `demarche` inside the tests (they are set once the block's beforeAll has run).
 * @example const ctx = withReleasedDemarche(); it("...", async () => ctx.world.newPage())
 */
export function withReleasedDemarche(): { world: WebWorld; demarche: string } {
  const held = {} as { world: WebWorld; demarche: string };
  beforeAll(async () => {
    held.world = await startWebWorld();
    held.demarche = await releaseDemarche(held.world);
  });
  afterAll(async () => held.world?.close());
  return held;
}
