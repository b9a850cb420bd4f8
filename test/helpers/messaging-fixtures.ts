// The messaging acceptance tests' world: a server on a real store with the directory, the users of a cable's life
// (drafter, clearer, approver, duty officers and drafters at posts, an uncleared reader), a clock the test moves,
// and the HTTP contract of issue 4 (drafts, clearances, release, inbox, alerts, actions) as small typed calls.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { fixedClock } from "../../src/services/clock.ts";
import { setDutyOfficer } from "../../src/services/alerts/index.ts";
import { loadDefaultDirectory } from "../../src/services/directory/index.ts";
import { createUser, type NewUser } from "../../src/services/users/index.ts";
import type { Dialect } from "../../src/store/open-store.ts";
import { call, PASSWORD, signInCookies, type TestServer } from "./server-fixtures.ts";
export { draftOf } from "./draft-body.ts";
import { openTestStore } from "./test-stores.ts";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";

/** The five action posts of seed 08STATE16245 (stations), alerted at NIACT IMMEDIATE. */
export const ACTION_POSTS = ["OUAGADOUGOU", "PANAMA", "PRETORIA", "SANJOSE", "TRIPOLI"] as const;
/** The three action posts that report back in the scenario. */
export const REPLYING_POSTS = ["OUAGADOUGOU", "PANAMA", "PRETORIA"] as const;

/** The username of the drafter (and approver) at a post, and of its duty officer. */
export const postDrafter = (station: string) => `drafter-${station.toLowerCase()}`;
export const dutyOfficer = (station: string) => `duty-${station.toLowerCase()}`;

/** The users of a cable's life at headquarters and at the action posts. */
export const MESSAGING_USERS: NewUser[] = [
  { username: "admin", roles: ["admin"], clearance: "TOP SECRET", accesses: ["NOFORN"], post: "STATE" },
  { username: "drafter", roles: ["reader", "drafter"], clearance: "SECRET", post: "STATE", offices: ["EUR/SCE"] },
  { username: "clearer", roles: ["reader"], clearance: "SECRET", post: "STATE", offices: ["IO/UNP"] },
  { username: "approver", roles: ["reader", "approver"], clearance: "SECRET", post: "STATE", offices: ["EUR/SCE"] },
  { username: "reader", roles: ["reader"], clearance: "SECRET", accesses: ["NOFORN"], post: "STATE" },
  { username: "uncleared", roles: ["reader"], clearance: "UNCLASSIFIED", post: "PARIS" },
  ...ACTION_POSTS.flatMap((station): NewUser[] => [
    { username: dutyOfficer(station), roles: ["reader", "communicator"], clearance: "SECRET", post: station },
    { username: postDrafter(station), roles: ["reader", "drafter", "approver"], clearance: "SECRET", post: station },
  ]),
];

export type MessagingServer = TestServer & {
  clock: ReturnType<typeof fixedClock>;
  /** Forgets the sessions signed in so far: after the clock jumps past their expiry, users sign in again. */
  forgetSessions(): void;
};

/**
 * A server on a fresh store of the dialect with the default directory and MESSAGING_USERS (password PASSWORD),
 * its clock standing at `at` until the test moves it.
 * @example const server = await startMessagingServer("sqlite", "2008-02-16T23:19:00Z")
 */
