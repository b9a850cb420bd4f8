// NIACT alerts: a NIACT IMMEDIATE copy alerts the post's duty officer at once by webhook and by e-mail (real
// HTTP and SMTP listeners), again every repeat interval until acknowledged, and the alerts API shows them; a post
// with nobody on the duty roster has its alert recorded as sent to nobody, and the server log warns of it.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/server/logger.ts";
import { setDutyOfficer, smtpSender, webhookSender } from "../src/services/alerts/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { classifiedFields, releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { PASSWORD, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { webhookReceiver } from "./helpers/webhook-receiver.ts";
import { smtpRelay } from "./helpers/smtp-relay.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

/** The server's log records (pino JSON lines) written so far. */
function logCapture(): { logger: ReturnType<typeof createLogger>; records: () => Record<string, unknown>[] } {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  const records = () =>
    chunks
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger: createLogger({ pretty: false, out }), records };
}

type AlertItem = {
  id: string;
  post: string;
  kind: string;
  attempts: number;
  outcome: string;
  lastSentAt: string | null;
  nextAt: string | null;
};

describe.each(DIALECTS)("NIACT alerts on %s", (dialect) => {
  let server: TestServer;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  let relay: Awaited<ReturnType<typeof smtpRelay>>;
  /** The seed demarche, released before the tests: NIACT IMMEDIATE to five posts. */
  let demarcheId: string;
  /** The webhook receiver's address, which the allow-list names. */
  let allow: string[];
  const log = logCapture();

  beforeAll(async () => {
    hook = await webhookReceiver();
    relay = await smtpRelay();
    // The receiver listens on loopback, which a webhook may reach only when the allow-list names it.
    allow = [new URL(hook.url).host];
    const senders = [
      webhookSender({ allow }),
      smtpSender({ host: "127.0.0.1", port: relay.port, from: "cablegram@test" }),
    ];
    server = await startTestServer(dialect, {
      logger: log.logger,
      messaging: { pollMs: 0, senders, alertRepeatMs: 5 * 60_000 },
    });
    await createUser(server.deps, SYSTEM_ACTING, {
      username: "duty.panama",
      clearance: "UNCLASSIFIED",
      post: "PANAMA",
      password: PASSWORD,
    });
    await setDutyOfficer(
      server.deps,
      SYSTEM_ACTING,
      "PANAMA",
      { username: "duty.panama", webhook: hook.url, email: "duty@panama.test" },
      { allow },
    );
    await setDutyOfficer(server.deps, SYSTEM_ACTING, "TRIPOLI", { email: "duty@tripoli.test" });
    demarcheId = (await releaseFields(server.deps, seedFields())).id;
    await server.app.messaging.dispatcher.drain();
  });
  afterAll(async () => {
    await server?.close();
    hook?.server.close();
    relay?.server.close();
  });

  it("alerts each action post's duty officer once the NIACT copy is delivered; info posts are not alerted", async () => {
    const res = await server.app.inject({
      url: "/api/alerts?open=true",
      headers: { cookie: await server.cookieOf("admin") },
    });
    const items = (res.json() as { items: AlertItem[] }).items;
    expect(items.map((a) => a.post).sort()).toEqual([
      "AMEMBASSY OUAGADOUGOU",
      "AMEMBASSY PANAMA",
      "AMEMBASSY PRETORIA",
      "AMEMBASSY SAN JOSE",
      "AMEMBASSY TRIPOLI",
    ]);
    expect(items.every((a) => a.kind === "niact")).toBe(true);
    const sent = items.filter((a) => a.outcome === "sent").map((a) => [a.post, a.attempts]);
    expect(sent.sort()).toEqual([
      ["AMEMBASSY PANAMA", 1],
      ["AMEMBASSY TRIPOLI", 1],
    ]);
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]!.subject).toMatch(/^KOSOVO: FOR CHIEFS OF MISSION/);
    expect(hook.bodies[0]).toMatchObject({
      cableId: demarcheId,
      post: "AMEMBASSY PANAMA",
      precedence: "NIACT IMMEDIATE",
      attempt: 1,
    });
    expect(relay.messages).toHaveLength(2);
    expect(relay.messages.join("\n")).toMatch(/To: duty@panama\.test/);
    expect(relay.messages.join("\n")).toMatch(/To: duty@tripoli\.test/);
  });

  it("lists one cable's alerts (?cable=), naming the duty officer alerted, and those that reached nobody", async () => {
    const admin = { cookie: await server.cookieOf("admin") };
    const res = await server.app.inject({ url: `/api/alerts?cable=${demarcheId}`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: (AlertItem & { officerName: string | null; cableId: string })[] }).items;
    expect(items.every((a) => a.cableId === demarcheId)).toBe(true);
    expect(items.map((a) => [a.post, a.outcome, a.officerName]).sort()).toEqual([
      ["AMEMBASSY OUAGADOUGOU", "no_duty_officer", null],
      ["AMEMBASSY PANAMA", "sent", "duty.panama"],
      ["AMEMBASSY PRETORIA", "no_duty_officer", null],
      ["AMEMBASSY SAN JOSE", "no_duty_officer", null],
      // Tripoli's duty officer is a mailbox, not a user.
      ["AMEMBASSY TRIPOLI", "sent", null],
    ]);
    const other = await server.app.inject({ url: "/api/alerts?cable=09STATE39345", headers: admin });
    expect((other.json() as { items: unknown[] }).items).toEqual([]);
  });

  it("shows how duty officers are reached to admins only; others see who is on duty", async () => {
    const roster = async (user: "admin" | "secret") =>
      (
        (
          await server.app.inject({ url: "/api/duty-officers", headers: { cookie: await server.cookieOf(user) } })
        ).json() as { items: { post: string; userId: string | null; webhook: string | null; email: string | null }[] }
      ).items.find((o) => o.post === "AMEMBASSY PANAMA");
    expect(await roster("admin")).toMatchObject({ webhook: hook.url, email: "duty@panama.test" });
    const seen = await roster("secret");
    expect(seen).toMatchObject({ webhook: null, email: null });
    expect(seen?.userId).toEqual(expect.any(String));
  });

  it("refuses a webhook to a loopback or private address the allow-list does not name", async () => {
    for (const webhook of [
      "http://127.0.0.1:9999/hook",
      "http://localhost/hook",
      "http://[::1]/",
      "http://10.1.2.3/",
    ]) {
      const res = await server.app.inject({
        method: "PUT",
        url: "/api/duty-officers/PARIS",
        payload: { webhook },
        headers: { cookie: await server.cookieOf("admin"), "content-type": "application/json" },
      });
      expect(res.statusCode, webhook).toBe(400);
      expect(res.json()).toMatchObject({ code: "WEBHOOK_NOT_ALLOWED" });
    }
    const paris = await server.store.db.selectFrom("duty_officers").selectAll().where("post", "=", "AMEMBASSY PARIS");
    expect(await paris.execute()).toEqual([]);
  });

  it("refuses a Panama alert's acknowledgement to readers of the cable who do not answer for Panama", async () => {
    const list = await server.app.inject({
      url: "/api/alerts?post=PANAMA&open=true",
      headers: { cookie: await server.cookieOf("admin") },
    });
    const [alert] = (list.json() as { items: { id: string }[] }).items;
    for (const user of ["secret", "unclassified"] as const) {
      const ack = await server.app.inject({
        method: "POST",
        url: `/api/alerts/${alert!.id}/ack`,
        headers: { cookie: await server.cookieOf(user), "content-type": "application/json" },
      });
      expect(ack.statusCode, user).toBe(403);
      expect(ack.json()).toMatchObject({ code: "FORBIDDEN" });
    }
    const after = await server.store.db.selectFrom("alerts").selectAll().where("id", "=", alert!.id).execute();
    expect(after).toMatchObject([{ acked_at: null, acked_by: null }]);
  });

  it("repeats an alert every interval until it is acknowledged, then stops", async () => {
    const cookie = await server.freshCookie("duty.panama" as "admin");
    server.deps.clock.advance(5 * 60_000);
    await server.app.messaging.dispatcher.drain();
    expect(hook.bodies.map((b) => b.attempt)).toEqual([1, 2]);
    const list = await server.app.inject({ url: "/api/alerts?post=PANAMA&open=true", headers: { cookie } });
    const [alert] = (list.json() as { items: { id: string }[] }).items;
    const ack = await server.app.inject({
      method: "POST",
      url: `/api/alerts/${alert!.id}/ack`,
      headers: { cookie, "content-type": "application/json" },
    });
    expect(ack.json()).toMatchObject({ acknowledged: true, acknowledgedBy: "duty.panama", nextAt: null });
    server.deps.clock.advance(10 * 60_000);
    await server.app.messaging.dispatcher.drain();
    expect(hook.bodies).toHaveLength(2);
  });

  it("keeps the subject of a classified cable out of webhooks and mail", async () => {
    const flash = await releaseFields(
      server.deps,
      classifiedFields(
        "SECRET",
        seedFields("08STATE16245", {
          to: [{ route: null, name: "AMEMBASSY PANAMA", office: null, precedence: "FLASH", mcn: null }],
          info: [],
        }),
      ),
    );
    await server.app.messaging.dispatcher.drain();
    const last = hook.bodies.at(-1)!;
    expect(last).toMatchObject({ cableId: flash.id, precedence: "FLASH", classification: "SECRET", subject: null });
  });

  it("records an alert to a post with no duty officer as sent to nobody, warns once, and sends it once someone is on duty", async () => {
    const admin = { cookie: await server.cookieOf("admin") };
    const ouagadougou = async () => {
      const res = await server.app.inject({ url: "/api/alerts?post=OUAGADOUGOU&open=true", headers: admin });
      return (res.json() as { items: AlertItem[] }).items;
    };
    // Raised with the seed demarche and due every interval since (the tests above moved the clock 15 minutes).
    const [alert] = await ouagadougou();
    expect(alert).toMatchObject({ outcome: "no_duty_officer", attempts: 0, lastSentAt: null });
    expect(alert!.nextAt).not.toBeNull();
    const warnings = () =>
      log.records().filter((r) => r.level === 40 && typeof r.msg === "string" && /no duty officer/.test(r.msg));
    // One warning for each of the three action posts with nobody on duty, not one at each repeat.
    expect(
      warnings()
        .map((r) => r.post)
        .sort(),
    ).toEqual(["AMEMBASSY OUAGADOUGOU", "AMEMBASSY PRETORIA", "AMEMBASSY SAN JOSE"]);
    expect(warnings().find((r) => r.post === "AMEMBASSY OUAGADOUGOU")).toMatchObject({
      alert: alert!.id,
      cable: demarcheId,
      kind: "niact",
    });
    expect(hook.bodies.some((b) => b.post === "AMEMBASSY OUAGADOUGOU")).toBe(false);
    expect(relay.messages.join("\n")).not.toMatch(/OUAGADOUGOU/);

    await setDutyOfficer(server.deps, SYSTEM_ACTING, "OUAGADOUGOU", { webhook: hook.url }, { allow });
    server.deps.clock.advance(5 * 60_000);
    await server.app.messaging.dispatcher.drain();
    expect(hook.bodies.filter((b) => b.post === "AMEMBASSY OUAGADOUGOU")).toMatchObject([
      { cableId: demarcheId, attempt: 1 },
    ]);
    expect((await ouagadougou())[0]).toMatchObject({ id: alert!.id, outcome: "sent", attempts: 1 });
    expect(warnings()).toHaveLength(3);
  });
});
