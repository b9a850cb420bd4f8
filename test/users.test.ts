// Users, passwords, sign-in throttling, sessions and API tokens, on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mintToken, revokeToken, userOfToken } from "../src/services/auth/api-tokens.ts";
import { hashPassword, verifyPassword } from "../src/services/users/password-hash.ts";
import { createSession, endSession, sessionOf, SESSION_TTL_MS } from "../src/services/auth/sessions.ts";
import { signIn } from "../src/services/auth/sign-in.ts";
import { fixedClock, type Deps } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import {
  createUser,
  findUser,
  hasRole,
  listUsers,
  readerOf,
  removeUser,
  setPassword,
  updateUser,
} from "../src/services/users/index.ts";
import { unthrottleUser } from "../src/services/auth/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const PASSWORD = "correct horse battery";

describe("password hashing", () => {
  it("stores scrypt with its parameters and a random salt, and verifies only the right password", async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
  });

  it("answers false, without throwing, for malformed or foreign hashes", async () => {
    for (const stored of ["", "bcrypt$2b$10$abc", "scrypt$0$8$1$c2FsdA$aGFzaA", "scrypt$32768$8$1$c2FsdA$short"]) {
      expect(await verifyPassword(PASSWORD, stored)).toBe(false);
    }
  });
});

describe.each(DIALECTS)("%s: users", (dialect) => {
  let store: Store;
  let clock: ReturnType<typeof fixedClock>;
  let deps: Deps;

  beforeEach(async () => {
    store = await openTestStore(dialect, "users_test");
    clock = fixedClock("2024-05-01T09:00:00Z");
    deps = { store, clock };
    await loadDefaultDirectory(store);
  });
  afterEach(() => store.close());

  it("creates a user with normalised fields and the home post stored as its station", async () => {
    const user = await createUser(deps, SYSTEM_ACTING, {
      username: "Alice",
      clearance: "secret",
      accesses: ["noforn"],
      lists: ["nodis-kosovo", "L2"],
      roles: ["drafter", "reader"],
      post: "AMEMBASSY PARIS",
      offices: ["eur/sce"],
      password: PASSWORD,
    });
    expect(user).toMatchObject({
      username: "alice",
      clearance: "SECRET",
      accesses: ["NOFORN"],
      lists: ["L2", "NODIS-KOSOVO"],
      roles: ["drafter", "reader"],
      post: "PARIS",
      offices: ["EUR/SCE"],
      hasPassword: true,
      createdAt: "2024-05-01T09:00:00.000Z",
    });
    expect(await findUser(store, "ALICE")).toEqual(user);
    expect(readerOf(user)).toEqual({
      userId: user.id,
      clearance: "SECRET",
      accesses: ["NOFORN"],
      lists: ["L2", "NODIS-KOSOVO"],
      offices: ["EUR/SCE"],
      post: "PARIS",
    });
  });

  it("defaults to an UNCLASSIFIED reader without password, and admins hold every role", async () => {
    const bob = await createUser(deps, SYSTEM_ACTING, { username: "bob" });
    expect(bob).toMatchObject({
      clearance: "UNCLASSIFIED",
      roles: ["reader"],
      accesses: [],
      post: null,
      hasPassword: false,
    });
    expect(hasRole(bob, "drafter")).toBe(false);
    expect(hasRole({ roles: ["admin"] }, "drafter")).toBe(true);
  });

  it("refuses a taken name, an unknown post and malformed fields with stable codes", async () => {
    await createUser(deps, SYSTEM_ACTING, { username: "alice" });
    expect((await rejectionOf(createUser(deps, SYSTEM_ACTING, { username: "ALICE" }))).code).toBe("USER_EXISTS");
    expect((await rejectionOf(createUser(deps, SYSTEM_ACTING, { username: "carol", post: "ATLANTIS" }))).code).toBe(
      "POST_NOT_FOUND",
    );
    const invalid = await rejectionOf(
      createUser(deps, SYSTEM_ACTING, { username: "x y", clearance: "COSMIC", password: "short" }),
    );
    expect(invalid.code).toBe("INVALID_INPUT");
    const paths = (invalid.details.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["clearance", "password", "username"]);
    expect((await listUsers(store)).map((u) => u.username)).toEqual(["alice"]);
  });

  it("refuses the system's see-everything marker in accesses, lists and offices, naming the field", async () => {
    const created = await rejectionOf(
      createUser(deps, SYSTEM_ACTING, {
        username: "mallory",
        accesses: ["*"],
        lists: [" * "],
        offices: ["EUR/SCE", "*"],
      }),
    );
    expect(created.code).toBe("INVALID_INPUT");
    const paths = (created.details.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["accesses.0", "lists.0", "offices.1"]);
    expect(created.message).toContain("'*' is reserved");
    await createUser(deps, SYSTEM_ACTING, { username: "alice" });
    const updated = await rejectionOf(updateUser(deps, SYSTEM_ACTING, "alice", { offices: ["*"] }));
    expect(updated.message).toMatch(/^Invalid user: offices\.0: '\*' is reserved/);
    expect((await findUser(store, "alice"))?.offices).toEqual([]);
  });

  it("refuses a common or guessable password at creation and at a change, with zxcvbn's advice", async () => {
    for (const weak of ["password1", "qwertyuiop", "iloveyou2024", "12345678"]) {
      const refused = await rejectionOf(createUser(deps, SYSTEM_ACTING, { username: "alice", password: weak }));
      expect(refused.code).toBe("INVALID_INPUT");
      expect(refused.details.issues).toEqual([
        { path: "password", message: expect.stringMatching(/^too easy to guess/) },
      ]);
    }
    expect(
      (await rejectionOf(createUser(deps, SYSTEM_ACTING, { username: "alice", password: "password1" }))).message,
    ).toBe(
      "Invalid user: password: too easy to guess (score 0 of 4, need 3): This is a commonly used password. " +
        "Add more words that are less common.",
    );
    await createUser(deps, SYSTEM_ACTING, { username: "alice", password: PASSWORD });
    const changed = await rejectionOf(setPassword(deps, SYSTEM_ACTING, "alice", "12345678"));
    expect(changed.message).toMatch(/^Invalid password: password: too easy to guess \(score 0 of 4, need 3\): /);
    expect((await signIn(deps, { username: "alice", password: PASSWORD, ip: "10.0.0.1" })).user.username).toBe("alice");
  });

  it("updates only the fields given and replaces lists whole", async () => {
    await createUser(deps, SYSTEM_ACTING, { username: "alice", accesses: ["NOFORN"], offices: ["EUR/SCE"] });
    clock.advance(60_000);
    const updated = await updateUser(deps, SYSTEM_ACTING, "alice", {
      clearance: "TOP SECRET",
      offices: ["IO/UNP"],
      post: "STATE",
    });
    expect(updated).toMatchObject({
      clearance: "TOP SECRET",
      accesses: ["NOFORN"],
      offices: ["IO/UNP"],
      post: "STATE",
    });
    expect(updated.updatedAt).toBe("2024-05-01T09:01:00.000Z");
    expect((await rejectionOf(updateUser(deps, SYSTEM_ACTING, "nobody", {}))).code).toBe("USER_NOT_FOUND");
  });

  it("signs in with the right password only, the same error for unknown names and token-only users", async () => {
    await createUser(deps, SYSTEM_ACTING, { username: "alice", password: PASSWORD });
    await createUser(deps, SYSTEM_ACTING, { username: "robot" });
    const { user, session } = await signIn(deps, { username: "Alice", password: PASSWORD, ip: "10.0.0.1" });
    expect(user.username).toBe("alice");
    expect(session.expiresAt.getTime() - clock.now().getTime()).toBe(SESSION_TTL_MS);
    expect((await sessionOf(deps, session.token))?.user.id).toBe(user.id);
    for (const [username, password] of [
      ["alice", "wrong password"],
      ["nobody", PASSWORD],
      ["robot", PASSWORD],
    ]) {
      const error = await rejectionOf(signIn(deps, { username: username!, password: password!, ip: "10.0.0.2" }));
      expect([error.code, error.message]).toEqual(["BAD_CREDENTIALS", "Wrong username or password."]);
    }
  });

  it("makes one account wait longer after each failure from one address, refusing attempts unchecked meanwhile", async () => {
    await createUser(deps, SYSTEM_ACTING, { username: "alice", password: PASSWORD });
    const attempt = (password: string, ip = "10.0.1.1") => signIn(deps, { username: "alice", password, ip });
    for (let i = 0; i < 3; i++) expect((await rejectionOf(attempt(`guess ${i}`))).code).toBe("BAD_CREDENTIALS");
    for (const waitS of [1, 2, 4, 8]) {
      expect((await rejectionOf(attempt("one more guess"))).code).toBe("BAD_CREDENTIALS");
      const waiting = await rejectionOf(attempt(PASSWORD));
      expect([waiting.code, waiting.details.retryAfter]).toEqual(["RATE_LIMITED", waitS]);
      clock.advance(waitS * 1000);
    }
    expect((await attempt(PASSWORD)).user.username).toBe("alice");
  });

  it("never lets a guesser lock the account out from another address", async () => {
    await createUser(deps, SYSTEM_ACTING, { username: "admin", password: PASSWORD, roles: ["admin"] });
    for (let i = 0; i < 15; i++) {
      clock.advance(60_000);
      await rejectionOf(signIn(deps, { username: "admin", password: `guess ${i}`, ip: "10.6.6.6" }));
    }
    expect((await rejectionOf(signIn(deps, { username: "admin", password: PASSWORD, ip: "10.6.6.6" }))).code).toBe(
      "RATE_LIMITED",
    );
    expect((await signIn(deps, { username: "admin", password: PASSWORD, ip: "10.0.0.1" })).user.username).toBe("admin");
  });

  it("lifts an account's throttles from every address when an administrator unthrottles it", async () => {
    await createUser(deps, SYSTEM_ACTING, { username: "alice", password: PASSWORD });
    for (const ip of ["10.0.1.1", "10.0.1.2"])
      for (let i = 0; i < 4; i++) await rejectionOf(signIn(deps, { username: "alice", password: "nope nope", ip }));
    expect((await rejectionOf(signIn(deps, { username: "alice", password: PASSWORD, ip: "10.0.1.1" }))).code).toBe(
      "RATE_LIMITED",
    );
    expect(await unthrottleUser(deps, SYSTEM_ACTING, "ALICE")).toMatchObject({
      user: { username: "alice" },
      addresses: 2,
    });
    expect((await signIn(deps, { username: "alice", password: PASSWORD, ip: "10.0.1.1" })).user.username).toBe("alice");
    expect((await rejectionOf(unthrottleUser(deps, SYSTEM_ACTING, "nobody"))).code).toBe("USER_NOT_FOUND");
  });

  it("locks an address that sprays guesses over many names", async () => {
    await createUser(deps, SYSTEM_ACTING, { username: "alice", password: PASSWORD });
    for (let i = 0; i < 20; i++)
      await rejectionOf(signIn(deps, { username: `user${i}`, password: "guess", ip: "10.9.9.9" }));
    expect((await rejectionOf(signIn(deps, { username: "alice", password: PASSWORD, ip: "10.9.9.9" }))).code).toBe(
      "RATE_LIMITED",
    );
    expect((await signIn(deps, { username: "alice", password: PASSWORD, ip: "10.0.0.1" })).user.username).toBe("alice");
  });

  it("expires sessions, ends them at sign-out and when the password changes", async () => {
    const user = await createUser(deps, SYSTEM_ACTING, { username: "alice", password: PASSWORD });
    const first = await createSession(deps, user.id);
    clock.advance(SESSION_TTL_MS + 1);
    expect(await sessionOf(deps, first.token)).toBeNull();
    const second = await createSession(deps, user.id);
    await endSession(deps, second.token);
    expect(await sessionOf(deps, second.token)).toBeNull();
    const third = await createSession(deps, user.id);
    await setPassword(deps, SYSTEM_ACTING, "alice", "another long passphrase");
    expect(await sessionOf(deps, third.token)).toBeNull();
    expect((await rejectionOf(signIn(deps, { username: "alice", password: PASSWORD, ip: "1.1.1.1" }))).code).toBe(
      "BAD_CREDENTIALS",
    );
  });

  it("mints tokens shown once and stored hashed, finds their user, and forgets them when revoked", async () => {
    const user = await createUser(deps, SYSTEM_ACTING, { username: "alice" });
    const minted = await mintToken(deps, SYSTEM_ACTING, "alice", "nightly export");
    expect(minted.token).toMatch(/^cgt_[\w-]{43}$/);
    const stored = await store.db.selectFrom("api_tokens").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(minted.token.slice(4));
    clock.advance(1000);
    expect((await userOfToken(deps, minted.token))?.id).toBe(user.id);
    const lastUse = async () =>
      (await store.db.selectFrom("api_tokens").select("last_used_at").executeTakeFirstOrThrow()).last_used_at;
    expect(await lastUse()).toBe("2024-05-01T09:00:01.000Z");
    // Recorded to the minute: a script's many requests a second do not each write.
    clock.advance(30_000);
    await userOfToken(deps, minted.token);
    expect(await lastUse()).toBe("2024-05-01T09:00:01.000Z");
    clock.advance(30_000);
    await userOfToken(deps, minted.token);
    expect(await lastUse()).toBe("2024-05-01T09:01:01.000Z");
    expect(await userOfToken(deps, `${minted.token}x`)).toBeNull();
    await revokeToken(deps, SYSTEM_ACTING, "alice", minted.id);
    expect(await userOfToken(deps, minted.token)).toBeNull();
  });

  it("removes a user with their sessions and tokens", async () => {
    const user = await createUser(deps, SYSTEM_ACTING, { username: "alice", password: PASSWORD });
    const session = await createSession(deps, user.id);
    const { token } = await mintToken(deps, SYSTEM_ACTING, "alice");
    await removeUser(store, SYSTEM_ACTING, "alice");
    expect(await findUser(store, "alice")).toBeNull();
    expect(await sessionOf(deps, session.token)).toBeNull();
    expect(await userOfToken(deps, token)).toBeNull();
    expect(await store.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });
});
