// A node's remembered addressees (directory-answers.ts) answer as the directory does, from memory while it stays as
// it was, and anew after any write to posts, offices, collectives or their members, whoever makes it.
import { sql, type KyselyPlugin } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  directoryAnswers,
  loadAddresseeDirectory,
  loadDefaultDirectory,
  type AddresseeRef,
} from "../src/services/directory/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

/** A post by name, by station and by routing indicator, an office, a collective, a routed name, and an unknown. */
const REFS: AddresseeRef[] = [
  { name: "AMEMBASSY PANAMA" },
  { name: "PARIS" },
  { name: "RUEHZP" },
  { name: "EUR/SCE" },
  { name: "AFRICAN UNION COLLECTIVE" },
  { name: "AMEMBASSY ROME", route: "RUEHRO" },
  { name: "AMEMBASSY ATLANTIS" },
];

describe.each(DIALECTS)("%s: remembered addressees", (dialect) => {
  let store: Store;
  let statements = 0;
  /** Counts the statements a database runs through it. */
  const counting: KyselyPlugin = {
    transformQuery: (args) => ((statements += 1), args.node),
    transformResult: async (args) => args.result,
  };

  beforeEach(async () => {
    store = await openTestStore(dialect, "cg_dir_answers");
    await loadDefaultDirectory(store);
    statements = 0;
  });
  afterEach(async () => store.close());

  const answersOf = async (load: typeof loadAddresseeDirectory) => {
    const directory = await load(store.db.withPlugin(counting), REFS, "2008-02-16");
    return REFS.map((ref) => directory.resolve(ref));
  };

  it("answers every kind of addressee as the directory does, and again from memory with one read", async () => {
    const expected = await answersOf(loadAddresseeDirectory);
    expect(expected.filter((a) => a !== null)).toHaveLength(REFS.length - 1);
    const answers = directoryAnswers();
    expect(await answersOf(answers.load)).toEqual(expected);
    statements = 0;
    expect(await answersOf(answers.load)).toEqual(expected);
    expect(statements).toBe(1); // the directory's version, nothing else
  });

  it("answers anew after a write to any of the directory's tables, made by any statement", async () => {
    const answers = directoryAnswers();
    const station = async () => {
      const answer = (await answers.load(store.db, [{ name: "AMEMBASSY PANAMA" }])).resolve({
        name: "AMEMBASSY PANAMA",
      });
      return answer?.type === "post" ? answer.post.station : null;
    };
    expect(await station()).toBe("PANAMA");
    await sql`UPDATE posts SET station = 'PANAMA CITY' WHERE name = 'AMEMBASSY PANAMA'`.execute(store.db);
    expect(await station()).toBe("PANAMA CITY");

    const version = async () =>
      Number((await store.db.selectFrom("directory_version").select("version").executeTakeFirstOrThrow()).version);
    const writes = [
      sql`INSERT INTO offices (code, name, post) VALUES ('EUR/TEST', 'A test office', 'SECSTATE WASHDC')`,
      sql`INSERT INTO collectives (name, routing_indicator) VALUES ('TEST COLLECTIVE', NULL)`,
      sql`INSERT INTO collective_members (collective, post) VALUES ('TEST COLLECTIVE', 'AMEMBASSY PANAMA')`,
      sql`DELETE FROM collective_members WHERE collective = 'TEST COLLECTIVE'`,
    ];
    for (const write of writes) {
      const before = await version();
      await write.execute(store.db);
      expect(await version()).toBeGreaterThan(before);
    }
  });
});
