// Vitest global setup: builds the web app once per run, in production mode as `npm start` does, into a folder of
// its own (so a run never swaps the assets under a server that serves web/dist), and tells the tests where.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import "./provided-context.ts";

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), "cablegram-web-"));
  const nodeEnv = process.env.NODE_ENV;
  // Vitest sets NODE_ENV=test, with which Vite would bundle React's development build.
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: new URL("../web/vite.config.ts", import.meta.url).pathname,
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide("webRoot", outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
