// The directory: the default directory derived from the seeds and corpus, and managing posts, offices and
// collectives, on SQLite and PostgreSQL.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countryName } from "../src/core/tags.ts";
import {
  addCollective,
  addCollectiveMember,
  addOffice,
  addPost,
  closeMatches,
  describePlad,
  findPost,
  listCollectives,
  listOffices,
  listPosts,
  loadAddresseeDirectory,
  loadDefaultDirectory,
  readDefaultDirectory,
  removeCollectiveMember,
  removeOffice,
  removePost,
  updatePost,
} from "../src/services/directory/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";
import { readSeed } from "./helpers/seeds.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import * as migration0022 from "../src/store/migrations/0022-offices-per-post.ts";

describe("reading a PLAD", () => {
  it("tells station, kind, FIPS country and time zone of State posts", () => {
    expect(describePlad("AMEMBASSY PARIS")).toEqual({
      name: "AMEMBASSY PARIS",
      station: "PARIS",
      kind: "embassy",
      country: "FR",
      timeZone: "Europe/Paris",
    });
    expect(describePlad("AMCONSUL RIO DE JANEIRO")).toMatchObject({
      station: "RIODEJANEIRO",
      kind: "consulate",
      country: "BR",
    });
    expect(describePlad("SECSTATE WASHINGTON DC")).toMatchObject({
      name: "SECSTATE WASHDC",
      station: "STATE",
      kind: "headquarters",
    });
    expect(describePlad("USMISSION USUN NEW YORK")).toMatchObject({
      station: "USUNNEWYORK",
      kind: "mission",
      country: "US",
    });
    expect(describePlad("USEU BRUSSELS")).toMatchObject({
      station: "BRUSSELS",
      kind: "mission",
      timeZone: "Europe/Brussels",
    });
    expect(describePlad("AMEMBASSY MOSCOW")?.country).toBe("RS"); // FIPS, not ISO (RS is Serbia in ISO)
  });

  it("tells agencies from military addressees and places them by their trailing code", () => {
    expect(describePlad("CIA WASHDC")).toMatchObject({ station: null, kind: "agency", country: "US" });
    expect(describePlad("HQ USEUCOM VAIHINGEN GE")).toMatchObject({
      kind: "military",
      country: "GM",
      timeZone: "Europe/Berlin",
    });
    expect(describePlad("CDR USCENTCOM MACDILL AFB FL")).toMatchObject({
      kind: "military",
      timeZone: "America/New_York",
    });
  });

  it("gives nothing for collectives, and no place for a city outside the table", () => {
    expect(describePlad("EUROPEAN POLITICAL COLLECTIVE")).toBeNull();
    expect(describePlad("AMCONSUL LYON")).toEqual({
      name: "AMCONSUL LYON",
      station: "LYON",
      kind: "consulate",
      country: null,
      timeZone: null,
    });
  });
});

