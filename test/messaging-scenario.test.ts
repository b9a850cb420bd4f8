// The seed scenario of issue 4 end to end through the HTTP API, with a clock the test moves: headquarters drafts the
// Kosovo demarche of 08STATE16245, has it cleared, releases it to five action posts at NIACT IMMEDIATE and nine info
// addressees at IMMEDIATE; the action posts' duty officers are alerted; three posts reply citing it; the action
// dashboard shows three reported and two pending, and two overdue after the deadline. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { findUser } from "../src/services/users/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import {
  ACTION_POSTS,
  draftViaApi,
  decideClearanceViaApi,
  draftOf,
  dutyOfficer,
  eventually,
  expectStatus,
  inboxOf,
  postDrafter,
  releaseViaApi,
  tryReleaseViaApi,
  REPLYING_POSTS,
  requestClearanceViaApi,
  startMessagingServer,
  type InboxItem,
  type MessagingServer,
} from "./helpers/messaging-fixtures.ts";
import { call } from "./helpers/server-fixtures.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

// By PLAD: a station can stand for two posts (PRISTINA is both AMEMBASSY PRISTINA and USOFFICE PRISTINA).
const INFO_POSTS = [
  "AMEMBASSY BELGRADE",
  "AMEMBASSY BRUSSELS",
  "AMEMBASSY LONDON",
  "AMEMBASSY PARIS",
  "USOFFICE PRISTINA",
  "AMEMBASSY ROME",
  "AMEMBASSY ZAGREB",
  "USMISSION USNATO",
  "USMISSION USUN NEW YORK",
];
const DUE = "2008-02-17T12:00:00Z";

/** The status of each action post on the dashboard, keyed by station. */
type Dashboard = Record<string, string>;

async function dashboardOf(server: MessagingServer, cableId: string): Promise<Dashboard> {
  const res = await call(server, "drafter", { url: `/api/cables/${cableId}/actions` });
  expectStatus(res, 200, `actions of ${cableId}`);
  const body = res.json() as { posts: { post: string; station: string | null; status: string }[] };
  return Object.fromEntries(body.posts.map((p) => [p.station ?? p.post, p.status]));
}

/** What a status count of the dashboard is: how many posts stand at each status. */
function countStatuses(dashboard: Dashboard): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of Object.values(dashboard)) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/**
 * The shape of a telegram's header, line by line up to the first blank line: which kind of line stands where
 * (start of message, relay, DE, security warning, date-time group, FM, TO, an addressee, INFO).
 */
function headerShape(telegram: string): string[] {
  const lines = telegram.replace(/^\s+/, "").split("\n");
  const header = lines.slice(
    0,
    lines.findIndex((line) => line.trim() === ""),
  );
  return header.map((line) => {
    const first = line.split(" ")[0]!;
    if (first.startsWith("VZCZC")) return "VZCZC";
    if (["OO", "DE", "ZNR", "ZNY", "O", "FM", "TO", "INFO"].includes(first)) return first === "ZNY" ? "ZNR" : first;
    return /^[A-Z]{4,7}\//.test(first) ? "ADDRESSEE" : `?${line}`;
  });
}

