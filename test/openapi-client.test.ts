// A typed client from the OpenAPI document: types generated from the served document with openapi-typescript, and
// a script written against them that must keep compiling. Renaming an operation or changing a shape the script
// reads breaks it, as it would break every client generated from the document.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app.ts";
import type { Store } from "../src/store/open-store.ts";
import { openTestStore } from "./helpers/test-stores.ts";

/** A script a user of the API writes with the generated types: sign in, search, read, draft, work the inbox. */
const SCRIPT = `
import type { operations } from "./cablegram-api";

type Json<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;
type Session = Json<operations["signIn"]["responses"][200]>;
type SearchResult = Json<operations["searchCables"]["responses"][200]>;
type CableAnswer = Json<operations["getCable"]["responses"][200]>;
type Inbox = Json<operations["listInbox"]["responses"][200]>;
type SavedDraft = Json<operations["createDraft"]["responses"][201]>;
type Dashboard = Json<operations["getActionDashboard"]["responses"][200]>;

export const signIn: operations["signIn"]["requestBody"]["content"]["application/json"] = {
  username: "alice",
  password: "correct horse battery staple",
};

export function whoIsSignedIn(session: Session): string {
  const until = session.expiresAt === null ? "the token is revoked" : session.expiresAt;
  return \`\${session.user.username} (\${session.user.clearance}, \${session.user.roles.join(", ")}) until \${until}\`;
}

export const kosovo: operations["searchCables"]["parameters"]["query"] = { q: "kosovo tag:PREL", limit: 10, sort: "date" };

export function hitLines(result: SearchResult): string[] {
  const total = result.totalIsLowerBound ? \`\${result.total}+\` : String(result.total);
  const tags = result.facets.tags.map((facet) => \`\${facet.value} (\${facet.count})\`);
  return [total, ...result.results.map((hit) => \`\${hit.id} \${hit.subject ?? ""}: \${hit.snippet}\`), ...tags];
}

export function paragraphs(answer: CableAnswer): string[] {
  if (typeof answer === "string") return [answer];
  return answer.cable.paragraphs.map((p) => \`\${p.number}. (\${p.marking ?? "-"}) \${p.text}\`);
}

export function toAcknowledge(inbox: Inbox): operations["acknowledgeDelivery"]["parameters"]["path"][] {
  return inbox.items
    .filter((delivery) => !delivery.acknowledged && delivery.precedence === "NIACT IMMEDIATE")
    .map((delivery) => ({ id: delivery.id }));
}

export const draft: operations["createDraft"]["requestBody"]["content"]["application/json"] = {
  to: ["AMEMBASSY PARIS"],
  classification: "UNCLASSIFIED",
  tags: ["PREL", "FR"],
  subject: "DEMARCHE ON SECURITY COUNCIL DELIBERATIONS",
  body: "1. (U) Please deliver the points below.",
};

export function errorsOf(saved: SavedDraft): string[] {
  return saved.findings.filter((f) => f.severity === "error").map((f) => \`\${f.path.join(".")}: \${f.message}\`);
}

export function overdue(dashboard: Dashboard): string[] {
  return dashboard.posts.filter((post) => post.status === "overdue").map((post) => post.post);
}
`;

/** Generates the client's types from `document`, and type-checks the script against them; the diagnostics. */
async function compileScriptAgainst(document: OpenAPI3): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "cablegram-client-"));
  try {
    writeFileSync(join(dir, "cablegram-api.ts"), astToString(await openapiTS(document, { silent: true })));
    writeFileSync(join(dir, "script.ts"), SCRIPT);
    const program = ts.createProgram([join(dir, "script.ts")], {
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts"],
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("a client generated from the OpenAPI document", () => {
  let store: Store;
  let app: FastifyInstance;
  let document: OpenAPI3;
  beforeAll(async () => {
    store = await openTestStore("sqlite", "openapi_client_test");
    app = await buildApp({ store });
    document = (await app.inject({ url: "/api/openapi.json" })).json() as OpenAPI3;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("types a script written against the API, which compiles", async () => {
    expect(await compileScriptAgainst(document)).toEqual([]);
  });

  it("stops the script compiling when an operation it calls loses its id or an answer it reads changes shape", async () => {
    const changed = structuredClone(document);
    const edited = changed as unknown as {
      paths: Record<string, Record<string, { operationId?: string }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
    };
    delete edited.paths["/api/search"]!.get!.operationId;
    const session = edited.components.schemas.Session!;
    delete session.properties.expiresAt;
    session.required = session.required.filter((name) => name !== "expiresAt");

    const diagnostics = (await compileScriptAgainst(changed)).join("\n");
    expect(diagnostics).toContain("Property 'searchCables' does not exist on type 'operations'");
    expect(diagnostics).toContain("Property 'expiresAt' does not exist");
  });
});
