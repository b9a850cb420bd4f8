// The accessibility check the page tests share: the serious and critical WCAG 2 A/AA violations that axe-core finds,
// and one test per page and screen size that signs in, opens the page and checks it, its width and its console.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { watchMissingSuggestions } from "./missing-endpoint.ts";
import type { WebWorld } from "./web-world.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** The serious and critical WCAG 2 A/AA violations on the page as it stands. */
export async function violations(page: Page): Promise<string[]> {
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

/** A page to check: its name in the test's title, its path (read when the test runs) and a text it shows when ready. */
export type CheckedPage = [name: string, path: () => string, landmark: string];

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 375, height: 812 },
];

/**
 * Declares, for each page and for a laptop's and a phone's screen, a test that the page has no serious WCAG
 * violation, runs off neither screen's side, and logs no error.
 * @example itPassesAccessibility(() => ctx.world, [["inbox", () => "/inbox", "Inbox: "]])
 */
export function itPassesAccessibility(world: () => WebWorld, pages: CheckedPage[]): void {
  for (const [name, path, landmark] of pages) {
    for (const screen of SCREENS) {
      it(`has no serious WCAG violation on the ${name} page, and fits a ${screen.width}x${screen.height} screen`, async () => {
        const { page, context, consoleErrors } = await world().newPage();
        const missing = watchMissingSuggestions(page);
        await page.setViewportSize(screen);
        await world().signIn(page, "admin");
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
}
