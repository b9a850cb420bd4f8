// Administrative services check the acting user's role themselves, so that a route left open by mistake at the edge
// still cannot read the audit log, move a post's alerts, change users and their tokens or change the directory.
// Both dialects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDutyOfficer } from "../src/services/alerts/index.ts";
import { queryAudit } from "../src/services/audit/query-audit.ts";
import { fixedClock } from "../src/services/clock.ts";
import { listTokens, mintToken, revokeToken } from "../src/services/auth/api-tokens.ts";
import {
  addCollective,
  addCollectiveMember,
  addOffice,
  addPost,
  loadDefaultDirectory,
  removeCollective,
  removeCollectiveMember,
  removeOffice,
  removePost,
  updatePost,
} from "../src/services/directory/index.ts";
import { SYSTEM_ACTING, type Acting } from "../src/services/acting.ts";
import { createUser, removeUser, setPassword, updateUser, type User } from "../src/services/users/index.ts";
import { unthrottleUser } from "../src/services/auth/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { sql } from "kysely";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: administrative services", (dialect) => {
  let store: Store;
  let reader: User;
  let admin: User;
  const deps = () => ({ store, clock: fixedClock("2024-05-01T09:00:00Z") });
  beforeAll(async () => {
    store = await openTestStore(dialect, "admin_services_test");
    await loadDefaultDirectory(store);
    reader = await createUser(deps(), SYSTEM_ACTING, { username: "reader", clearance: "TOP SECRET", post: "PARIS" });
    admin = await createUser(deps(), SYSTEM_ACTING, { username: "root", roles: ["admin"], post: "STATE" });
  });
  afterAll(() => store?.close());

  it("refuse a user without the admin role (or the archivist's, for the audit log) with FORBIDDEN, even one cleared for everything", async () => {
    expect(await rejectionOf(queryAudit(store, reader))).toMatchObject({
      code: "FORBIDDEN",
      details: { role: "archivist" },
    });
    const duty = setDutyOfficer(deps(), reader, "PARIS", { webhook: "https://attacker.example/hook" });
    expect(await rejectionOf(duty)).toMatchObject({ code: "FORBIDDEN" });
    expect(await store.db.selectFrom("duty_officers").selectAll().execute()).toEqual([]);
  });

  it("serve an administrator and the system", async () => {
    expect(await queryAudit(store, admin)).toEqual([]);
    expect(await queryAudit(store, SYSTEM_ACTING, { limit: 1 })).toEqual([]);
    const officer = await setDutyOfficer(deps(), admin, "PARIS", { username: "reader" });
    expect(officer).toMatchObject({ post: "AMEMBASSY PARIS", userId: reader.id });
  });

  const tables = ["users", "sessions", "api_tokens", "posts", "offices", "collectives", "collective_members"] as const;
  /** Every row of the tables these services write, to show a refused call changed nothing. */
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        tables.map(
          async (t) =>
            [
              t,
              await store.db
                .selectFrom(t)
                .selectAll()
                .orderBy(sql`1`)
                .execute(),
            ] as const,
        ),
      ),
    );

  /** Every user and directory change, acted by `by`, each undoing what an earlier one added; `token` is root's. */
  const changes = (by: Acting, token: string) => [
    () => createUser(deps(), by, { username: "mallory", roles: ["admin"] }),
    () => updateUser(deps(), by, "reader", { clearance: "SECRET" }),
    () => setPassword(deps(), by, "root", "a passphrase the intruder chose"),
    () => unthrottleUser(deps(), by, "root"),
    () => mintToken(deps(), by, "root", "stolen"),
    () => listTokens(deps(), by, "root"),
    () => revokeToken(deps(), by, "root", token),
    () => removeUser(store, by, "mallory"),
    () => addPost(store, by, { name: "AMEMBASSY ATLANTIS" }),
    () => updatePost(store, by, "PARIS", { routingIndicator: "RUEHXX" }),
    () => removePost(store, by, "AMEMBASSY ATLANTIS"),
    () => addOffice(store, by, { code: "EVIL/OPS", post: "STATE" }),
    () => removeOffice(store, by, "EVIL/OPS"),
    () => addCollective(store, by, { name: "ROGUE COLLECTIVE", members: ["PARIS"] }),
    () => addCollectiveMember(store, by, "ROGUE COLLECTIVE", "STATE"),
    () => removeCollectiveMember(store, by, "ROGUE COLLECTIVE", "PARIS"),
    () => removeCollective(store, by, "ROGUE COLLECTIVE"),
  ];

  it("refuse a non-admin every change to users, their tokens and the directory with FORBIDDEN, changing nothing", async () => {
    const { id } = await mintToken(deps(), SYSTEM_ACTING, "root", "root's");
    const before = await snapshot();
    for (const change of changes(reader, id)) {
      expect(await rejectionOf(change())).toMatchObject({ code: "FORBIDDEN", details: { role: "admin" } });
    }
    expect(await snapshot()).toEqual(before);
    await revokeToken(deps(), SYSTEM_ACTING, "root", id);
  });

  it("let a user mint, list and revoke his own API tokens, and an administrator change users and the directory", async () => {
    const own = await mintToken(deps(), reader, "reader", "mine");
    expect((await listTokens(deps(), reader, "reader")).map((t) => t.label)).toEqual(["mine"]);
    await revokeToken(deps(), reader, "reader", own.id);
    const { id } = await mintToken(deps(), SYSTEM_ACTING, "root", "root's");
    const results = [];
    for (const change of changes(admin, id)) results.push(await change());
    expect(results).toMatchObject([
      { username: "mallory" },
      { username: "reader", clearance: "SECRET" },
      { username: "root", hasPassword: true },
      { user: { username: "root" }, addresses: 0 },
      { label: "stolen" },
      expect.arrayContaining([
        expect.objectContaining({ label: "stolen" }),
        expect.objectContaining({ label: "root's" }),
      ]),
      undefined,
      { username: "mallory" },
      { name: "AMEMBASSY ATLANTIS" },
      { name: "AMEMBASSY PARIS", routingIndicator: "RUEHXX" },
      { name: "AMEMBASSY ATLANTIS" },
      { code: "EVIL/OPS" },
      { code: "EVIL/OPS" },
      { name: "ROGUE COLLECTIVE", members: ["AMEMBASSY PARIS"] },
      { members: ["AMEMBASSY PARIS", "SECSTATE WASHDC"] },
      { members: ["SECSTATE WASHDC"] },
      { name: "ROGUE COLLECTIVE" },
    ]);
  });
});
