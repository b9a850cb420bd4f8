// Notifications by e-mail (issue 17 item 7) through a real SMTP listener: a user with an address gets each
// notification mailed as well, one without gets none; the subject of a classified draft and an objection's comment
// stay out of the mailbox; and a relay that is down never fails the clearance that caused the mail: the failure is
// told to the server's log and recorded on the notification, which is in the app as ever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMail } from "../src/services/alerts/index.ts";
import { listNotifications, notificationMail, type NotificationMail } from "../src/services/notifications/index.ts";
import { setOwnEmail, updateUser } from "../src/services/users/index.ts";
import {
  createDraft,
  decideClearance,
  requestClearance,
  type DraftFields,
  type WorkflowDeps,
} from "../src/services/workflow/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { classifiedFields } from "./helpers/distribution-fixtures.ts";
import { smtpRelay } from "./helpers/smtp-relay.ts";
import { openWorkflowWorld, seedDraft, type WorkflowWorld } from "./helpers/workflow-world.ts";

describe("notifications by e-mail", () => {
  let world: WorkflowWorld;
  let relay: Awaited<ReturnType<typeof smtpRelay>>;
  const failures: { error: unknown; to: string }[] = [];
  const mailTo = (port: number): NotificationMail =>
    notificationMail(
      { send: (m) => smtpMail({ host: "127.0.0.1", port, from: "cablegram@test", timeoutMs: 2_000 }, m) },
      (error, about) => failures.push({ error, to: about.to }),
    );
  beforeAll(async () => {
    world = await openWorkflowWorld("sqlite");
    relay = await smtpRelay();
    await setOwnEmail(world.deps, world.people.dana, "dana@state.example");
  });
  afterAll(async () => {
    relay?.server.close();
    await world?.close();
  });

  /** Dana drafts `fields`, asks IO/UNP to clear it, and Erin objects with `comment`; answers the draft's id. */
  const objectTo = async (deps: WorkflowDeps, fields: DraftFields, comment: string) => {
    const { dana, erin } = world.people;
    const { id } = await createDraft(deps, dana, fields);
    const clearance = await requestClearance(deps, dana, id, { clearer: "IO/UNP" });
    await decideClearance(deps, erin, id, clearance.id, { decision: "object", comment });
    return id;
  };

  it("mails an objection on an UNCLASSIFIED draft, comment and link included, to the drafter alone", async () => {
    const mail = mailTo(relay.port);
    const id = await objectTo({ ...world.deps, mail }, seedDraft(), "Say 'welcomes', not 'notes'.");
    await mail.idle();
    // Erin, asked to clear, has no address: only Dana's objection went out.
    expect(relay.messages).toHaveLength(1);
    const [message] = relay.messages;
    expect(message).toContain("To: dana@state.example");
    expect(message).toContain(`Subject: Objection: ${seedDraft().subject}`);
    expect(message).toContain("Comment: Say 'welcomes', not 'notes'.");
    expect(message).toContain(`/drafts/${id}`);
    const [notification] = (await listNotifications(world.store, { user: world.people.dana })).notifications;
    const row = await world.store.db
      .selectFrom("notifications")
      .select(["emailed_at", "email_error", "email_attempts"])
      .where("id", "=", notification!.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email_error: null, email_attempts: 1 });
    expect(row.emailed_at).not.toBeNull();
  });

  it("keeps a classified draft's subject and the objection's comment out of the mailbox", async () => {
    const mail = mailTo(relay.port);
    const fields = classifiedFields("SECRET", seedDraft());
    await objectTo({ ...world.deps, mail }, fields, "Drop the paragraph on the Serbian reaction.");
    await mail.idle();
    const message = relay.messages.at(-1)!;
    expect(message).toContain("(SECRET)");
    expect(message).not.toContain(fields.subject!);
    expect(message).not.toContain("Serbian");
    expect(message).toContain("Read the comment in Cablegram.");
  });

  it("clears and objects as ever with the relay down, logging the failure and recording it on the notification", async () => {
    const closed = await smtpRelay();
    closed.server.close();
    const mail = mailTo(closed.port);
    const id = await objectTo({ ...world.deps, mail }, seedDraft(), "Shorter, please.");
    await mail.idle();
    expect(failures.map((f) => f.to)).toEqual(["dana@state.example"]);
    const rows = await world.store.db
      .selectFrom("notifications")
      .select(["kind", "email_error", "email_attempts", "emailed_at"])
      .where("draft_id", "=", id)
      .where("user_id", "=", world.people.dana.id)
      .execute();
    expect(rows).toMatchObject([{ kind: "clearance.objected", email_attempts: 1, emailed_at: null }]);
    expect(rows[0]!.email_error).toMatch(/ECONNREFUSED|closed/);
  });

  it("takes an address from its user or an administrator only when it is one", async () => {
    await expect(setOwnEmail(world.deps, world.people.erin, "erin at state")).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const erin = await updateUser(world.deps, SYSTEM_ACTING, "erin", { email: " erin@state.example " });
    expect(erin.email).toBe("erin@state.example");
    expect((await setOwnEmail(world.deps, erin, "")).email).toBeNull();
  });
});