export async function startMessagingServer(dialect: Dialect, at: string): Promise<MessagingServer> {
  const store = await openTestStore(dialect, "messaging_test");
  const clock = fixedClock(at);
  const deps = { store, clock };
  await loadDefaultDirectory(store);
  for (const user of MESSAGING_USERS) await createUser(deps, SYSTEM_ACTING, { ...user, password: PASSWORD });
  for (const station of ACTION_POSTS)
    await setDutyOfficer(deps, SYSTEM_ACTING, station, { username: dutyOfficer(station) });
  const app = await buildApp({ store, clock, signInLimit: { max: 10_000, timeWindow: 60_000 } });
  const { cookieOf, freshCookie, forget } = signInCookies(app);
  return {
    app,
    store,
    deps,
    clock,
    cookieOf,
    freshCookie,
    forgetSessions: forget,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Fails with the response body when the status is not the expected one, so a broken step says why. */
export function expectStatus(res: LightMyRequestResponse, status: number, step: string): void {
  expect(res.statusCode, `${step}: ${res.statusCode} ${res.body.slice(0, 600)}`).toBe(status);
}

/** Whether a status is a success (2xx). */
const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

/**
 * Creates a draft (POST /api/drafts) as the user and answers its id and findings.
 * @example const { id } = await draftViaApi(server, "drafter", draftOf(cable))
 */
export async function draftViaApi(
  server: TestServer,
  user: string,
  body: Record<string, unknown>,
): Promise<{ id: string; findings: unknown[] }> {
  const res = await call(server, user, { method: "POST", url: "/api/drafts", payload: body });
  if (!ok(res)) expectStatus(res, 201, `create a draft as ${user}`);
  return res.json();
}

/** Requests a clearance of a draft from an office or a person; answers the clearance id. */
export async function requestClearanceViaApi(
  server: TestServer,
  user: string,
  draftId: string,
  from: { office: string } | { user: string },
): Promise<string> {
  const res = await call(server, user, { method: "POST", url: `/api/drafts/${draftId}/clearances`, payload: from });
  if (!ok(res)) expectStatus(res, 201, `request clearance ${JSON.stringify(from)} of draft ${draftId}`);
  return (res.json() as { id: string }).id;
}

/** Clears (or objects to) a requested clearance as the user. */
export async function decideClearanceViaApi(
  server: TestServer,
  user: string,
  draftId: string,
  clearanceId: string,
  decision: "clear" | "object",
  comment = "",
): Promise<LightMyRequestResponse> {
  return call(server, user, {
    method: "POST",
    url: `/api/drafts/${draftId}/clearances/${clearanceId}`,
    payload: { decision, comment },
  });
}

/** Asks to release a draft (POST /api/drafts/:id/release) and answers the response, refusals included. */
export function tryReleaseViaApi(server: TestServer, user: string, draftId: string): Promise<LightMyRequestResponse> {
  return call(server, user, { method: "POST", url: `/api/drafts/${draftId}/release`, payload: {} });
}

/** Releases a draft and answers the canonical id of the new cable, failing the test when the release fails. */
export async function releaseViaApi(server: TestServer, user: string, draftId: string): Promise<string> {
  const res = await tryReleaseViaApi(server, user, draftId);
  if (!ok(res)) expectStatus(res, 200, `release draft ${draftId} as ${user}`);
  return (res.json() as { id: string }).id;
}

/** One inbox item as the issue specifies it (at least these fields). */
export type InboxItem = {
  id: string;
  cableId: string;
  precedence: string;
  role: "action" | "info";
  acknowledged: boolean;
};

/** A post's inbox (GET /api/inbox?post=) as the user sees it. */
export async function inboxOf(server: TestServer, user: string, post: string): Promise<InboxItem[]> {
  const res = await call(server, user, { url: `/api/inbox?post=${encodeURIComponent(post)}` });
  expectStatus(res, 200, `inbox of ${post} as ${user}`);
  return (res.json() as { items: InboxItem[] }).items;
}

/**
 * Waits, in real time but bounded, until `probe` answers something truthy: the dispatcher delivers after commit, on
 * its own schedule. Fails with `what` when it never does.
 * @example await eventually("deliveries of 08STATE1", async () => (await inboxOf(s, "admin", "PARIS")).length > 0)
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A live server-sent event stream: everything received so far as text, and a way to hang up. */
export type EventStream = { received(): string; close(): void };

/**
 * Subscribes to GET /api/events on a listening server as the holder of `cookie` and keeps what arrives, raw: tests
 * look for cable ids in it, so they do not depend on how each event is laid out.
 * @example const stream = await openEventStream("http://127.0.0.1:4321", cookie); ...; stream.close()
 */
export async function openEventStream(baseUrl: string, cookie: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`GET /api/events answered ${res.status}: ${await res.text()}`);
  let text = "";
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // Hung up by close(): what arrived stays readable.
    }
  })();
  return { received: () => text, close: () => controller.abort() };
}
