// The workflow over HTTP, on SQLite and PostgreSQL: drafts, clearances, release, reply, correction, discard and
// the queue, with the roles each route demands and the problem answers for what is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDraft } from "./helpers/factories.ts";
import { call, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

const DRAFT = {
  ...buildDraft({ info: ["LONDON"], subject: "FRANCE: ROUTE TEST" }),
  // Fields release assigns are accepted and ignored, so `cablegram parse --json` output can be posted as it is.
  id: "99STATE999",
  dtg: "1999-01-01T00:00:00Z",
};

describe.each(DIALECTS)("%s: workflow routes", (dialect) => {
  let server: TestServer;
  let draftId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server?.close());

  it("creates a draft (201 with id and findings) and reads it back with its findings and history", async () => {
    const made = await call(server, "confidential", { method: "POST", url: "/api/drafts", payload: DRAFT });
    expect(made.statusCode, made.body).toBe(201);
    const body = made.json() as { id: string; findings: { code: string; severity: string }[] };
    draftId = body.id;
    expect(body.findings.map((f) => f.code)).toContain("missing_addressee_precedence");
    const read = await call(server, "confidential", { url: `/api/drafts/${draftId}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      status: "draft",
      originPost: "SECSTATE WASHDC",
      cable: { id: null, dtg: null, to: [{ route: "RUEHFR", name: "AMEMBASSY PARIS" }] },
      history: [{ username: "confidential", action: "draft.create" }],
    });
  });

  it("refuses drafting to a reader (403) and a draft body that does not fit the model (400)", async () => {
    const reader = await call(server, "secret", { method: "POST", url: "/api/drafts", payload: DRAFT });
    expect([reader.statusCode, reader.json().code]).toEqual([403, "FORBIDDEN"]);
    const bad = await call(server, "confidential", {
      method: "POST",
      url: "/api/drafts",
      payload: { ...DRAFT, classification: "SORT OF SECRET" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("gives a draft's revision as its ETag and refuses (412) a change If-Match names a revision saved over since", async () => {
    const made = await call(server, "confidential", { method: "POST", url: "/api/drafts", payload: DRAFT });
    const id = (made.json() as { id: string; revision: number }).id;
    expect(made.json()).toMatchObject({ revision: 1 });
    const read = await call(server, "confidential", { url: `/api/drafts/${id}` });
    expect(read.headers.etag).toBe('"1"');
    const change = (ifMatch: string, subject: string) =>
      call(server, "confidential", {
        method: "PATCH",
        url: `/api/drafts/${id}`,
        headers: { "if-match": ifMatch },
        payload: { subject },
      });
    const first = await change('"1"', "FRANCE: FIRST EDITOR");
    expect([first.statusCode, first.headers.etag, first.json().revision]).toEqual([200, '"2"', 2]);
    const second = await change('"1"', "FRANCE: SECOND EDITOR, FORM OPENED AT REVISION 1");
    expect([second.statusCode, second.json().code]).toEqual([412, "DRAFT_CHANGED"]);
    expect(second.headers["content-type"]).toContain("application/problem+json");
    expect(second.json().detail).toContain("reload it");
    const kept = await call(server, "confidential", { url: `/api/drafts/${id}` });
    expect(kept.json()).toMatchObject({ revision: 2, cable: { subject: "FRANCE: FIRST EDITOR" } });
    expect((await change("3", "FRANCE: NOT AN ETAG")).statusCode).toBe(400);
    expect((await change("*", "FRANCE: ANY REVISION")).statusCode).toBe(200);
  });

  it("edits, asks for a clearance, refuses release until cleared, then releases and answers the cable id", async () => {
    const patch = await call(server, "confidential", {
      method: "PATCH",
      url: `/api/drafts/${draftId}`,
      payload: { info: [{ name: "LONDON", precedence: "ROUTINE" }] },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((patch.json() as { findings: unknown[] }).findings).toEqual([]);
    const asked = await call(server, "confidential", {
      method: "POST",
      url: `/api/drafts/${draftId}/clearances`,
      payload: { user: "secret" },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const clearanceId = (asked.json() as { id: string }).id;
    const drafterRelease = await call(server, "confidential", {
      method: "POST",
      url: `/api/drafts/${draftId}/release`,
    });
    expect(drafterRelease.statusCode).toBe(403);
    const early = await call(server, "admin", { method: "POST", url: `/api/drafts/${draftId}/release`, payload: {} });
    expect([early.statusCode, early.json().code]).toEqual([409, "NOT_READY_FOR_RELEASE"]);
    const queue = await call(server, "secret", { url: "/api/queue" });
    expect((queue.json() as { clearances: { clearanceId: string }[] }).clearances.map((c) => c.clearanceId)).toEqual([
      clearanceId,
    ]);
    const cleared = await call(server, "secret", {
      method: "POST",
      url: `/api/drafts/${draftId}/clearances/${clearanceId}`,
      payload: { decision: "clear", comment: "Fine." },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const released = await call(server, "admin", {
      method: "POST",
      url: `/api/drafts/${draftId}/release`,
      payload: {},
    });
    expect(released.statusCode, released.body).toBe(200);
    const { id } = released.json() as { id: string };
    expect(id).toMatch(/^24STATE\d+$/);
    const telegram = await call(server, "confidential", { url: `/api/cables/${id}?format=telegram` });
    expect(telegram.body).toMatch(/^DE RUEHC #\d{4} \d{7}$/m);
  });

  it("makes reply and correction drafts of a released cable and discards one (204)", async () => {
    const draft = (await call(server, "confidential", { url: `/api/drafts/${draftId}` })).json() as {
      releasedId: string;
    };
    const reply = await call(server, "confidential", {
      method: "POST",
      url: `/api/cables/${draft.releasedId}/reply`,
      payload: {},
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const replyDraft = (await call(server, "confidential", { url: `/api/drafts/${reply.json().id}` })).json();
    expect(replyDraft.cable.references.map((r: { id: string }) => r.id)).toEqual([draft.releasedId]);
    const correction = await call(server, "confidential", {
      method: "POST",
      url: `/api/cables/${draft.releasedId}/correction`,
      payload: {},
    });
    expect(correction.statusCode, correction.body).toBe(201);
    const gone = await call(server, "confidential", { method: "DELETE", url: `/api/drafts/${correction.json().id}` });
    expect(gone.statusCode, gone.body).toBe(204);
    const again = await call(server, "confidential", {
      method: "PATCH",
      url: `/api/drafts/${correction.json().id}`,
      payload: { subject: "TOO LATE" },
    });
    expect([again.statusCode, again.json().code]).toEqual([409, "DRAFT_NOT_EDITABLE"]);
  });

  it("saves a draft with release-blocking errors, and refuses (409) to release it, naming each error", async () => {
    const broken = {
      ...buildDraft(),
      to: [],
      info: [{ name: "NO SUCH POST", precedence: "ROUTINE" }],
      subject: "",
      tags: ["ZZZZ"],
      paragraphs: [
        { number: 1, marking: "U", text: "Please deliver." },
        { number: 2, marking: "U", text: "" },
      ],
    };
    const made = await call(server, "confidential", { method: "POST", url: "/api/drafts", payload: broken });
    expect(made.statusCode, made.body).toBe(201);
    const id = (made.json() as { id: string }).id;
    const errorCodes = (made.json() as { findings: { code: string; severity: string }[] }).findings
      .filter((f) => f.severity === "error")
      .map((f) => f.code)
      .sort();
    expect(errorCodes).toEqual([
      "empty_paragraph",
      "missing_action_addressee",
      "missing_subject",
      "missing_tags",
      "missing_tags",
      "unknown_addressee",
      "unknown_tag",
    ]);
    const release = await call(server, "admin", { method: "POST", url: `/api/drafts/${id}/release`, payload: {} });
    expect([release.statusCode, release.json().code]).toEqual([409, "NOT_READY_FOR_RELEASE"]);
    expect(release.json().detail).toContain("the cable has no SUBJECT");
    const fixed = await call(server, "confidential", {
      method: "PATCH",
      url: `/api/drafts/${id}`,
      payload: {
        to: [{ name: "PARIS", precedence: "PRIORITY" }],
        info: [],
        subject: "FRANCE: FIXED",
        tags: ["PREL", "FR"],
        paragraphs: [{ number: 1, marking: "U", text: "Please deliver." }],
      },
    });
    expect((fixed.json() as { findings: unknown[] }).findings).toEqual([]);
    const again = await call(server, "admin", { method: "POST", url: `/api/drafts/${id}/release`, payload: {} });
    expect(again.statusCode, again.body).toBe(200);
  });

  it("puts a draft in the approver's queue only once submitted (200), with drafter, clearances and time", async () => {
    const made = await call(server, "confidential", {
      method: "POST",
      url: "/api/drafts",
      payload: buildDraft({ subject: "FRANCE: TO SUBMIT" }),
    });
    const id = (made.json() as { id: string }).id;
    await call(server, "confidential", {
      method: "POST",
      url: `/api/drafts/${id}/clearances`,
      payload: { user: "secret" },
    });
    const approvals = async () =>
      ((await call(server, "admin", { url: "/api/queue" })).json() as { approvals: { draftId: string }[] }).approvals;
    expect((await approvals()).some((a) => a.draftId === id)).toBe(false);
    const reader = await call(server, "secret", { method: "POST", url: `/api/drafts/${id}/submit`, payload: {} });
    expect(reader.statusCode).toBe(403);
    const submitted = await call(server, "confidential", {
      method: "POST",
      url: `/api/drafts/${id}/submit`,
      payload: {},
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toEqual({ id, submittedAt: "2024-05-01T09:00:00.000Z", submittedBy: "confidential" });
    expect((await approvals()).find((a) => a.draftId === id)).toEqual({
      draftId: id,
      subject: "FRANCE: TO SUBMIT",
      classification: "UNCLASSIFIED",
      originPost: "SECSTATE WASHDC",
      updatedAt: "2024-05-01T09:00:00.000Z",
      clearanceId: null,
      askedOf: null,
      cleared: false,
      drafter: "confidential",
      submittedAt: "2024-05-01T09:00:00.000Z",
      clearances: [{ clearer: "secret", status: "requested", required: true }],
      sinceLastDecision: null,
    });
    const read = await call(server, "confidential", { url: `/api/drafts/${id}` });
    expect(read.json()).toMatchObject({ submittedAt: "2024-05-01T09:00:00.000Z", submittedBy: "confidential" });
  });

  it("refuses (409 NOT_READY_FOR_APPROVAL) to submit a draft with errors", async () => {
    const made = await call(server, "confidential", {
      method: "POST",
      url: "/api/drafts",
      payload: buildDraft({ tags: ["ZZZZ"] }),
    });
    const id = (made.json() as { id: string }).id;
    const refused = await call(server, "confidential", {
      method: "POST",
      url: `/api/drafts/${id}/submit`,
      payload: {},
    });
    expect([refused.statusCode, refused.json().code]).toEqual([409, "NOT_READY_FOR_APPROVAL"]);
    expect(refused.json().detail).toContain("ZZZZ");
  });

  it("releases a correction as a CORRECTED COPY shown on both versions, and drafts a cancellation to the same addressees", async () => {
    const { releasedId } = (await call(server, "confidential", { url: `/api/drafts/${draftId}` })).json() as {
      releasedId: string;
    };
    const before = await call(server, "confidential", { url: `/api/cables/${releasedId}/versions` });
    expect(before.json()).toEqual({ releasedHere: true, supersedes: null, supersededBy: null });
    const correction = await call(server, "confidential", {
      method: "POST",
      url: `/api/cables/${releasedId}/correction`,
      payload: {},
    });
    const correctionId = correction.json().id as string;
    const fixed = await call(server, "confidential", {
      method: "PATCH",
      url: `/api/drafts/${correctionId}`,
      payload: { subject: "FRANCE: ROUTE TEST, CORRECTED" },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const released = await call(server, "admin", {
      method: "POST",
      url: `/api/drafts/${correctionId}/release`,
      payload: {},
    });
    expect(released.statusCode, released.body).toBe(200);
    const correctedId = (released.json() as { id: string }).id;
    expect((await call(server, "confidential", { url: `/api/cables/${releasedId}/versions` })).json()).toEqual({
      releasedHere: true,
      supersedes: null,
      supersededBy: correctedId,
    });
    expect((await call(server, "confidential", { url: `/api/cables/${correctedId}/versions` })).json()).toEqual({
      releasedHere: true,
      supersedes: releasedId,
      supersededBy: null,
    });
    const corrected = (await call(server, "confidential", { url: `/api/cables/${correctedId}` })).json();
    expect(corrected.cable.handling).toContain("CORRECTED COPY");

    const original = (await call(server, "confidential", { url: `/api/cables/${releasedId}` })).json().cable;
    const cancel = await call(server, "confidential", {
      method: "POST",
      url: `/api/cables/${releasedId}/cancellation`,
      payload: {},
    });
    expect(cancel.statusCode, cancel.body).toBe(201);
    const draft = (await call(server, "confidential", { url: `/api/drafts/${cancel.json().id}` })).json();
    const names = (list: { name: string }[]) => list.map((a) => a.name);
    expect(names(draft.cable.to)).toEqual(names(original.to));
    expect(names(draft.cable.info)).toEqual(names(original.info));
    expect(draft.cable.subject).toBe("CANCELLATION: FRANCE: ROUTE TEST");
    expect(draft.cable.references.map((r: { id: string }) => r.id)).toEqual([releasedId]);
    expect(draft.cable.paragraphs[0].text).toContain("Please cancel reftel");
    expect(draft.status).toBe("draft");
    const reader = await call(server, "secret", { method: "POST", url: `/api/cables/${releasedId}/cancellation` });
    expect(reader.statusCode).toBe(403);
    const imported = await call(server, "confidential", {
      method: "POST",
      url: "/api/cables/08STATE16245/cancellation",
    });
    expect([imported.statusCode, imported.json().code]).toEqual([400, "INVALID_INPUT"]);
    expect((await call(server, "confidential", { url: "/api/cables/08STATE16245/versions" })).json()).toEqual({
      releasedHere: false,
      supersedes: null,
      supersededBy: null,
    });
  });

  it("answers 404 for a draft the user has no part in, as for one that does not exist", async () => {
    const other = await call(server, "unclassified", { url: `/api/drafts/${draftId}` });
    const none = await call(server, "confidential", { url: "/api/drafts/no-such-draft" });
    expect([other.statusCode, other.json().code]).toEqual([404, "DRAFT_NOT_FOUND"]);
    expect([none.statusCode, none.json().code]).toEqual([404, "DRAFT_NOT_FOUND"]);
  });
});
