// Declassification review, end to end in the services: a reviewer releases 09STATE39345 in part, withholds another
// cable in full, and the public reading room shows exactly what was released, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cable, PortionDecision, ReviewDecision } from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { verifyChain } from "../src/services/chain/index.ts";
import { fixedClock, type Deps } from "../src/services/clock.ts";
import {
  dueForReview,
  dueList,
  listWithdrawals,
  readReadingRoom,
  recordReview,
  searchReadingRoom,
} from "../src/services/declass/index.ts";
import { readerOf } from "../src/services/users/reader-of.ts";
import { createUser, type User } from "../src/services/users/index.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { renderTelegram } from "../src/telegram/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { seed, variantOf } from "./helpers/archive-fixtures.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const WITHHELD: PortionDecision = { action: "withhold", exemptions: ["1.4(b)", "1.4(d)"] };

/** Paragraphs 1-3 (C) withheld under 1.4(b) and (d); everything else released. */
function inPartDecision(cable: Cable): ReviewDecision {
  return {
    outcome: "release-in-part",
    portions: cable.paragraphs.map((p) => (p.number !== null && p.number <= 3 ? WITHHELD : { action: "release" })),
    subject: { action: "release" },
    tags: cable.tags.map(() => ({ action: "release" })),
  };
}

