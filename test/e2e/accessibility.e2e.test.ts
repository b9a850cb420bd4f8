// Every page against the WCAG 2 A and AA rules that axe-core checks (labels, contrast, roles, landmarks, names),
// and neither at a small laptop's 1280x720 nor at a phone's 375x812 does anything run off the side of the screen.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withReleasedDemarche } from "./release-fixture.ts";
import { watchMissingSuggestions } from "./missing-endpoint.ts";
import { browserMissing } from "./web-world.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** The serious and critical WCAG 2 A/AA violations on the page as it stands. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
    return result.violations;
  });
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

describe.skipIf(browserMissing)(`web: accessibility${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  const ctx = withReleasedDemarche();

  it("has no serious WCAG violation on the sign-in page", async () => {
    const { page, context } = await ctx.world.newPage();
    await page.goto("/signin");
    await page.getByLabel("Username").waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("finds a violation when there is one (the check itself works)", async () => {
    const { page, context } = await ctx.world.newPage();
    await page.goto("/signin");
    await page.getByLabel("Username").waitFor();
    await page.evaluate(() => document.querySelector("form")?.append(document.createElement("input")));
    expect((await violations(page)).join("\n")).toMatch(/^label /m);
    await context.close();
  });

  const pages: [string, () => string, string][] = [
    ["inbox", () => "/inbox", "Inbox: "],
    ["reader", () => `/cables/${ctx.demarche}`, "Text"],
    ["telegram text", () => `/cables/${ctx.demarche}?view=telegram`, "Telegram text"],
    ["action dashboard", () => `/cables/${ctx.demarche}/actions`, "Deliver the demarche"],
    ["search", () => "/search?q=kosovo", "kosovo"],
    ["references graph", () => "/cables/09STATE39345/graph", "09STATE39345"],
    ["composer", () => "/compose", "Subject"],
    ["clearance queue", () => "/queue", "Queue"],
    ["my drafts", () => "/drafts", "No drafts in progress"],
    ["sent", () => "/sent", "None of your drafts has been released yet"],
    ["administration", () => "/admin", "Users"],
    ["alerts", () => "/alerts", "AMEMBASSY PANAMA"],
    ["audit log", () => "/audit", "cable.release"],
    ["campaigns", () => "/campaigns", "Kosovo recognition"],
    ["campaign map", () => "/campaigns/kosovo-recognition?asOf=2009-04-07", "22 of 27"],
  ];
  const screens = [
    { width: 1280, height: 720 },
    { width: 375, height: 812 },
  ];
  for (const [name, path, landmark] of pages) {
    for (const screen of screens) {
      it(`has no serious WCAG violation on the ${name} page, and fits a ${screen.width}x${screen.height} screen`, async () => {
        const { page, context, consoleErrors } = await ctx.world.newPage();
        const missing = watchMissingSuggestions(page);
        await page.setViewportSize(screen);
        await ctx.world.signIn(page, "admin");
        await page.goto(path());
        await page.getByText(landmark).first().waitFor();
        await page.waitForLoadState("networkidle");
        expect(await violations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(screen.width);
        expect(missing.filter(consoleErrors)).toEqual([]);
        await context.close();
      });
    }
  }
});
