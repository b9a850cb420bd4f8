// Vitest configuration: tests live under test/, by capability; test/e2e drives the web app in Chromium, built
// once per run by the global setup.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: a single worker on CI's two cores. The files wait on
    // databases, servers and the browser more than they compute, so two at a time use the machine.
    maxWorkers: 2,
    // Each worker keeps its modules from one file to the next instead of importing the whole program again for
    // every file, the run's largest fixed cost (docs/performance.md). Files share no state through modules: every
    // test opens its own stores, servers and browser pages, and restores what it stubs.
    isolate: false,
    // Two files at a time leave each less of the machine: a page that draws in 0.3 s alone can take 2 s beside
    // another browser test, so a polled assertion waits up to 10 s (Vitest's default is 1 s) before it fails.
    expect: { poll: { timeout: 10_000 } },
  },
});
