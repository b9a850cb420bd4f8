// A server on a real store for route tests: the seeds archived, a SECRET NOFORN cable citing one of them, a NODIS
// cable, and users of different clearances and roles, with helpers to sign in and call the API.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Cable } from "../../src/core/index.ts";
import { buildApp, type AppOptions } from "../../src/server/app.ts";
import { archiveCables } from "../../src/services/archive/index.ts";
import { fixedClock, type Deps } from "../../src/services/clock.ts";
import { loadDefaultDirectory } from "../../src/services/directory/index.ts";
import { createUser, type NewUser } from "../../src/services/users/index.ts";
import type { Dialect, Store } from "../../src/store/open-store.ts";
import { parseTelegram } from "../../src/telegram/index.ts";
import { readSeed } from "./seeds.ts";
import { PASSWORD } from "./factories.ts";
import { openTestStore } from "./test-stores.ts";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";

export { PASSWORD } from "./factories.ts";

/** The users every route test has: an admin who reads everything, and readers of each sort. */
export const USERS: Record<string, NewUser> = {
  admin: { username: "admin", roles: ["admin"], clearance: "TOP SECRET", accesses: ["NOFORN"], post: "STATE" },
  secret: { username: "secret", roles: ["reader"], clearance: "SECRET", accesses: ["NOFORN"], post: "STATE" },
  confidential: { username: "confidential", roles: ["reader", "drafter"], clearance: "CONFIDENTIAL", post: "STATE" },
  unclassified: { username: "unclassified", roles: ["reader"], clearance: "UNCLASSIFIED", post: "PARIS" },
};

/** A SECRET NOFORN cable that cites the 2008 seed: readers below SECRET or without NOFORN must never see it. */
export const SECRET_ID = "09STATE90001";
/** A CONFIDENTIAL NODIS cable for the list NODIS-KOSOVO, which no test user is on. */
export const NODIS_ID = "09STATE90002";

function variant(base: Cable, id: string, serial: number, changes: Partial<Cable>): Cable {
  return { ...base, id, serial, ...changes };
}

export type TestServer = {
  app: FastifyInstance;
  store: Store;
  deps: Deps & { clock: ReturnType<typeof fixedClock> };
  /** Signs a test user in once and returns the cookie header value (the same one on later calls). */
  cookieOf(user: keyof typeof USERS): Promise<string>;
  /** Signs a test user in anew: a session of its own, for tests that end it. */
  freshCookie(user: keyof typeof USERS): Promise<string>;
  close(): Promise<void>;
};

/**
 * Opens a store of the dialect, loads the directory, archives the seeds and two restricted variants, creates the
 * USERS (password PASSWORD) and builds the app around a fixed clock.
 * @example const server = await startTestServer("sqlite"); await server.cookieOf("secret")
 */
export async function startTestServer(dialect: Dialect, options: Partial<AppOptions> = {}): Promise<TestServer> {
  const store = await openTestStore(dialect, "server_test");
  const clock = fixedClock("2024-05-01T09:00:00Z");
  const deps = { store, clock };
  await loadDefaultDirectory(store);
  const seed08 = readSeed("08STATE16245");
  const seed09 = readSeed("09STATE39345");
  const cable08 = parseTelegram(seed08);
  const cable09 = parseTelegram(seed09);
  const secret = variant(cable09, SECRET_ID, 90001, {
    classification: "SECRET",
    caveats: ["NOFORN", "SIPDIS"],
    subject: "KOSOVO: SECRET FOLLOW-UP ON THE DEMARCHE",
    references: [{ label: null, id: "08STATE16245", text: "08 STATE 16245" }],
  });
  const nodis = variant(cable09, NODIS_ID, 90002, { caveats: ["NODIS KOSOVO"], subject: "KOSOVO: NODIS RESTRICTED" });
  await archiveCables(store, [
    { cable: cable08, raw: seed08, source: "seeds" },
    { cable: cable09, raw: seed09, source: "seeds" },
    { cable: secret, raw: null, source: "test" },
    { cable: nodis, raw: null, source: "test" },
  ]);
  for (const user of Object.values(USERS)) await createUser(deps, SYSTEM_ACTING, { ...user, password: PASSWORD });
  // Many sign-ins come from one test address; the per-address limit has a test of its own.
  const app = await buildApp({ store, clock, signInLimit: { max: 1000, timeWindow: 60_000 }, ...options });
  const { cookieOf, freshCookie } = signInCookies(app);
  return {
    app,
    store,
    deps,
    cookieOf,
    freshCookie,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** The sign-in cookies of a test app's users: one session per user, reused, or a fresh one on request. */
export type SignInCookies = {
  /** The user's session cookie (`name=value`), signing in on first use and reusing it after. */
  cookieOf(user: string): Promise<string>;
  /** Signs the user in anew (POST /api/session with PASSWORD): a session of its own. */
  freshCookie(user: string): Promise<string>;
  /** Forgets the sessions kept so far, so the next `cookieOf` signs in again. */
  forget(): void;
};

/**
 * Signs test users in on `app` with PASSWORD and keeps their cookies; fails with the answer when a sign-in is refused.
 * @example const { cookieOf } = signInCookies(app); await app.inject({ url: "/api/inbox", headers: { cookie: await cookieOf("admin") } })
 */
export function signInCookies(app: FastifyInstance): SignInCookies {
  const cookies = new Map<string, string>();
  const freshCookie = async (user: string) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: user, password: PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${user} failed: ${res.statusCode} ${res.body}`);
    return String(res.headers["set-cookie"]).split(";")[0]!;
  };
  return {
    freshCookie,
    async cookieOf(user) {
      const cookie = cookies.get(user) ?? (await freshCookie(user));
      cookies.set(user, cookie);
      return cookie;
    },
    forget: () => cookies.clear(),
  };
}

/** Calls the API as a user (or anonymously with `null`), sending JSON where there is a payload. */
export async function call(
  server: TestServer,
  user: keyof typeof USERS | null,
  options: InjectOptions & { url: string },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
  if (user) headers.cookie = await server.cookieOf(user);
  const changes = options.method !== undefined && options.method !== "GET";
  if (changes && headers["content-type"] === undefined) headers["content-type"] = "application/json";
  return server.app.inject({ ...options, headers });
}
