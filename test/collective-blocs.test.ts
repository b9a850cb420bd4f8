// Collectives that correspond to blocs, countries or kinds of post: their members are derived on the release date
// from the bloc's membership and the directory's posts; one that reaches no post is shown empty and refuses a
// release. Both dialects.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectiveAdmits, collectiveRule, type Cable } from "../src/core/index.ts";
import { fixedClock } from "../src/services/clock.ts";
import { listCollectives, loadDefaultDirectory } from "../src/services/directory/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const addressee = (name: string): Cable["to"][number] => ({
  route: null,
  name,
  office: null,
  precedence: "PRIORITY",
  mcn: null,
});

/** The Council of 2009: the five permanent members and Austria, Burkina Faso, Costa Rica, Croatia, Japan, Libya, Mexico, Turkey, Uganda, Vietnam (no US embassy in the US). */
const UNSC_2009_EMBASSIES = [
  "AMEMBASSY ANKARA",
  "AMEMBASSY BEIJING",
  "AMEMBASSY HANOI",
  "AMEMBASSY KAMPALA",
  "AMEMBASSY LONDON",
  "AMEMBASSY MEXICO",
  "AMEMBASSY MOSCOW",
  "AMEMBASSY OUAGADOUGOU",
  "AMEMBASSY PARIS",
  "AMEMBASSY SAN JOSE",
  "AMEMBASSY TOKYO",
  "AMEMBASSY TRIPOLI",
  "AMEMBASSY VIENNA",
  "AMEMBASSY ZAGREB",
];

describe("collective rules", () => {
  it("admits an embassy in a member of the day, by its TAGS country code, and not a consulate", () => {
    const admits = collectiveAdmits(collectiveRule("UN SECURITY COUNCIL COLLECTIVE")!, "2009-04-07");
    expect(admits({ country: "HR", kind: "embassy" })).toBe(true);
    expect(admits({ country: "RS", kind: "embassy" })).toBe(true); // TAGS RS is Russia
    expect(admits({ country: "SR", kind: "embassy" })).toBe(false); // TAGS SR is Serbia
    expect(admits({ country: "HR", kind: "consulate" })).toBe(false);
    expect(
      collectiveAdmits(
        collectiveRule("UN SECURITY COUNCIL COLLECTIVE")!,
        "2010-04-07",
      )({ country: "HR", kind: "embassy" }),
    ).toBe(false);
  });

  it("has no rule for a collective that is not a bloc's", () => {
    expect(collectiveRule("DARFUR COLLECTIVE")).toBeUndefined();
  });
});

describe.each(DIALECTS)("collectives from blocs on %s", (dialect) => {
  let store: Store;
  const clock = fixedClock("2009-04-07T14:00:00Z");
  beforeEach(async () => {
    store = await openTestStore(dialect, "collbloc");
    await loadDefaultDirectory(store);
  });
  afterEach(async () => store.close());

  const release = (to: string, at: string) => {
    clock.set(at);
    return releaseFields({ store, clock }, seedFields("08STATE16245", { to: [addressee(to)], info: [] }));
  };
  const postsOf = async (cableId: string) =>
    (
      await store.db.selectFrom("deliveries").select("post").where("cable_id", "=", cableId).orderBy("post").execute()
    ).map((r) => r.post);

  it("delivers a cable to UN SECURITY COUNCIL COLLECTIVE released on 2009-04-07 to the embassies in that year's members", async () => {
    const { id } = await release("UN SECURITY COUNCIL COLLECTIVE", "2009-04-07T14:00:00Z");
    expect(await postsOf(id)).toEqual(UNSC_2009_EMBASSIES);
  });

  it("delivers the same collective a year later to the Council of 2010: Brasilia in, Zagreb out", async () => {
    const { id } = await release("UN SECURITY COUNCIL COLLECTIVE", "2010-04-07T14:00:00Z");
    const posts = await postsOf(id);
    expect(posts).toContain("AMEMBASSY BRASILIA");
    expect(posts).toContain("AMEMBASSY SARAJEVO");
    expect(posts).not.toContain("AMEMBASSY ZAGREB");
  });

  it("refuses a release to a collective with no member, with a finding that names it", async () => {
    const error = await rejectionOf(release("DARFUR COLLECTIVE", "2009-04-07T14:00:00Z"));
    expect(error.code).toBe("NOT_READY_FOR_RELEASE");
    const findings = error.details.findings as { code: string; message: string; path: unknown[] }[];
    expect(findings).toEqual([
      expect.objectContaining({
        code: "empty_collective",
        path: ["to", 0],
        message: expect.stringContaining("DARFUR COLLECTIVE"),
      }),
    ]);
    expect(await store.db.selectFrom("deliveries").select("post").execute()).toEqual([]);
  });

  it("refuses a bloc's collective on a day its bloc has no member with a post: the GCC before 1981", async () => {
    const error = await rejectionOf(release("GULF COOPERATION COUNCIL COLLECTIVE", "1980-06-01T12:00:00Z"));
    const findings = error.details.findings as { code: string; message: string }[];
    expect(findings.map((f) => f.code)).toEqual(["empty_collective"]);
    expect(findings[0]?.message).toContain("GCC");
  });

  it("lists each collective with its derived members and how they are derived, or empty", async () => {
    const collectives = await listCollectives(store, { asOf: "2009-04-07" });
    const unsc = collectives.find((c) => c.name === "UN SECURITY COUNCIL COLLECTIVE");
    expect(unsc?.members).toEqual(UNSC_2009_EMBASSIES);
    expect(unsc?.derivation).toContain("UNSC");
    const all = collectives.find((c) => c.name === "ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE");
    expect(all?.members).toContain("AMCONSUL JOHANNESBURG");
    expect(all?.members).not.toContain("SECSTATE WASHDC");
    expect(collectives.find((c) => c.name === "ASEAN MEMBER COLLECTIVE")?.members).toContain("AMEMBASSY BANGKOK");
    expect(collectives.find((c) => c.name === "DARFUR COLLECTIVE")).toMatchObject({ members: [], derivation: null });
    const natoBefore = (await listCollectives(store, { asOf: "2009-03-31", name: "ALL NATO POST COLLECTIVE" }))[0];
    const natoAfter = (await listCollectives(store, { asOf: "2009-04-01", name: "ALL NATO POST COLLECTIVE" }))[0];
    expect(natoBefore?.members).not.toContain("AMEMBASSY ZAGREB");
    expect(natoAfter?.members).toContain("AMEMBASSY ZAGREB");
  });
});
