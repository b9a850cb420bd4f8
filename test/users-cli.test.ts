// `cablegram user ...` and `cablegram directory ...` through main(), on an SQLite data folder and on PostgreSQL
// through DATABASE_URL, as an operator uses them beside a running server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { signIn } from "../src/services/auth/sign-in.ts";
import { userOfToken } from "../src/services/auth/api-tokens.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { openStore, storeConfigFromEnv } from "../src/store/open-store.ts";
import { DIALECTS, memoryIo, pgAdmin, pgUrlInSchema, testSchemaName } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

describe.each(DIALECTS)("%s: cablegram user and directory", (dialect) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    if (dialect === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "cg-user-cli-"));
      env = { CABLEGRAM_DATA_DIR: dir };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const schema = testSchemaName("user_cli");
      await pgAdmin(`CREATE SCHEMA "${schema}"`);
      env = { DATABASE_URL: pgUrlInSchema(schema) };
      cleanup = () => pgAdmin(`DROP SCHEMA "${schema}" CASCADE`);
    }
  });
  afterAll(() => cleanup());

  async function run(args: string[], stdin: string[] = []) {
    const io = memoryIo(env, stdin);
    const code = await main(args, io);
    return { code, out: io.out.join("\n"), err: io.err.join("\n") };
  }

  async function withStore<T>(
    work: (deps: { store: Awaited<ReturnType<typeof openStore>>; clock: typeof systemClock }) => Promise<T>,
  ) {
    const store = await openStore(storeConfigFromEnv(env));
    try {
      return await work({ store, clock: systemClock });
    } finally {
      await store.close();
    }
  }

  it("adds a user with every field, the password read from stdin, who can then sign in", async () => {
    const args = ["user", "add", "alice", "--clearance", "SECRET", "--caveats", "NOFORN", "--lists", "L1,L2"];
    const added = await run(
      [...args, "--roles", "reader,drafter", "--post", "STATE", "--offices", "EUR/SCE"],
      ["alice's passphrase"],
    );
    expect(added).toMatchObject({ code: 0, err: "" });
    expect(added.out).toBe(
      "added alice SECRET roles=drafter,reader caveats=NOFORN lists=L1,L2 post=STATE offices=EUR/SCE",
    );
    const { user } = await withStore((deps) =>
      signIn(deps, { username: "alice", password: "alice's passphrase", ip: "127.0.0.1" }),
    );
    expect(user.clearance).toBe("SECRET");
  });

  it("refuses a user without a password unless --no-password says so", async () => {
    const none = await run(["user", "add", "bob"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no password for bob/);
    expect((await run(["user", "add", "bob", "--no-password"])).out).toMatch(
      /^added bob UNCLASSIFIED .*\(token-only\)$/,
    );
  });

  it("explains bad fields and a taken name in one line each, exit 2", async () => {
    const bad = await run(["user", "add", "carol", "--clearance", "COSMIC", "--password", "long enough pass"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^cablegram user add: INVALID_INPUT: .*clearance/);
    const taken = await run(["user", "add", "alice", "--password", "long enough pass"]);
    expect(taken).toMatchObject({ code: 2 });
    expect(taken.err).toMatch(/^cablegram user add: USER_EXISTS: /);
    const everything = await run(["user", "set", "alice", "--offices", "*"]);
    expect(everything.code).toBe(2);
    expect(everything.err).toMatch(/^cablegram user set: INVALID_INPUT: Invalid user: offices\.0: '\*' is reserved/);
    expect(`${bad.err}${taken.err}`).not.toMatch(/\n\s+at /);
  });

  it("lists, changes, re-passwords and removes users", async () => {
    expect((await run(["user", "list"])).out.split("\n").map((l) => l.split(" ")[0])).toEqual(["alice", "bob"]);
    const set = await run(["user", "set", "alice", "--clearance", "TOP SECRET", "--offices", "IO/UNP"]);
    expect(set.out).toMatch(/^updated alice TOP SECRET .* offices=IO\/UNP$/);
    expect((await run(["user", "passwd", "alice", "--password", "a brand new passphrase"])).out).toBe(
      "set the password of alice",
    );
    const json = JSON.parse((await run(["user", "list", "--json"])).out) as {
      username: string;
      hasPassword: boolean;
    }[];
    expect(json.map((u) => [u.username, u.hasPassword])).toEqual([
      ["alice", true],
      ["bob", false],
    ]);
    expect((await run(["user", "remove", "bob"])).out).toBe("removed bob");
    expect((await run(["user", "remove", "bob"])).err).toMatch(/USER_NOT_FOUND/);
  });

  it("unthrottles a user made to wait, audited, and refuses an unknown name", async () => {
    await withStore(async (deps) => {
      for (let i = 0; i < 4; i++)
        await signIn(deps, { username: "alice", password: `wrong ${i}`, ip: "10.7.7.7" }).catch(() => undefined);
    });
    const lifted = await run(["user", "unthrottle", "alice"]);
    expect(lifted).toMatchObject({ code: 0, out: "unthrottled alice (1 address)", err: "" });
    const trail = await withStore(({ store }) => queryAudit(store, SYSTEM_ACTING, { action: "user.unthrottle" }));
    expect(trail.map((e) => e.target)).toEqual(["alice"]);
    const unknown = await run(["user", "unthrottle", "nobody"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^cablegram user unthrottle: USER_NOT_FOUND: /);
  });

  it("mints a token printed once on stdout that authenticates, lists and revokes it", async () => {
    const minted = await run(["user", "token", "alice", "--label", "export"]);
    expect(minted.code).toBe(0);
    expect(minted.out).toMatch(/^cgt_[\w-]{43}$/);
    expect((await withStore((deps) => userOfToken(deps, minted.out)))?.username).toBe("alice");
    const listed = await run(["user", "tokens", "alice"]);
    expect(listed.out).toMatch(/\texport\tcreated /);
    expect(listed.out).not.toContain(minted.out);
    const id = listed.out.split("\t")[0]!;
    expect((await run(["user", "revoke-token", "alice", id])).code).toBe(0);
    expect(await withStore((deps) => userOfToken(deps, minted.out))).toBeNull();
    const trail = await withStore(({ store }) => queryAudit(store, SYSTEM_ACTING, { action: "token." }));
    expect(trail.map((e) => [e.action, e.target, e.detail?.via])).toEqual([
      ["token.revoke", "alice", "cli"],
      ["token.mint", "alice", "cli"],
    ]);
  });

  it("lists, adds and removes posts, offices, collectives and members", async () => {
    const fr = await run(["directory", "post", "list", "--country", "FR"]);
    expect(fr.out).toContain("AMEMBASSY PARIS\tPARIS\tRUEHFR\tFR\tembassy\tEurope/Paris");
    expect(
      (
        await run([
          "directory",
          "post",
          "add",
          "AMCONSUL LYON",
          "--ri",
          "RUEHLY",
          "--country",
          "FR",
          "--tz",
          "Europe/Paris",
        ])
      ).out,
    ).toBe("added AMCONSUL LYON\tLYON\tRUEHLY\tFR\tconsulate\tEurope/Paris");
    expect((await run(["directory", "office", "add", "POL/LYON", "--post", "LYON", "--name", "Political"])).code).toBe(
      0,
    );
    expect((await run(["directory", "office", "list", "--post", "AMCONSUL LYON"])).out).toBe(
      "POL/LYON\tAMCONSUL LYON\tPolitical",
    );
    expect((await run(["directory", "collective", "add", "NATO CAPITALS", "--members", "PARIS,BERLIN"])).out).toBe(
      "added NATO CAPITALS\t-\t2 members: AMEMBASSY BERLIN, AMEMBASSY PARIS",
    );
    expect((await run(["directory", "collective", "add-member", "NATO CAPITALS", "LYON"])).out).toMatch(/3 members/);
    expect((await run(["directory", "collective", "remove-member", "NATO CAPITALS", "PARIS"])).out).toMatch(
      /2 members/,
    );
    const json = JSON.parse((await run(["directory", "collective", "list", "--json"])).out) as {
      name: string;
      members: string[];
    }[];
    expect(json.find((c) => c.name === "NATO CAPITALS")?.members).toEqual(["AMCONSUL LYON", "AMEMBASSY BERLIN"]);
    expect((await run(["directory", "post", "remove", "LYON"])).code).toBe(0);
    // A post's offices go with it.
    const officeGone = await run(["directory", "office", "remove", "POL/LYON"]);
    expect(officeGone).toMatchObject({ code: 2 });
    expect(officeGone.err).toMatch(/OFFICE_NOT_FOUND/);
    expect((await run(["directory", "collective", "remove", "NATO CAPITALS"])).code).toBe(0);
    const missing = await run(["directory", "post", "remove", "LYON"]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toMatch(/^cablegram directory post remove: POST_NOT_FOUND: /);
  });
});
