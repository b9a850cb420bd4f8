// The web app as the production server serves it: the build carries no source maps, and the server hands none out,
// even one left in the folder it serves.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../src/server/app.ts";
import type { Store } from "../src/store/open-store.ts";
import { openTestStore } from "./helpers/test-stores.ts";

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" });
}

describe("the production build of the web app", () => {
  it("emits no source map and points to none", () => {
    const root = inject("webRoot");
    const files = filesUnder(root);
    expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const file of files.filter((f) => /\.(js|css)$/.test(f))) {
      expect(readFileSync(join(root, file), "utf8"), file).not.toMatch(/sourceMappingURL/);
    }
  });
});

describe("the server of the web app", () => {
  let store: Store;
  let app: FastifyInstance;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), "cablegram-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Cablegram</title>");
    writeFileSync(join(webRoot, "assets", "app.js"), "export {};\n//# sourceMappingURL=app.js.map");
    writeFileSync(join(webRoot, "assets", "app.js.map"), '{"version":3,"sources":["secret.ts"]}');
    store = await openTestStore("sqlite", "web_app_test");
    app = await buildApp({ store, webRoot });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("answers 404 for a source map, whether the file is there or not", async () => {
    for (const url of ["/assets/app.js.map", "/assets/APP.JS.MAP", "/assets/other.js.map", "/index.js.map"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain("secret.ts");
    }
  });

  it("still serves the app's scripts and its pages", async () => {
    expect((await app.inject({ url: "/assets/app.js" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/inbox" })).body).toContain("<title>Cablegram</title>");
  });
});