describe.each(DIALECTS)("%s: declassification review and the reading room", (dialect) => {
  let store: Store;
  let deps: Deps;
  let reviewer: User;
  let lowReviewer: User;
  let plainReader: User;
  const original = seed("09STATE39345");
  const withheldCable = variantOf(original.cable, {
    id: "09STATE39346",
    subject: "ZANZIBAR PLANS",
    tags: ["PREL", "XQZV"],
  });
  const unclassified = seed("08STATE16245");

  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_declass");
    deps = { store, clock: fixedClock("2026-12-06T09:00:00Z") };
    await archiveCables(store, [original, { cable: withheldCable, raw: null }, unclassified]);
    const user = (username: string, clearance: "CONFIDENTIAL" | "UNCLASSIFIED", roles: User["roles"]) =>
      createUser(deps, SYSTEM_ACTING, { username, clearance, roles, post: null });
    reviewer = await user("rreviewer", "CONFIDENTIAL", ["reader", "reviewer"]);
    lowReviewer = await user("lowreviewer", "UNCLASSIFIED", ["reader", "reviewer"]);
    plainReader = await user("reader", "CONFIDENTIAL", ["reader"]);
  });
  afterAll(() => store?.close());

  it("queues the classified cables whose review date has passed, oldest first, from the schedule", async () => {
    const queue = dueForReview(store, () => "2026-12-06");
    expect(await queue.next(readerOf(reviewer), 10, null)).toEqual(["09STATE39345", "09STATE39346"]);
    expect(await queue.next(readerOf(reviewer), 10, "09STATE39345")).toEqual(["09STATE39346"]);
    expect(await dueForReview(store, () => "2019-04-15").next(readerOf(reviewer), 10, null)).toEqual([]);
    expect(await queue.next(readerOf(lowReviewer), 10, null)).toEqual([]);
  });

  it("refuses a reviewer without the cable's clearance, and a user without the reviewer role", async () => {
    const decision = inPartDecision(original.cable);
    expect((await rejectionOf(recordReview(deps, lowReviewer, "09STATE39345", decision))).code).toBe("CABLE_NOT_FOUND");
    expect((await rejectionOf(recordReview(deps, plainReader, "09STATE39345", decision))).code).toBe("FORBIDDEN");
  });

  it("refuses an exemption code that does not fit the cable's age, saying which portion", async () => {
    const decision = inPartDecision(original.cable);
    if (decision.outcome !== "release-in-part") throw new Error("unreachable");
    const bad = {
      ...decision,
      portions: decision.portions.map((p) => (p.action === "withhold" ? { ...p, exemptions: ["25X1" as const] } : p)),
    };
    const error = await rejectionOf(recordReview(deps, reviewer, "09STATE39345", bad));
    expect(error.code).toBe("REVIEW_INVALID");
    expect(error.message).toMatch(/portions\.0: 25X1 does not apply to a cable 17 years old/);
  });

  it("releases 09STATE39345 in part: paragraphs 4-7 and three markers, the original unchanged", async () => {
    const recorded = await recordReview(deps, reviewer, "09STATE39345", inPartDecision(original.cable));
    expect(recorded).toMatchObject({ outcome: "release-in-part", readingRoom: "/reading-room/09STATE39345" });
    const item = await readReadingRoom(store, "09STATE39345");
    if (item.kind !== "released") throw new Error("expected a released version");
    const numbered = item.version.cable.paragraphs.filter((p) => p.number !== null).map((p) => p.number);
    expect(numbered).toEqual([4, 5, 6, 7]);
    expect(item.version.telegram.match(/\[Paragraph [123] \(C\) withheld: 1\.4\(b\), 1\.4\(d\)\]/g)).toHaveLength(3);
    expect(item.version.telegram).toContain("DECLASSIFIED IN PART. AUTHORITY: E.O. 13526. REVIEWER: rreviewer.");
    expect(item.version.telegram).not.toMatch(/Venezuela/);
    expect(item.version.exemptions).toEqual(["1.4(b)", "1.4(d)"]);
    const archived = await store.db.selectFrom("cable_texts").select("raw").execute();
    expect(archived.map((r) => r.raw)).toContain(original.raw);
  });

  it("finds a word of a released paragraph, and nothing for a word only in a withheld one", async () => {
    const found = await searchReadingRoom(store, { q: "Ankara" });
    expect(found.results.map((r) => r.id)).toEqual(["09STATE39345"]);
    expect(found.results[0]!.snippet).toContain("<mark>Ankara</mark>");
    const venezuela = await searchReadingRoom(store, { q: "Venezuela" });
    expect(venezuela).toMatchObject({ total: 0, results: [] });
    expect((await searchReadingRoom(store, { q: "tag:KV" })).total).toBe(1);
  });

  it("shows a cable withheld in full only as its withdrawal card", async () => {
    await recordReview(deps, reviewer, "09STATE39346", {
      outcome: "withhold-in-full",
      exemptions: ["1.4(d)"],
      subject: { action: "withhold", exemptions: ["1.4(d)"] },
    });
    const item = await readReadingRoom(store, "09STATE39346");
    expect(item).toEqual({
      kind: "withdrawn",
      card: {
        id: "09STATE39346",
        dtg: withheldCable.dtg,
        origin: "STATE",
        subject: null,
        exemptions: ["1.4(d)"],
        reviewDate: "2026-12-06",
      },
    });
    expect((await listWithdrawals(store, {})).cards.map((c) => c.id)).toEqual(["09STATE39346"]);
    const all = await searchReadingRoom(store, { q: "" });
    expect(all.results.map((r) => r.id)).toEqual(["09STATE39345"]);
    expect(all.facets.tags.map((t) => t.value)).not.toContain("XQZV");
    expect((await searchReadingRoom(store, { q: "zanzibar" })).total).toBe(0);
  });

  it("answers NOT_IN_READING_ROOM for an archived cable not released, and ALREADY_REVIEWED for a second release", async () => {
    expect((await rejectionOf(readReadingRoom(store, "08STATE16245"))).code).toBe("NOT_IN_READING_ROOM");
    const again = recordReview(deps, reviewer, "09STATE39345", inPartDecision(original.cable));
    expect((await rejectionOf(again)).code).toBe("ALREADY_REVIEWED");
  });

  it("audits and chains each decision: the chain verifies, and a changed released version is named", async () => {
    const audit = await queryAudit(store, SYSTEM_ACTING, { action: "declass.review" });
    expect(audit.map((e) => e.target).sort()).toEqual(["09STATE39345", "09STATE39346"]);
    expect((await verifyChain(store)).problems).toEqual([]);
    await store.db
      .updateTable("reading_room")
      .set({ telegram: renderTelegram(original.cable) })
      .where("cable_id", "=", "09STATE39345")
      .execute();
    const verdict = await verifyChain(store);
    expect(verdict.problems.map((p) => p.reason).join("\n")).toMatch(
      /declassification review or its released version was changed/,
    );
  });

  it("takes reviewed cables off the queue and the due list, which still count the rest", async () => {
    expect(await dueForReview(store, () => "2026-12-06").next(readerOf(reviewer), 10, null)).toEqual([]);
    const due = await dueList(deps, reviewer, readerOf(reviewer));
    expect(due).toMatchObject({ due: 0, overdue: 0, cables: [] });
  });
});
