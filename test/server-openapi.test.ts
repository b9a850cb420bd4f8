// The OpenAPI document: generated from the route schemas, structurally valid, listing every route; and the docs UI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app.ts";
import type { Store } from "../src/store/open-store.ts";
import type { FastifyInstance } from "fastify";
import { openTestStore } from "./helpers/test-stores.ts";

type Operation = {
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  security?: unknown[];
};
type OpenApi = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
};

const ROUTES = [
  "POST /api/session",
  "GET /api/session",
  "GET /api/session/current",
  "DELETE /api/session",
  "GET /api/cables/{id}",
  "GET /api/cables/{id}/references",
  "GET /api/search",
  "GET /api/saved-searches",
  "POST /api/saved-searches",
  "DELETE /api/saved-searches/{id}",
  "GET /api/directory/posts",
  "POST /api/directory/posts",
  "GET /api/directory/posts/{name}",
  "PATCH /api/directory/posts/{name}",
  "DELETE /api/directory/posts/{name}",
  "GET /api/directory/offices",
  "POST /api/directory/offices",
  "DELETE /api/directory/offices/{code}",
  "GET /api/directory/collectives",
  "POST /api/directory/collectives",
  "GET /api/directory/collectives/{name}",
  "DELETE /api/directory/collectives/{name}",
  "POST /api/directory/collectives/{name}/members",
  "DELETE /api/directory/collectives/{name}/members/{post}",
  "GET /api/users",
  "POST /api/users",
  "GET /api/users/{username}",
  "PATCH /api/users/{username}",
  "DELETE /api/users/{username}",
  "DELETE /api/users/{username}/sign-in-throttle",
  "GET /api/users/{username}/tokens",
  "POST /api/users/{username}/tokens",
  "DELETE /api/users/{username}/tokens/{id}",
  "GET /api/audit",
  "POST /api/drafts",
  "GET /api/drafts/{id}",
  "PATCH /api/drafts/{id}",
  "DELETE /api/drafts/{id}",
  "POST /api/drafts/{id}/clearances",
  "POST /api/drafts/{id}/clearances/{cid}",
  "POST /api/drafts/{id}/release",
  "POST /api/cables/{id}/reply",
  "POST /api/cables/{id}/correction",
  "GET /api/queue",
  "GET /api/inbox",
  "POST /api/deliveries/{id}/ack",
  "POST /api/deliveries/{id}/read",
  "POST /api/deliveries/{id}/slug",
  "GET /api/events",
  "GET /api/cables/{id}/actions",
  "POST /api/tasks/{id}/done",
  "GET /api/alerts",
  "POST /api/alerts/{id}/ack",
  "GET /api/duty-officers",
  "PUT /api/duty-officers/{post}",
];

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

  it("is OpenAPI 3.1 and lists exactly the API's routes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Cablegram API" });
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual([...ROUTES].sort());
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
