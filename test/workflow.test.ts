// Drafting, clearance and release as services, on SQLite and PostgreSQL: findings on every save, addressees
// resolved against the directory, clearances reset by edits, who may release, sections, replies, corrections,
// discarding, the queue, and every step recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTelegram } from "../src/telegram/index.ts";
import {
  correctionDraft,
  createDraft,
  decideClearance,
  discardDraft,
  queueOf,
  readDraft,
  releaseDraft,
  replyDraft,
  requestClearance,
  submitDraft,
  updateDraft,
  type DraftFields,
} from "../src/services/workflow/index.ts";
import { readCable } from "../src/services/archive/index.ts";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { createEventBus } from "../src/services/events/index.ts";
import { readerOf } from "../src/services/users/index.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { buildDraft } from "./helpers/factories.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { openWorkflowWorld, seedDraft, type WorkflowWorld } from "./helpers/workflow-world.ts";

/** A small, valid draft to Paris, London and Rome. */
function smallDraft(changes: Partial<DraftFields> = {}): DraftFields {
  return buildDraft({
    to: [{ name: "PARIS", precedence: "PRIORITY" }, "RUEHLO"],
    info: [{ name: "AMEMBASSY ROME", precedence: "ROUTINE" }],
    subject: "FRANCE: TALKING POINTS FOR THE MINISTERIAL",
    body: "1. (U) Please deliver the points below.\n\n-- first point\n\nPOINTS\n\n2. (U) Report the response.",
    ...changes,
  });
}