describe.each(DIALECTS)("%s: the life of the Kosovo demarche, through the API", (dialect) => {
  const seed = parseTelegram(readSeed("08STATE16245"));
  let server: MessagingServer;
  let draftId: string;
  let cableId: string;
  const replies: string[] = [];

  beforeAll(async () => {
    server = await startMessagingServer(dialect, "2008-02-16T21:30:00Z");
  });
  afterAll(() => server?.close());

  it("drafts the demarche with an action request and resolves every addressee against the directory", async () => {
    const draft = await draftViaApi(server, "drafter", {
      ...draftOf(seed),
      actionRequests: [{ what: "Deliver the demarche and report the host government's response", posts: [], due: DUE }],
    });
    draftId = draft.id;
    expect(draftId).toEqual(expect.any(String));
    const errors = (draft.findings as { severity?: string }[]).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
    const read = await call(server, "drafter", { url: `/api/drafts/${draftId}` });
    expectStatus(read, 200, "read the draft back");
    expect(JSON.stringify(read.json())).toContain("AMEMBASSY OUAGADOUGOU");
  });

  it("refuses release before the requested clearance, then releases once IO/UNP has cleared", async () => {
    server.clock.set("2008-02-16T22:00:00Z");
    const clearanceId = await requestClearanceViaApi(server, "drafter", draftId, { office: "IO/UNP" });
    const early = await tryReleaseViaApi(server, "approver", draftId);
    expect(early.statusCode, early.body).toBeGreaterThanOrEqual(400);
    server.clock.set("2008-02-16T23:00:00Z");
    expectStatus(
      await decideClearanceViaApi(server, "clearer", draftId, clearanceId, "clear", "IO/UNP clears."),
      200,
      "clear",
    );
    server.clock.set("2008-02-16T23:19:00Z");
    cableId = await releaseViaApi(server, "approver", draftId);
    expect(cableId).toMatch(/^08STATE\d+$/);
  });

  it("renders the released cable as a telegram with the structure of the seed", async () => {
    const res = await call(server, "drafter", { url: `/api/cables/${cableId}?format=telegram` });
    expectStatus(res, 200, "the released telegram");
    const telegram = res.body;
    const released: Cable = parseTelegram(telegram);
    expect(headerShape(telegram)).toEqual(headerShape(readSeed("08STATE16245")));
    expect(telegram).toMatch(/^O 162319Z FEB 08/m);
    expect(telegram).toMatch(/^DE RUEHC #\d{4} 0472319$/m);
    expect(telegram).toMatch(/^UNCLAS STATE \d{6}$/m);
    expect(released.id).toBe(cableId);
    expect(released.dtg).toBe("2008-02-16T23:19:00Z");
    const addressees = (c: Cable) => [...c.to, ...c.info].map((a) => [a.route, a.name, a.precedence]);
    expect(addressees(released)).toEqual(addressees(seed));
    // Release gives every addressee a channel serial, as the seed's header has.
    expect([...released.to, ...released.info].every((a) => a.mcn !== null && /^\d+$/.test(a.mcn))).toBe(true);
    const same = (c: Cable) => ({
      from: c.from?.name,
      classification: c.classification,
      caveats: c.caveats,
      eo: c.eo?.text,
      tags: c.tags,
      subject: c.subject,
      references: c.references.map((r) => r.id),
      paragraphs: c.paragraphs.map((p) => [p.number, p.marking]),
      signers: c.signers,
    });
    expect(same(released)).toEqual(same(seed));
  });

  it("delivers to the five action posts at NIACT IMMEDIATE and the nine info addressees at IMMEDIATE", async () => {
    const deliveryOf = async (station: string) =>
      eventually(`the delivery of ${cableId} to ${station}`, async () =>
        (await inboxOf(server, "admin", station)).filter((item) => item.cableId === cableId),
      ).then((items) => items.filter((item) => item.cableId === cableId));
    for (const station of ACTION_POSTS) {
      const items = await deliveryOf(station);
      expect(items.map((i) => [i.role, i.precedence, i.acknowledged])).toEqual([["action", "NIACT IMMEDIATE", false]]);
    }
    for (const station of INFO_POSTS) {
      const items = await deliveryOf(station);
      expect(items.map((i) => [i.role, i.precedence])).toEqual([["info", "IMMEDIATE"]]);
    }
    expect(await inboxOf(server, "admin", "MOSCOW")).toEqual([]);
  });

  it("alerts the duty officer of each action post at once, and no one at an info post", async () => {
    type Alert = { kind: string; cableId: string; post: string; officerId: string | null };
    const alertsAt = async (user: string, station: string) => {
      const res = await call(server, user, { url: `/api/alerts?post=${encodeURIComponent(station)}` });
      expectStatus(res, 200, `alerts of ${station} as ${user}`);
      return (res.json() as { items: Alert[] }).items.filter((a) => a.cableId === cableId);
    };
    for (const station of ACTION_POSTS) {
      const officer = await findUser(server.store, dutyOfficer(station));
      const alerts = await eventually(`the NIACT alert at ${station}`, async () => {
        const found = await alertsAt(dutyOfficer(station), station);
        return found.length > 0 ? found : null;
      });
      expect(alerts.map((a) => [a.kind, a.officerId])).toEqual([["niact", officer!.id]]);
    }
    for (const station of INFO_POSTS) expect(await alertsAt("admin", station)).toEqual([]);
  });

  it("shows the five action posts pending until they act", async () => {
    expect(countStatuses(await dashboardOf(server, cableId))).toEqual({ pending: 5 });
  });

  it("acknowledges a delivery at a replying post: the dashboard shows it acknowledged", async () => {
    server.clock.set("2008-02-17T06:00:00Z");
    server.forgetSessions();
    for (const station of REPLYING_POSTS) {
      const [item] = (await inboxOf(server, dutyOfficer(station), station)).filter(
        (i: InboxItem) => i.cableId === cableId,
      );
      expect(item, `the delivery at ${station}`).toBeDefined();
      const ack = await call(server, dutyOfficer(station), { method: "POST", url: `/api/deliveries/${item!.id}/ack` });
      expectStatus(ack, 200, `ack at ${station}`);
      const after = (await inboxOf(server, dutyOfficer(station), station)).find((i) => i.id === item!.id);
      expect(after?.acknowledged).toBe(true);
    }
    expect(countStatuses(await dashboardOf(server, cableId))).toEqual({ acknowledged: 3, pending: 2 });
  });

  it("lets three posts reply citing the demarche: three reported, two pending", async () => {
    server.clock.set("2008-02-17T09:00:00Z");
    for (const station of REPLYING_POSTS) {
      const user = postDrafter(station);
      const made = await call(server, user, { method: "POST", url: `/api/cables/${cableId}/reply`, payload: {} });
      if (made.statusCode !== 200) expectStatus(made, 201, `reply draft at ${station}`);
      const replyDraftId = (made.json() as { id: string }).id;
      const read = await call(server, user, { url: `/api/drafts/${replyDraftId}` });
      expectStatus(read, 200, `the reply draft at ${station}`);
      expect(JSON.stringify(read.json())).toContain(cableId);
      const patch = await call(server, user, {
        method: "PATCH",
        url: `/api/drafts/${replyDraftId}`,
        payload: {
          tags: ["UNSC", "PREL", "KV"],
          signers: ["AMBASSADOR"],
          paragraphs: [
            { number: 1, marking: "U", text: `Post delivered reftel demarche on February 17 at ${station}.` },
            { number: 2, marking: "U", text: "The host government will consider the points before the Council meets." },
          ],
        },
      });
      expectStatus(patch, 200, `edit the reply at ${station}`);
      const replyId = await releaseViaApi(server, user, replyDraftId);
      expect(replyId).toMatch(new RegExp(`^08${station}\\d+$`));
      replies.push(replyId);
      const cited = await call(server, user, { url: `/api/cables/${replyId}` });
      expect((cited.json() as { cable: Cable }).cable.references.map((r) => r.id)).toContain(cableId);
    }
    const dashboard = await eventually("three reported", async () => {
      const now = await dashboardOf(server, cableId);
      return countStatuses(now).reported === 3 ? now : null;
    });
    expect(countStatuses(dashboard)).toEqual({ reported: 3, pending: 2 });
    for (const station of REPLYING_POSTS) expect(dashboard[station]).toBe("reported");
  });

  it("after the deadline shows the two silent posts overdue and the three reported as they were", async () => {
    server.clock.set("2008-02-17T12:01:00Z");
    server.forgetSessions(); // the morning's sessions have expired by the clock
    const dashboard = await eventually("two overdue", async () => {
      const now = await dashboardOf(server, cableId);
      return countStatuses(now).overdue === 2 ? now : null;
    });
    expect(countStatuses(dashboard)).toEqual({ reported: 3, overdue: 2 });
    expect(dashboard.SANJOSE).toBe("overdue");
    expect(dashboard.TRIPOLI).toBe("overdue");
  });
});
