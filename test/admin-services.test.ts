// Administrative services check the acting user's role themselves, so that a route left open by mistake at the edge
// still cannot read the audit log or move a post's alerts. Both dialects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDutyOfficer } from "../src/services/alerts/index.ts";
import { queryAudit } from "../src/services/audit/query-audit.ts";
import { fixedClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { SYSTEM_ACTING } from "../src/services/users/acting.ts";
import { createUser, type User } from "../src/services/users/index.ts";
import type { Store } from "../src/store/open-store.ts";
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

  it("refuse a user without the admin role with FORBIDDEN, even one cleared for everything", async () => {
    expect(await rejectionOf(queryAudit(store, reader))).toMatchObject({
      code: "FORBIDDEN",
      details: { role: "admin" },
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
});
