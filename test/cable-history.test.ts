// Who drafted, cleared and approved a cable released here (GET /api/cables/{id}/history), and what a clearer asked
// again is shown of what changed since they objected (the queue and the draft), on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDraft } from "./helpers/factories.ts";
import { call, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

const DRAFT = buildDraft({
  classification: "CONFIDENTIAL",
  classifiedBy: { name: "JOHN SMITH", title: "EUR A/S", reasons: ["1.4(b)"] },
  eo: { order: "13526", decl: "2040-02-16", text: "DECL: 02/16/2040" },
  subject: "FRANCE: FIRST TEXT",
  body: "1. (U) Please deliver.\n\n2. (U) Report the reply.",
});

describe.each(DIALECTS)("%s: cable history and changes since a clearer's decision", (dialect) => {
  let server: TestServer;
  let draftId: string;
  let clearanceId: string;
  let cableId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server?.close());

  it("shows no change to a clearer asked for the first time", async () => {
    const made = await call(server, "confidential", { method: "POST", url: "/api/drafts", payload: DRAFT });
    expect(made.statusCode, made.body).toBe(201);
    draftId = made.json().id;
    const asked = await call(server, "confidential", {
      method: "POST",
      url: `/api/drafts/${draftId}/clearances`,
      payload: { user: "secret" },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    clearanceId = asked.json().id;
    const queue = (await call(server, "secret", { url: "/api/queue" })).json();
    expect(queue.clearances).toMatchObject([{ clearanceId, sinceLastDecision: null }]);
  });

  it("shows a clearer asked again after objecting their objection and a diff of what changed since", async () => {
    const objected = await call(server, "secret", {
      method: "POST",
      url: `/api/drafts/${draftId}/clearances/${clearanceId}`,
      payload: { decision: "object", comment: "Say who is to deliver it." },
    });
    expect(objected.statusCode, objected.body).toBe(200);
    const edited = await call(server, "confidential", {
      method: "PATCH",
      url: `/api/drafts/${draftId}`,
      payload: {
        subject: "FRANCE: SECOND TEXT",
        tags: ["PREL", "FR", "UK"],
        info: [{ name: "LONDON", precedence: "ROUTINE" }],
        body: "1. (U) The Ambassador is to deliver it.\n\n2. (U) Report the reply.",
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const expected = {
      decision: "objected",
      comment: "Say who is to deliver it.",
      decidedBy: "secret",
      revision: 1,
      diff: {
        changed: true,
        subject: { before: "FRANCE: FIRST TEXT", after: "FRANCE: SECOND TEXT" },
        addressees: { added: ["INFO AMEMBASSY LONDON (ROUTINE)"], removed: [] },
        tags: { added: ["UK"], removed: [] },
        paragraphs: [
          { op: "removed", text: "1. (U) Please deliver." },
          { op: "added", text: "1. (U) The Ambassador is to deliver it." },
          { op: "same", text: "2. (U) Report the reply." },
        ],
      },
    };
    const queue = (await call(server, "secret", { url: "/api/queue" })).json();
    expect(queue.clearances).toMatchObject([{ clearanceId, sinceLastDecision: expected }]);
    const draft = (await call(server, "secret", { url: `/api/drafts/${draftId}` })).json();
    expect(draft.clearances).toMatchObject([{ id: clearanceId, status: "requested", sinceLastDecision: expected }]);
  });

  it("shows the same diff to a clearer asked anew (a new request) after objecting", async () => {
    const made = await call(server, "confidential", { method: "POST", url: "/api/drafts", payload: DRAFT });
    const id = made.json().id;
    const ask = async () =>
      (
        await call(server, "confidential", {
          method: "POST",
          url: `/api/drafts/${id}/clearances`,
          payload: { user: "secret" },
        })
      ).json().id as string;
    const first = await ask();
    await call(server, "secret", {
      method: "POST",
      url: `/api/drafts/${id}/clearances/${first}`,
      payload: { decision: "object", comment: "No." },
    });
    await call(server, "confidential", { method: "PATCH", url: `/api/drafts/${id}`, payload: { tags: ["PREL"] } });
    const second = await ask();
    const queue = (await call(server, "secret", { url: "/api/queue" })).json();
    const item = queue.clearances.find((c: { clearanceId: string }) => c.clearanceId === second);
    expect(item.sinceLastDecision).toMatchObject({
      decision: "objected",
      comment: "No.",
      diff: { tags: { removed: ["FR"] } },
    });
  });

  it("answers who drafted, cleared (objections included) and released the cable, with times", async () => {
    const cleared = await call(server, "secret", {
      method: "POST",
      url: `/api/drafts/${draftId}/clearances/${clearanceId}`,
      payload: { decision: "clear", comment: "Better." },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const released = await call(server, "admin", {
      method: "POST",
      url: `/api/drafts/${draftId}/release`,
      payload: {},
    });
    expect(released.statusCode, released.body).toBe(200);
    cableId = released.json().id;
    const history = await call(server, "secret", { url: `/api/cables/${cableId}/history` });
    expect(history.statusCode, history.body).toBe(200);
    const body = history.json();
    expect(body).toMatchObject({
      releasedHere: true,
      drafted: { by: "confidential" },
      clearances: [
        {
          kind: "user",
          clearer: "secret",
          requestedBy: "confidential",
          status: "cleared",
          decisions: [
            { decision: "objected", by: "secret", comment: "Say who is to deliver it." },
            { decision: "cleared", by: "secret", comment: "Better." },
          ],
        },
      ],
      released: { by: "admin" },
    });
    expect(Date.parse(body.released.at)).toBeGreaterThanOrEqual(Date.parse(body.drafted.at));
  });

  it("hides the history of a cable the reader may not read (404), and has none for an imported cable", async () => {
    const hidden = await call(server, "unclassified", { url: `/api/cables/${cableId}/history` });
    expect([hidden.statusCode, hidden.json().code]).toEqual([404, "CABLE_NOT_FOUND"]);
    expect(JSON.stringify(hidden.json())).not.toContain("confidential");
    const imported = await call(server, "admin", { url: `/api/cables/${SECRET_ID}/history` });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({
      releasedHere: false,
      drafted: null,
      clearances: [],
      submitted: null,
      released: null,
    });
  });
});