describe.each(DIALECTS)("%s: drafting, clearance and release", (dialect) => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await openWorkflowWorld(dialect);
  });
  afterAll(() => world?.close());

  it("resolves stations, routing indicators and PLADs to directory addressees and reads the body into paragraphs", async () => {
    const { dana } = world.people;
    const { id, findings } = await createDraft(world.deps, dana, smallDraft());
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const draft = await readDraft(world.store, dana, id);
    expect(draft.cable.to.map((a) => [a.route, a.name, a.precedence])).toEqual([
      ["RUEHFR", "AMEMBASSY PARIS", "PRIORITY"],
      ["RUEHLO", "AMEMBASSY LONDON", null],
    ]);
    expect(draft.cable.from?.name).toBe("SECSTATE WASHDC");
    expect(draft.cable.paragraphs.map((p) => [p.number, p.marking])).toEqual([
      [1, "U"],
      [null, null],
      [2, "U"],
    ]);
    expect(draft.cable.paragraphs[0]!.text).toContain("-- first point");
    // validateCable's findings come back too: London has no precedence.
    expect(findings.map((f) => f.code)).toContain("missing_addressee_precedence");
  });

  it("names an unknown addressee with close matches and refuses release until it is fixed", async () => {
    const { dana, ada } = world.people;
    const { id, findings } = await createDraft(
      world.deps,
      dana,
      smallDraft({ to: [{ name: "AMEMBASSY PARSI", precedence: "PRIORITY" }] }),
    );
    const unknown = findings.find((f) => f.code === "unknown_addressee");
    expect(unknown).toMatchObject({ severity: "error", path: ["to", 0] });
    expect(unknown?.message).toContain("AMEMBASSY PARSI");
    expect(unknown?.hint).toContain("AMEMBASSY PARIS");
    // Another edit leaves the unknown addressee a finding: every list is resolved on every save.
    const again = await updateDraft(world.deps, dana, id, { subject: "FRANCE: NEW SUBJECT" });
    expect(again.findings.map((f) => f.code)).toContain("unknown_addressee");
    expect((await rejectionOf(releaseDraft(world.deps, ada, id))).code).toBe("NOT_READY_FOR_RELEASE");
    const fixed = await updateDraft(world.deps, dana, id, {
      to: [{ name: "AMEMBASSY PARIS", precedence: "PRIORITY" }],
    });
    expect(fixed.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect((await releaseDraft(world.deps, ada, id)).id).toMatch(/^08STATE\d+$/);
  });

  it("holds release for a required clearance, and an edit after clearing puts it back to requested", async () => {
    const { dana, erin, ada } = world.people;
    const { id } = await createDraft(world.deps, dana, smallDraft());
    const asked = await requestClearance(world.deps, dana, id, { clearer: "io/unp" });
    expect(asked).toMatchObject({ kind: "office", clearer: "IO/UNP", status: "requested", required: true });
    expect((await rejectionOf(releaseDraft(world.deps, ada, id))).code).toBe("NOT_READY_FOR_RELEASE");
    await decideClearance(world.deps, erin, id, asked.id, { decision: "clear", comment: "IO/UNP clears" });
    await updateDraft(world.deps, dana, id, { subject: "FRANCE: CHANGED AFTER CLEARANCE" });
    expect((await readDraft(world.store, dana, id)).clearances[0]).toMatchObject({
      status: "requested",
      decidedBy: null,
    });
    expect((await rejectionOf(releaseDraft(world.deps, ada, id))).code).toBe("NOT_READY_FOR_RELEASE");
    await decideClearance(world.deps, erin, id, asked.id, { decision: "clear" });
    expect((await releaseDraft(world.deps, ada, id)).cable.subject).toBe("FRANCE: CHANGED AFTER CLEARANCE");
  });

  it("loses neither of two changes saved at once, and refuses a change made to a revision saved over since", async () => {
    const { dana } = world.people;
    const { id, revision } = await createDraft(world.deps, dana, smallDraft());
    expect(revision).toBe(1);
    // Two editors change different fields at the same moment: both changes are in the draft after.
    const saves = await Promise.all([
      updateDraft(world.deps, dana, id, { subject: "FRANCE: BOTH EDITS KEPT" }),
      updateDraft(world.deps, dana, id, { tags: ["PREL", "PGOV", "FR"] }),
    ]);
    expect(saves.map((s) => s.revision).sort()).toEqual([2, 3]);
    const both = await readDraft(world.store, dana, id);
    expect([both.revision, both.cable.subject, both.cable.tags]).toEqual([
      3,
      "FRANCE: BOTH EDITS KEPT",
      ["PREL", "PGOV", "FR"],
    ]);
    // An editor still showing revision 2 is told, not allowed to replace revision 3's text.
    const stale = await rejectionOf(
      updateDraft(world.deps, dana, id, { subject: "FRANCE: STALE FORM" }, { expectedRevision: 2 }),
    );
    expect([stale.code, stale.message]).toEqual([
      "DRAFT_CHANGED",
      expect.stringContaining("since revision 2") as unknown as string,
    ]);
    expect((await readDraft(world.store, dana, id)).cable.subject).toBe("FRANCE: BOTH EDITS KEPT");
    const current = await updateDraft(world.deps, dana, id, { subject: "FRANCE: FRESH" }, { expectedRevision: 3 });
    expect(current.revision).toBe(4);
  });

  it("lets only the clearer decide, blocks release on an objection and wants a comment with it", async () => {
    const { dana, erin, ada } = world.people;
    const { id } = await createDraft(world.deps, dana, smallDraft());
    const asked = await requestClearance(world.deps, dana, id, { clearer: "erin", kind: "user" });
    expect((await rejectionOf(decideClearance(world.deps, ada, id, asked.id, { decision: "clear" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await rejectionOf(decideClearance(world.deps, erin, id, asked.id, { decision: "object" }))).code).toBe(
      "INVALID_INPUT",
    );
    await decideClearance(world.deps, erin, id, asked.id, { decision: "object", comment: "Soften paragraph 2." });
    const refused = await rejectionOf(releaseDraft(world.deps, ada, id));
    expect(refused.code).toBe("NOT_READY_FOR_RELEASE");
    expect(refused.message).toContain("erin (objected)");
  });

  it("refuses a clearance from the drafter: asked of himself, or decided by him for an office he works in", async () => {
    const { dana, ada } = world.people;
    const { id } = await createDraft(world.deps, dana, smallDraft());
    const ofHimself = await rejectionOf(requestClearance(world.deps, dana, id, { clearer: "dana", kind: "user" }));
    expect(ofHimself).toMatchObject({ code: "CLEARANCE_BY_DRAFTER", status: 403 });
    const asked = await requestClearance(world.deps, dana, id, { clearer: "IO/UNP" });
    const danaInIoUnp = { ...dana, offices: ["IO/UNP"] };
    const own = await rejectionOf(decideClearance(world.deps, danaInIoUnp, id, asked.id, { decision: "clear" }));
    expect(own).toMatchObject({ code: "CLEARANCE_BY_DRAFTER", status: 403 });
    expect((await readDraft(world.store, dana, id)).clearances).toMatchObject([{ status: "requested" }]);
    expect((await rejectionOf(releaseDraft(world.deps, ada, id))).code).toBe("NOT_READY_FOR_RELEASE");
  });

  it("tells only those who may open a draft of its events: its post and its clearers, not a cleared reader elsewhere", async () => {
    const { dana, erin, pat } = world.people;
    const bus = createEventBus({ store: world.store });
    const heard = new Map<string, string[]>();
    for (const [user, home] of [
      [dana, "SECSTATE WASHDC"],
      [erin, "SECSTATE WASHDC"],
      [pat, "AMEMBASSY PARIS"],
    ] as const) {
      heard.set(user.username, []);
      bus.subscribe(readerOf(user), (e) => heard.get(user.username)!.push(e.type), {}, { user, home });
    }
    const deps = { ...world.deps, bus };
    const { id } = await createDraft(deps, dana, smallDraft());
    await updateDraft(deps, dana, id, { subject: "FRANCE: A SUBJECT PARIS MUST NOT SEE" });
    expect(heard.get("pat")).toEqual([]);
    expect(heard.get("erin")).toEqual(["draft.created", "draft.updated"]);
    await requestClearance(deps, dana, id, { clearer: "pat", kind: "user" });
    // Pat is asked by name: the request's event, and his notification of it.
    expect(heard.get("pat")).toEqual(["draft.clearance.requested", "notification"]);
    // A request to a person is for that person alone.
    expect(heard.get("dana")).toEqual(["draft.created", "draft.updated"]);
  });

  it("lets only an approver of the originating post release; a reader cannot draft", async () => {
    const { dana, erin, ada, pat } = world.people;
    const { id } = await createDraft(world.deps, dana, smallDraft());
    expect((await rejectionOf(releaseDraft(world.deps, dana, id))).code).toBe("FORBIDDEN");
    // An approver elsewhere does not even see headquarters' draft.
    expect((await rejectionOf(releaseDraft(world.deps, pat, id))).code).toBe("DRAFT_NOT_FOUND");
    expect((await rejectionOf(createDraft(world.deps, erin, smallDraft()))).code).toBe("FORBIDDEN");
    expect((await rejectionOf(createDraft(world.deps, pat, smallDraft({ from: "SECSTATE WASHDC" })))).code).toBe(
      "FORBIDDEN",
    );
    expect((await releaseDraft(world.deps, ada, id)).id).toMatch(/^08STATE\d+$/);
  });

  it("hides a classified draft from a reader without the clearance", async () => {
    const { dana, rita } = world.people;
    const { id } = await createDraft(
      world.deps,
      dana,
      smallDraft({
        classification: "CONFIDENTIAL",
        classifiedBy: { name: "JOHN SMITH", title: "EUR A/S", reasons: ["1.4(b)"] },
        eo: { order: "12958", decl: "2018-02-16", text: "DECL: 02/16/2018" },
        body: "1. (C) Secret-ish talking points.",
      }),
    );
    expect((await rejectionOf(readDraft(world.store, rita, id))).code).toBe("DRAFT_NOT_FOUND");
    expect((await queueOf(world.store, rita)).approvals).toEqual([]);
    expect((await readDraft(world.store, dana, id)).cable.classification).toBe("CONFIDENTIAL");
  });

  it("records who did each step and when, in the draft's history and the audit log", async () => {
    const { dana, erin, ada } = world.people;
    world.clock.set("2008-02-16T22:00:00Z");
    const { id } = await createDraft(world.deps, dana, smallDraft());
    const asked = await requestClearance(world.deps, dana, id, { clearer: "IO/UNP" });
    world.clock.set("2008-02-16T22:30:00Z");
    await decideClearance(world.deps, erin, id, asked.id, { decision: "clear" });
    world.clock.set("2008-02-16T23:19:00Z");
    const { id: cableId } = await releaseDraft(world.deps, ada, id);
    const history = (await readDraft(world.store, dana, id)).history;
    expect(history.map((h) => [h.username, h.action, h.at])).toEqual([
      ["dana", "draft.create", "2008-02-16T22:00:00.000Z"],
      ["dana", "clearance.request", "2008-02-16T22:00:00.000Z"],
      ["erin", "clearance.decide", "2008-02-16T22:30:00.000Z"],
      ["ada", "cable.release", "2008-02-16T23:19:00.000Z"],
    ]);
    const audited = await world.store.db
      .selectFrom("audit_log")
      .select(["username", "action", "target"])
      .where("action", "=", "cable.release")
      .where("target", "=", cableId)
      .execute();
    expect(audited).toEqual([{ username: "ada", action: "cable.release", target: cableId }]);
  });

  it("discards an unreleased draft; a released or discarded draft no longer changes", async () => {
    const { dana, ada } = world.people;
    const a = await createDraft(world.deps, dana, smallDraft());
    await discardDraft(world.deps, dana, a.id);
    expect((await readDraft(world.store, dana, a.id)).status).toBe("discarded");
    expect((await rejectionOf(updateDraft(world.deps, dana, a.id, { subject: "X" }))).code).toBe("DRAFT_NOT_EDITABLE");
    expect((await rejectionOf(releaseDraft(world.deps, ada, a.id))).code).toBe("DRAFT_NOT_EDITABLE");
    const b = await createDraft(world.deps, dana, smallDraft());
    await releaseDraft(world.deps, ada, b.id);
    expect((await rejectionOf(discardDraft(world.deps, dana, b.id))).code).toBe("DRAFT_NOT_EDITABLE");
  });

  it("releases a long body in sections, with channel serial ranges and SECTION 01 OF 02 on the telegram", async () => {
    const { dana, ada } = world.people;
    const fields = seedDraft("09STATE39345");
    const { id, findings } = await createDraft(world.deps, dana, fields);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const { cable } = await releaseDraft(world.deps, ada, id);
    expect(cable.section).toEqual({ index: 1, total: 2 });
    expect(cable.transmission?.part).toBe("01");
    expect(cable.transmission?.securityWarning).toBe("ZNY CCCCC ZZH");
    expect(cable.to.every((a) => a.mcn !== null && /^\d{4}-\d{4}$/.test(a.mcn))).toBe(true);
    const telegram = renderTelegram(cable);
    expect(telegram).toMatch(/^C O N F I D E N T I A L SECTION 01 OF 02 STATE \d{6}/m);
    expect(telegram).toMatch(/^STATE \d{8} 002 OF 002$/m);
  });

  it("makes a reply citing the cable, to its originator, with the routing hint it asks for", async () => {
    const { dana, ada, pat } = world.people;
    const { id } = await createDraft(world.deps, dana, seedDraft("09STATE39345"));
    const { id: cableId, cable } = await releaseDraft(world.deps, ada, id);
    const reply = await replyDraft(world.deps, pat, cableId);
    const draft = await readDraft(world.store, pat, reply.id);
    expect(draft.replyTo).toBe(cableId);
    expect(draft.cable.references).toEqual([
      { label: null, id: cableId, text: `${cableId.slice(0, 2)} STATE ${cable.serial}` },
    ]);
    expect(draft.cable.subject).toBe(cable.subject);
    expect(draft.cable.to.map((a) => [a.name, a.precedence])).toEqual([["SECSTATE WASHDC", cable.precedence]]);
    expect(draft.cable.from?.name).toBe("AMEMBASSY PARIS");
    expect(draft.routingHints).toEqual(["IO/UNP"]);
  });

  it("releases a correction as a CORRECTED COPY that supersedes the original, version 2 in the chain", async () => {
    const { dana, ada } = world.people;
    const first = await createDraft(world.deps, dana, smallDraft({ subject: "FRANCE: TYPO IN THE SUBJCT" }));
    const original = await releaseDraft(world.deps, ada, first.id);
    const correction = await correctionDraft(world.deps, dana, original.id);
    await updateDraft(world.deps, dana, correction.id, { subject: "FRANCE: TYPO IN THE SUBJECT" });
    const corrected = await releaseDraft(world.deps, ada, correction.id);
    expect(corrected.id).not.toBe(original.id);
    expect(corrected.cable.handling[0]).toBe("CORRECTED COPY");
    const links = await world.store.db
      .selectFrom("chain_links")
      .select(["cable_id", "version", "supersedes"])
      .where("cable_id", "in", [original.id, corrected.id])
      .orderBy("seq")
      .execute();
    expect(links.map((l) => [l.cable_id, Number(l.version), l.supersedes])).toEqual([
      [original.id, 1, null],
      [corrected.id, 2, original.id],
    ]);
    // The original stays archived as it was released: immutable.
    expect((await readCable(world.store, SYSTEM_READER, original.id))?.cable.subject).toBe(
      "FRANCE: TYPO IN THE SUBJCT",
    );
  });

  it("queues clearances asked of my office and drafts of my post submitted for my approval", async () => {
    const { dana, erin, ada } = world.people;
    const { id } = await createDraft(world.deps, dana, smallDraft({ subject: "FRANCE: QUEUED" }));
    const asked = await requestClearance(world.deps, dana, id, { clearer: "IO/UNP" });
    const erinsQueue = await queueOf(world.store, erin);
    // Each item says whom it is asked of: Erin answers for IO/UNP here, not in her own name.
    expect(erinsQueue.clearances.filter((i) => i.draftId === id).map((i) => [i.clearanceId, i.askedOf])).toEqual([
      [asked.id, { kind: "office", clearer: "IO/UNP" }],
    ]);
    // Saved is not submitted: the approver does not see it yet.
    expect((await queueOf(world.store, ada)).approvals.some((i) => i.draftId === id)).toBe(false);
    const submitted = await submitDraft(world.deps, dana, id);
    expect(submitted).toEqual({ id, submittedAt: world.clock.now().toISOString(), submittedBy: "dana" });
    const before = (await queueOf(world.store, ada)).approvals.find((i) => i.draftId === id);
    expect(before).toMatchObject({
      cleared: false,
      askedOf: null,
      drafter: "dana",
      submittedAt: submitted.submittedAt,
      clearances: [{ clearer: "IO/UNP", status: "requested", required: true }],
    });
    expect((await readDraft(world.store, dana, id)).history.map((h) => h.action)).toContain("draft.submit");
    await decideClearance(world.deps, erin, id, asked.id, { decision: "clear" });
    expect((await queueOf(world.store, erin)).clearances.some((i) => i.draftId === id)).toBe(false);
    expect((await queueOf(world.store, ada)).approvals.find((i) => i.draftId === id)).toMatchObject({
      cleared: true,
      clearances: [{ clearer: "IO/UNP", status: "cleared" }],
    });
  });

  it("refuses to submit a draft with errors (NOT_READY_FOR_APPROVAL), or one the user may not change", async () => {
    const { dana, erin } = world.people;
    const { id } = await createDraft(world.deps, dana, smallDraft({ subject: "" }));
    expect(await rejectionOf(submitDraft(world.deps, dana, id))).toMatchObject({ code: "NOT_READY_FOR_APPROVAL" });
    await updateDraft(world.deps, dana, id, { subject: "FRANCE: NOW WITH A SUBJECT" });
    expect(await rejectionOf(submitDraft(world.deps, erin, id))).toMatchObject({ code: "FORBIDDEN" });
    await submitDraft(world.deps, dana, id);
  });
});
