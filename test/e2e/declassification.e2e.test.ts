// The declassification "done when", in a real browser: a reviewer signs in, releases 09STATE39345 in part from the
// keyboard-driven queue (paragraphs 1-3 withheld under 1.4(b) and (d)), signs out, and reads the public version in
// the reading room with the withheld paragraphs marked where they were; a word only in paragraph 3 finds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, PASSWORD, startWebWorld, type WebWorld } from "./web-world.ts";

describe.skipIf(browserMissing)(
  `web: declassification review and the reading room${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
      await world.apiAs("admin")("POST", "/api/users", {
        username: "reviewer",
        password: PASSWORD,
        roles: ["reader", "reviewer"],
        clearance: "SECRET",
        post: "STATE",
      });
    });
    afterAll(async () => world?.close());

    it("releases 09STATE39345 in part from the queue, and the public reads it with three markers", async () => {
      const { page, context, consoleErrors } = await world.newPage();
      await world.signIn(page, "reviewer");
      await page.getByRole("link", { name: "Review" }).click();
      const review = page.getByRole("article", { name: "Review of 09STATE39345" });
      await review.waitFor();
      // Subject, four TAGS, then the portions: paragraph 1, the OBJECTIVES heading, paragraphs 2 and 3.
      for (let i = 0; i < 5; i++) await page.keyboard.press("j");
      await page.keyboard.press("w");
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      await page.keyboard.press("w");
      await page.keyboard.press("j");
      await page.keyboard.press("w");
      const withheld = review.getByRole("button", { name: "Withheld: 1.4(b), 1.4(d)" });
      await expect.poll(() => withheld.count()).toBe(3);
      await world.screenshot(page, "declass-review-queue");
      await page.keyboard.press("p");
      const decided = page.getByRole("region", { name: "Decided this sitting" });
      await expect.poll(() => decided.textContent()).toContain("09STATE39345: release-in-part");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin$/);
      await page.goto("/reading-room?q=Venezuela");
      await expect.poll(() => page.locator(".result-count").textContent()).toBe("0 released cables");
      await page.goto("/reading-room");
      await page.getByRole("link", { name: /09STATE39345/ }).click();
      const version = page.getByRole("article", { name: "Released version of 09STATE39345" });
      await version.waitFor();
      const markers = await version.locator(".withheld-marker").allTextContents();
      expect(markers).toEqual([1, 2, 3].map((n) => `[Paragraph ${n} (C) withheld: 1.4(b), 1.4(d)]`));
      const text = (await version.textContent()) ?? "";
      expect(text).toContain("4. (SBU) It is a USG policy priority");
      expect(text).toContain("DECLASSIFIED IN PART. AUTHORITY: E.O. 13526. REVIEWER: reviewer.");
      expect(text).not.toMatch(/Venezuela|Albania/);
      await world.screenshot(page, "declass-reading-room");
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  },
);
