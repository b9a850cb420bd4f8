// The OpenAPI document: generated from the route schemas, structurally valid, clean by Redocly's recommended rules,
// every route under a stable, unique operationId; and the docs UI.
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app.ts";
import type { Store } from "../src/store/open-store.ts";
import type { FastifyInstance } from "fastify";
import { openTestStore } from "./helpers/test-stores.ts";

type Operation = {
  operationId?: string;
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  security?: unknown[];
};
type OpenApi = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
};

/**
 * Every operation of the API under its operationId. Generated clients name their methods after these, so an id is
 * part of the API: changing one breaks every client built against the document.
 */
const OPERATIONS: Record<string, string> = {
  "POST /api/session": "signIn",
  "GET /api/session": "getSession",
  "GET /api/session/current": "getCurrentSession",
  "DELETE /api/session": "signOut",
  "GET /api/cables/{id}": "getCable",
  "GET /api/cables/{id}/references": "getCableReferences",
  "GET /api/search": "searchCables",
  "GET /api/search/export": "exportSearch",
  "GET /api/search/export/size": "getSearchExportSize",
  "GET /api/cables/{id}/export": "exportCable",
  "GET /api/declass/queue": "listReviewQueue",
  "POST /api/declass/reviews": "recordReview",
  "GET /api/reading-room": "searchReadingRoom",
  "GET /api/reading-room/withdrawals": "listWithdrawalCards",
  "GET /api/reading-room/{id}": "getReadingRoomItem",
  "GET /api/search-notices": "listSearchNotices",
  "GET /api/saved-searches": "listSavedSearches",
  "POST /api/saved-searches": "saveSearch",
  "POST /api/search-notices/read": "markSearchNoticesRead",
  "DELETE /api/saved-searches/{id}": "deleteSavedSearch",
  "GET /api/campaigns": "listCampaigns",
  "GET /api/campaigns/{id}": "getCampaign",
  "GET /api/campaigns/{id}/tally": "getCampaignTally",
  "GET /api/campaigns/{id}/changes": "getCampaignChanges",
  "POST /api/campaigns/{id}/positions": "recordPosition",
  "GET /api/campaigns/{id}/suggestions": "listCampaignSuggestions",
  "GET /api/drafts/{id}/suggestions": "listDraftSuggestions",
  "GET /api/campaigns/{id}/taskings": "listCampaignTaskings",
  "POST /api/campaigns/{id}/taskings": "tieTasking",
  "POST /api/suggestions/{id}/confirm": "confirmSuggestion",
  "POST /api/suggestions/{id}/dismiss": "dismissSuggestion",
  "GET /api/blocs": "listBlocs",
  "GET /api/blocs/{code}/members": "getBlocMembers",
  "GET /api/directory/posts": "listPosts",
  "POST /api/directory/posts": "createPost",
  "GET /api/directory/posts/{name}": "getPost",
  "PATCH /api/directory/posts/{name}": "updatePost",
  "DELETE /api/directory/posts/{name}": "deletePost",
  "GET /api/directory/offices": "listOffices",
  "POST /api/directory/offices": "createOffice",
  "DELETE /api/directory/offices/{code}": "deleteOffice",
  "GET /api/directory/collectives": "listCollectives",
  "POST /api/directory/collectives": "createCollective",
  "GET /api/directory/collectives/{name}": "getCollective",
  "DELETE /api/directory/collectives/{name}": "deleteCollective",
  "POST /api/directory/collectives/{name}/members": "addCollectiveMember",
  "DELETE /api/directory/collectives/{name}/members/{post}": "removeCollectiveMember",
  "GET /api/users": "listUsers",
  "POST /api/users": "createUser",
  "GET /api/users/{username}": "getUser",
  "PATCH /api/users/{username}": "updateUser",
  "DELETE /api/users/{username}": "deleteUser",
  "DELETE /api/users/{username}/sign-in-throttle": "liftSignInThrottle",
  "GET /api/users/{username}/tokens": "listApiTokens",
  "POST /api/users/{username}/tokens": "createApiToken",
  "DELETE /api/users/{username}/tokens/{id}": "revokeApiToken",
  "GET /api/audit": "listAuditEntries",
  "POST /api/drafts": "createDraft",
  "GET /api/drafts/{id}": "getDraft",
  "PATCH /api/drafts/{id}": "updateDraft",
  "DELETE /api/drafts/{id}": "discardDraft",
  "POST /api/drafts/{id}/clearances": "requestClearance",
  "POST /api/drafts/{id}/clearances/{cid}": "decideClearance",
  "POST /api/drafts/{id}/submit": "submitDraft",
  "POST /api/drafts/{id}/release": "releaseDraft",
  "POST /api/cables/{id}/reply": "createReplyDraft",
  "POST /api/cables/{id}/correction": "createCorrectionDraft",
  "POST /api/cables/{id}/cancellation": "createCancellationDraft",
  "GET /api/cables/{id}/versions": "getCableVersions",
  "GET /api/cables/{id}/history": "getCableHistory",
  "GET /api/queue": "getQueue",
  "GET /api/inbox": "listInbox",
  "POST /api/deliveries/{id}/ack": "acknowledgeDelivery",
  "POST /api/deliveries/{id}/read": "markDeliveryRead",
  "POST /api/deliveries/{id}/slug": "slugDelivery",
  "GET /api/events": "streamEvents",
  "GET /api/cables/{id}/actions": "getActionDashboard",
  "POST /api/tasks/{id}/done": "markTaskDone",
  "GET /api/alerts": "listAlerts",
  "POST /api/alerts/{id}/ack": "acknowledgeAlert",
  "GET /api/sites/traffic": "getSiteTraffic",
  "GET /api/cables/{id}/tracking": "trackCable",
  "POST /api/sites/copies/{id}/resend": "resendSiteCopy",
  "POST /api/sites/copies/{id}/cancel": "cancelSiteCopy",
  "GET /api/duty-officers": "listDutyOfficers",
  "PUT /api/duty-officers/{post}": "setDutyOfficer",
  "PUT /api/saved-searches/{id}/watch": "watchSavedSearch",
  "PUT /api/session/email": "setOwnEmail",
  "GET /api/notifications": "listNotifications",
  "POST /api/notifications/read": "markNotificationsRead",
  "GET /api/mine/drafts": "listMyDrafts",
  "GET /api/mine/sent": "listSentCables",
  "GET /api/declass/due": "listDeclassificationDue",
  "GET /api/declass/proposals": "proposeDeclassificationReleases",
};

