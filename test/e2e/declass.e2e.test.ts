// The declassification schedule in a real browser: an archivist sees 09STATE39345 overdue since 2019-04-16, counted
// by classification and origin, narrows the list by a count, and the page fits a 375 px phone and a laptop; a reader
// without the role has no link and is told which role the page needs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

describe.skipIf(browserMissing)(
  `web: declassification schedule${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
    });
    afterAll(async () => world?.close());

    it("shows an archivist the due cables, counted by classification and origin, at laptop and phone widths", async () => {
      const { page, context, consoleErrors } = await world.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      await world.signIn(page, "archivist");
      await page.getByRole("link", { name: "Declassification" }).click();
      await page.getByRole("heading", { name: "Declassification schedule" }).waitFor();
      const list = page.getByRole("list", { name: "Due cables" });
      await expect.poll(async () => (await list.textContent()) ?? "").toContain("09STATE39345");
      expect(await list.textContent()).toContain("2019-04-16 overdue");
      expect(await list.textContent()).toContain("SUPPORTING KOSOVO IN INTERNATIONAL BODIES");
      expect(await list.textContent()).toContain("as the E.O. line says (DECL: 04/16/2019)");
      expect(await list.textContent()).not.toContain("08STATE16245");
      const byClass = page.getByRole("region", { name: "By classification" });
      expect(await byClass.getByRole("row", { name: /CONFIDENTIAL/ }).textContent()).toMatch(/CONFIDENTIAL\s*1\s*1/);
      expect(await page.getByRole("region", { name: "By origin" }).textContent()).toContain("STATE");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await world.screenshot(page, "declass");

      await byClass.getByRole("button", { name: "CONFIDENTIAL" }).click();
      await page.getByRole("heading", { name: /Due cables, classification CONFIDENTIAL/ }).waitFor();
      expect(await list.textContent()).toContain("09STATE39345");

      await page.setViewportSize({ width: 375, height: 812 });
      await page.getByRole("button", { name: /Show every classification/ }).click();
      await expect.poll(async () => (await list.textContent()) ?? "").toContain("09STATE39345");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await world.screenshot(page, "declass-phone");
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("gives a reader without the archivist role no link, and tells them which role the page needs", async () => {
      const { page, context } = await world.newPage();
      await world.signIn(page, "drafter");
      expect(await page.getByRole("link", { name: "Declassification" }).count()).toBe(0);
      await page.goto("/declass");
      await page.getByRole("heading", { name: "The declassification schedule needs the archivist role" }).waitFor();
      await context.close();
    });
  },
);