describe("the default directory", () => {
  const directory = readDefaultDirectory();

  it("holds the posts, routing indicators and collectives of the seeds' headers", () => {
    const byName = new Map(directory.posts.map((p) => [p.name, p]));
    expect(byName.get("SECSTATE WASHDC")).toMatchObject({
      station: "STATE",
      routingIndicator: "RUEHC",
      kind: "headquarters",
    });
    expect(byName.get("AMEMBASSY OUAGADOUGOU")).toMatchObject({ routingIndicator: "RUEHOU", country: "UV" });
    expect(byName.get("USMISSION USUN NEW YORK")).toMatchObject({ routingIndicator: "RUCNDT" });
    expect(directory.collectives.find((c) => c.name === "EUROPEAN POLITICAL COLLECTIVE")?.routingIndicator).toBe(
      "RUEHZL",
    );
    expect(directory.offices.find((o) => o.code === "IO/UNP")).toMatchObject({ post: "SECSTATE WASHDC" });
  });

  it("gives every embassy, consulate and mission its usual sections, and the Department none of them", () => {
    const codesAt = (post: string) => directory.offices.filter((o) => o.post === post).map((o) => o.code);
    expect(codesAt("AMEMBASSY PANAMA")).toEqual(["FO", "POL", "ECON", "CONS", "MGT", "PAS", "RSO", "DAO"]);
    expect(codesAt("AMCONSUL BARCELONA")).toEqual(["FO", "POL", "CONS", "MGT", "PAS"]);
    expect(codesAt("USMISSION USUN NEW YORK")).toEqual(["FO", "POL", "ECON", "MGT", "PAS", "RSO"]);
    for (const post of directory.posts.filter((p) => ["embassy", "consulate", "mission"].includes(p.kind))) {
      expect(codesAt(post.name), post.name).toEqual(expect.arrayContaining(["FO", "POL", "MGT", "PAS"]));
    }
    expect(codesAt("SECSTATE WASHDC")).not.toContain("POL");
    expect(codesAt("CIA WASHDC")).not.toContain("POL");
    const keys = directory.offices.map((o) => `${o.post} ${o.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses only FIPS country codes and IANA time zones this runtime knows", () => {
    for (const post of directory.posts) {
      if (post.country !== null) expect(countryName(post.country), `${post.name}: ${post.country}`).not.toBeNull();
      if (post.timeZone !== null)
        expect(() => new Intl.DateTimeFormat("en", { timeZone: post.timeZone! })).not.toThrow();
    }
    const embassies = directory.posts.filter((p) => p.kind === "embassy");
    expect(embassies.length).toBeGreaterThan(100);
    expect(embassies.every((p) => p.country && p.timeZone && p.station)).toBe(true);
  });

  it("names only posts of the directory as collective members", () => {
    const names = new Set(directory.posts.map((p) => p.name));
    for (const c of directory.collectives)
      for (const m of c.members) expect(names.has(m), `${c.name}: ${m}`).toBe(true);
    expect(directory.collectives.find((c) => c.name === "EU MEMBER STATES COLLECTIVE")?.members).toContain(
      "AMEMBASSY PARIS",
    );
  });
});

describe("the seeds' addressees", () => {
  it("are all in the default directory with the routing indicator the seed gives them", () => {
    const directory = readDefaultDirectory();
    const known = new Map([...directory.posts, ...directory.collectives].map((e) => [e.name, e.routingIndicator]));
    for (const id of ["08STATE16245", "09STATE39345"] as const) {
      for (const m of readSeed(id).matchAll(
        /^(?:TO |INFO )?(R[A-Z]{3,6})\/([A-Z ]+?)(?: (?:NIACT IMMEDIATE|IMMEDIATE|PRIORITY))?(?: \d+)?\s*$/gm,
      )) {
        expect(known.get(m[2]!), `${id}: ${m[2]}`).toBe(m[1]);
      }
    }
  });
});

describe.each(DIALECTS)("%s: directory", (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(dialect, "directory_test");
  });
  afterEach(() => store.close());

  it("loads the default directory into an empty store once, leaving later changes alone", async () => {
    const file = JSON.parse(
      readFileSync(new URL("../src/services/directory/default-directory.json", import.meta.url), "utf8"),
    );
    const first = await loadDefaultDirectory(store);
    expect(first).toEqual({
      loaded: true,
      posts: file.posts.length,
      offices: readDefaultDirectory().offices.length,
      collectives: file.collectives.length,
    });
    await removePost(store, SYSTEM_ACTING, "PARIS");
    const second = await loadDefaultDirectory(store);
    expect(second).toMatchObject({ loaded: false, posts: file.posts.length - 1 });
    expect(await findPost(store, "PARIS")).toBeNull();
    const eu = (await listCollectives(store, { name: "EU MEMBER STATES COLLECTIVE" }))[0];
    expect(eu?.members).not.toContain("AMEMBASSY PARIS");
    expect(eu?.members).toContain("AMEMBASSY BERLIN");
  });

  it("adds a post, reading what its PLAD tells, and finds it by PLAD or station", async () => {
    const added = await addPost(store, SYSTEM_ACTING, {
      name: "amconsul  lyon",
      routingIndicator: "ruehly",
      country: "FR",
      timeZone: "Europe/Paris",
    });
    expect(added).toEqual({
      name: "AMCONSUL LYON",
      station: "LYON",
      routingIndicator: "RUEHLY",
      country: "FR",
      kind: "consulate",
      timeZone: "Europe/Paris",
    });
    expect(await findPost(store, "lyon")).toEqual(added);
    expect(await listPosts(store, { country: "fr" })).toEqual([added]);
    expect((await rejectionOf(addPost(store, SYSTEM_ACTING, { name: "AMCONSUL LYON" }))).code).toBe(
      "DIRECTORY_CONFLICT",
    );
    expect(
      (await rejectionOf(addPost(store, SYSTEM_ACTING, { name: "AMCONSUL NICE", timeZone: "Europe/Nowhere" }))).code,
    ).toBe("INVALID_INPUT");
  });

  it("changes a post's fields and removes it", async () => {
    await addPost(store, SYSTEM_ACTING, { name: "AMEMBASSY PARIS" });
    expect(await updatePost(store, SYSTEM_ACTING, "PARIS", { routingIndicator: "RUEHFR" })).toMatchObject({
      name: "AMEMBASSY PARIS",
      routingIndicator: "RUEHFR",
      country: "FR",
    });
    expect((await rejectionOf(updatePost(store, SYSTEM_ACTING, "PARIS", { country: "France" }))).code).toBe(
      "INVALID_INPUT",
    );
    await removePost(store, SYSTEM_ACTING, "AMEMBASSY PARIS");
    expect((await rejectionOf(removePost(store, SYSTEM_ACTING, "PARIS"))).code).toBe("POST_NOT_FOUND");
  });

  it("keeps offices inside posts, named by PLAD or station", async () => {
    await addPost(store, SYSTEM_ACTING, { name: "SECSTATE WASHDC" });
    expect(
      await addOffice(store, SYSTEM_ACTING, { code: "eur/sce", name: "South Central Europe", post: "STATE" }),
    ).toEqual({
      code: "EUR/SCE",
      name: "South Central Europe",
      post: "SECSTATE WASHDC",
    });
    expect(
      (await rejectionOf(addOffice(store, SYSTEM_ACTING, { code: "EUR/SCE", post: "SECSTATE WASHDC" }))).code,
    ).toBe("DIRECTORY_CONFLICT");
    expect((await rejectionOf(addOffice(store, SYSTEM_ACTING, { code: "POL", post: "ATLANTIS" }))).code).toBe(
      "POST_NOT_FOUND",
    );
    expect((await listOffices(store, { post: "SECSTATE WASHDC" })).map((o) => o.code)).toEqual(["EUR/SCE"]);
    await removeOffice(store, SYSTEM_ACTING, "Eur/Sce");
    expect(await listOffices(store)).toEqual([]);
    expect((await rejectionOf(removeOffice(store, SYSTEM_ACTING, "EUR/SCE"))).code).toBe("OFFICE_NOT_FOUND");
  });

  it("keys offices per post: each embassy its own POL, removed by naming the post", async () => {
    await addPost(store, SYSTEM_ACTING, { name: "AMEMBASSY PANAMA" });
    await addPost(store, SYSTEM_ACTING, { name: "AMEMBASSY ROME" });
    await addOffice(store, SYSTEM_ACTING, { code: "POL", name: "Political section", post: "PANAMA" });
    expect(await addOffice(store, SYSTEM_ACTING, { code: "pol", post: "ROME" })).toEqual({
      code: "POL",
      name: null,
      post: "AMEMBASSY ROME",
    });
    await addOffice(store, SYSTEM_ACTING, { code: "ECON", post: "ROME" });
    const conflict = await rejectionOf(addOffice(store, SYSTEM_ACTING, { code: "POL", post: "AMEMBASSY PANAMA" }));
    expect(conflict.code).toBe("DIRECTORY_CONFLICT");
    expect(conflict.message).toBe("The directory has an office POL at AMEMBASSY PANAMA already.");
    expect((await listOffices(store, { post: "PANAMA" })).map((o) => o.code)).toEqual(["POL"]);
    expect((await listOffices(store, { post: "ROME" })).map((o) => o.code)).toEqual(["ECON", "POL"]);

    const ambiguous = await rejectionOf(removeOffice(store, SYSTEM_ACTING, "POL"));
    expect(ambiguous.code).toBe("INVALID_INPUT");
    expect(ambiguous.message).toBe("Several posts have an office POL: name the post whose office to remove.");
    expect(await removeOffice(store, SYSTEM_ACTING, "pol", "PANAMA")).toMatchObject({ post: "AMEMBASSY PANAMA" });
    expect((await listOffices(store)).map((o) => `${o.post} ${o.code}`)).toEqual([
      "AMEMBASSY ROME ECON",
      "AMEMBASSY ROME POL",
    ]);
    expect((await rejectionOf(removeOffice(store, SYSTEM_ACTING, "POL", "PANAMA"))).code).toBe("OFFICE_NOT_FOUND");
    // The only POL left is Rome's: the code alone names it.
    expect(await removeOffice(store, SYSTEM_ACTING, "POL")).toMatchObject({ post: "AMEMBASSY ROME" });
    await removePost(store, SYSTEM_ACTING, "ROME");
    expect(await listOffices(store)).toEqual([]);
  });

  it("keeps every office through migration 0022, then takes the same code at two posts", async () => {
    await addPost(store, SYSTEM_ACTING, { name: "SECSTATE WASHDC" });
    await addPost(store, SYSTEM_ACTING, { name: "AMEMBASSY PANAMA" });
    // The offices table as migration 0002 made it: the code alone was the key.
    await store.db.schema.dropTable("offices").execute();
    await store.db.schema
      .createTable("offices")
      .addColumn("code", "text", (c) => c.primaryKey())
      .addColumn("name", "text")
      .addColumn("post", "text", (c) => c.references("posts.name").onDelete("set null"))
      .execute();
    await store.db
      .insertInto("offices")
      .values([
        { code: "EUR/SCE", name: "South Central Europe", post: "SECSTATE WASHDC" },
        { code: "POL", name: null, post: "AMEMBASSY PANAMA" },
        { code: "H", name: "Legislative Affairs", post: null },
      ])
      .execute();
    const secondPol = { code: "POL", name: null, post: "SECSTATE WASHDC" };
    await expect(store.db.insertInto("offices").values(secondPol).execute()).rejects.toThrow();
    await migration0022.up(store.db as never, dialect);
    expect((await listOffices(store)).map((o) => [o.code, o.name, o.post])).toEqual([
      ["EUR/SCE", "South Central Europe", "SECSTATE WASHDC"],
      ["H", "Legislative Affairs", null],
      ["POL", null, "AMEMBASSY PANAMA"],
    ]);
    await addOffice(store, SYSTEM_ACTING, { code: "POL", post: "STATE" });
    expect((await listOffices(store, { post: "STATE" })).map((o) => o.code)).toEqual(["EUR/SCE", "POL"]);
    expect((await rejectionOf(addOffice(store, SYSTEM_ACTING, { code: "H" }))).code).toBe("DIRECTORY_CONFLICT");
  });

  it("resolves a bare office code only to the one post that has it, or to the Department's", async () => {
    await addPost(store, SYSTEM_ACTING, { name: "SECSTATE WASHDC" });
    await addPost(store, SYSTEM_ACTING, { name: "AMEMBASSY PANAMA" });
    await addPost(store, SYSTEM_ACTING, { name: "AMEMBASSY ROME" });
    for (const post of ["PANAMA", "ROME"]) await addOffice(store, SYSTEM_ACTING, { code: "POL", post });
    await addOffice(store, SYSTEM_ACTING, { code: "DAO", post: "ROME" });
    await addOffice(store, SYSTEM_ACTING, { code: "EUR/SCE", post: "STATE" });
    await addOffice(store, SYSTEM_ACTING, { code: "EUR/SCE", post: "ROME" });
    const refs = [{ name: "POL" }, { name: "DAO" }, { name: "EUR/SCE" }];
    const dir = await loadAddresseeDirectory(store.db, refs);
    expect(
      refs.map((r) => {
        const found = dir.resolve(r);
        return found?.type === "post" ? `${found.post.name} ${found.office}` : null;
      }),
    ).toEqual([null, "AMEMBASSY ROME DAO", "SECSTATE WASHDC EUR/SCE"]);
  });

  it("resolves an addressee by PLAD, collective, office, routing indicator or station, the chancery first", async () => {
    await addPost(store, SYSTEM_ACTING, { name: "AMEMBASSY BRUSSELS", routingIndicator: "RUEHBS" });
    await addPost(store, SYSTEM_ACTING, { name: "USEU BRUSSELS", routingIndicator: "RUEHBS" });
    await addPost(store, SYSTEM_ACTING, { name: "SECSTATE WASHDC", routingIndicator: "RUEHC" });
    await addOffice(store, SYSTEM_ACTING, { code: "EUR/SCE", name: "South Central Europe", post: "STATE" });
    await addCollective(store, SYSTEM_ACTING, {
      name: "BENELUX COLLECTIVE",
      routingIndicator: "RUEHXB",
      members: ["USEU BRUSSELS"],
    });
    const refs = [
      { name: "usEU brussels" },
      { name: "BENELUX COLLECTIVE" },
      { name: "EUR/SCE" },
      { name: "SOMETHING RENAMED", route: "RUEHXB" },
      { name: "RUEHBS" },
      { name: "BRUSSELS" },
      { name: "AMEMBASSY BRUSELS" },
    ];
    const dir = await loadAddresseeDirectory(store.db, refs);
    const what = refs.map((r) => {
      const found = dir.resolve(r);
      if (found?.type === "post") return `${found.post.name}${found.office ? ` ${found.office}` : ""}`;
      return found ? `${found.name}: ${found.members.map((m) => m.name).join(", ")}` : null;
    });
    expect(what).toEqual([
      "USEU BRUSSELS",
      "BENELUX COLLECTIVE: USEU BRUSSELS",
      "SECSTATE WASHDC EUR/SCE",
      "BENELUX COLLECTIVE: USEU BRUSSELS",
      "AMEMBASSY BRUSSELS",
      "AMEMBASSY BRUSSELS",
      null,
    ]);
    expect(await closeMatches(store.db, "AMEMBASSY BRUSELS")).toEqual(["AMEMBASSY BRUSSELS", "USEU BRUSSELS"]);
  });

  it("manages collectives and their members, and drops a removed post from them", async () => {
    for (const name of ["AMEMBASSY PARIS", "AMEMBASSY BERLIN", "AMEMBASSY ROME"])
      await addPost(store, SYSTEM_ACTING, { name });
    const nato = await addCollective(store, SYSTEM_ACTING, {
      name: "nato capitals",
      members: ["PARIS", "AMEMBASSY BERLIN"],
    });
    expect(nato).toEqual({
      name: "NATO CAPITALS",
      routingIndicator: null,
      members: ["AMEMBASSY BERLIN", "AMEMBASSY PARIS"],
    });
    expect((await rejectionOf(addCollective(store, SYSTEM_ACTING, { name: "BAD", members: ["ATLANTIS"] }))).code).toBe(
      "POST_NOT_FOUND",
    );
    expect(await listCollectives(store, { name: "BAD" })).toEqual([]);
    expect((await addCollectiveMember(store, SYSTEM_ACTING, "NATO CAPITALS", "ROME")).members).toHaveLength(3);
    expect((await addCollectiveMember(store, SYSTEM_ACTING, "NATO CAPITALS", "ROME")).members).toHaveLength(3);
    expect((await removeCollectiveMember(store, SYSTEM_ACTING, "NATO CAPITALS", "PARIS")).members).toEqual([
      "AMEMBASSY BERLIN",
      "AMEMBASSY ROME",
    ]);
    await removePost(store, SYSTEM_ACTING, "ROME");
    expect((await listCollectives(store))[0]?.members).toEqual(["AMEMBASSY BERLIN"]);
    expect((await rejectionOf(addCollectiveMember(store, SYSTEM_ACTING, "NO SUCH COLLECTIVE", "BERLIN"))).code).toBe(
      "COLLECTIVE_NOT_FOUND",
    );
  });
});