/** Every `$ref` in a document, with where it sits. */
function refsOf(value: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === "$ref" && typeof v === "string" ? [{ ref: v, at }] : refsOf(v, `${at}/${k}`),
  );
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

describe("the OpenAPI document", () => {
  let store: Store;
  let app: FastifyInstance;
  let doc: OpenApi;
  beforeAll(async () => {
    store = await openTestStore("sqlite", "openapi_test");
    app = await buildApp({ store });
    const res = await app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    doc = res.json() as OpenApi;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("is OpenAPI 3.1 and lists exactly the API's operations, each under its stable operationId", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Cablegram API" });
    const listed = Object.fromEntries(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.operationId]),
      ),
    );
    expect(listed).toEqual(OPERATIONS);
  });

  it("passes Redocly's recommended rules without an error or a warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "openapi.json", config });
    const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`);
    expect(described).toEqual([]);
  });

  it("gives every route of the server a unique camelCase operationId, so that none escapes the document", () => {
    // HEAD routes are Fastify's own, answering each GET without its body: they are no operations of their own.
    const operations = app.routeTable.filter((route) => !route.hidden && route.method !== "HEAD");
    expect(operations.length).toBe(Object.keys(OPERATIONS).length);
    for (const { method, url, operationId } of operations) {
      expect(operationId, `${method} ${url}`).toMatch(/^[a-z]+(?:[A-Z][a-z]*)+$/);
    }
    const ids = operations.map((route) => route.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every operation responses, declares every path parameter, and resolves every $ref", () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
        const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort(), `${method} ${path}`).toEqual([...templated].sort());
      }
    }
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const { ref, at } of refs) expect(resolvePointer(doc, ref), `${ref} at ${at}`).toBeDefined();
  });

  it("marks sign-in public and documents problem answers", () => {
    expect(doc.paths["/api/session"]?.post?.security).toEqual([]);
    const problem = resolvePointer(doc, "#/components/schemas/Problem") as { required?: string[] };
    expect(problem.required).toEqual(expect.arrayContaining(["type", "title", "status", "detail", "code", "instance"]));
    expect(Object.keys(doc.paths["/api/cables/{id}"]?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "4XX"]),
    );
  });

  it("serves the browsable docs without a session", async () => {
    const res = await app.inject({ url: "/api/docs" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger-ui");
  });

  it("serves the docs' own scripts and styles, which @fastify/static sends from swagger-ui's folder", async () => {
    const script = await app.inject({ url: "/api/docs/static/swagger-ui-bundle.js" });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toMatch(/javascript/);
    const styles = await app.inject({ url: "/api/docs/static/swagger-ui.css" });
    expect(styles.statusCode).toBe(200);
    expect(styles.headers["content-type"]).toMatch(/css/);
  });
});
