// Every page against the WCAG 2 A and AA rules that axe-core checks (labels, contrast, roles, landmarks, names),
// and neither at a small laptop's 1280x720 nor at a phone's 375x812 does anything run off the side of the screen.
// The pages are split over this file and accessibility-more.e2e.test.ts, so that two browsers share the work.
import { describe, expect, it } from "vitest";
import { itPassesAccessibility, violations } from "./accessibility-check.ts";
import { withReleasedDemarche } from "./release-fixture.ts";
import { browserMissing } from "./web-world.ts";

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

  itPassesAccessibility(
    () => ctx.world,
    [
      ["inbox", () => "/inbox", "Inbox: "],
      ["reader", () => `/cables/${ctx.demarche}`, "Text"],
      ["telegram text", () => `/cables/${ctx.demarche}?view=telegram`, "Telegram text"],
      ["action dashboard", () => `/cables/${ctx.demarche}/actions`, "Deliver the demarche"],
      ["search", () => "/search?q=kosovo", "kosovo"],
      ["references graph", () => "/cables/09STATE39345/graph", "09STATE39345"],
      ["composer", () => "/compose", "Subject"],
      ["clearance queue", () => "/queue", "Queue"],
    ],
  );
});
