// The declassification "done when", in a real browser: a reviewer signs in, releases 09STATE39345 in part from the
// keyboard-driven queue (paragraphs 1-3 withheld under 1.4(b) and (d)), signs out, and reads the public version in
// the reading room with the withheld paragraphs marked where they were; a word only in paragraph 3 finds nothing.
// Then a portion of another cable is referred to another agency, and a third cable's classification extended, by
// keyboard and by button: both leave the queue and the due list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveCables } from "../../src/services/archive/index.ts";
import { seed, variantOf } from "../helpers/archive-fixtures.ts";
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

    it("refers a portion to another agency and extends a cable; both leave the queue and the due list", async () => {
      // Two more cables due since 2019-04-16, dated after 09STATE39345, so queued in this order.
      const kosovo = seed("09STATE39345").cable;
      const later = (id: string, day: string) =>
        variantOf(kosovo, { id, dtg: `2009-04-${day}T10:00:00Z`, serial: Number(id.slice(7)) });
      await archiveCables(world.store, [
        { cable: later("09STATE40001", "22"), raw: null },
        { cable: later("09STATE40002", "23"), raw: null },
      ]);
      const { page, context, consoleErrors } = await world.newPage();
      await world.signIn(page, "reviewer");
      await page.getByRole("link", { name: "Review" }).click();
      const first = page.getByRole("article", { name: "Review of 09STATE40001" });
      await first.waitFor();
      const agency = page.getByLabel("Agency to refer portions to");
      await agency.fill("DOE");
      await agency.blur();
      // Subject and four TAGS, then paragraph 1: referred by key, and paragraph 2 by its button.
      for (let i = 0; i < 5; i++) await page.keyboard.press("j");
      await page.keyboard.press("f");
      await first.getByRole("button", { name: "Refer Paragraph 2 (C) to DOE" }).click();
      await expect.poll(() => first.getByRole("button", { name: "Referred to DOE" }).count()).toBe(2);
      await page.keyboard.press("p");
      const decided = page.getByRole("region", { name: "Decided this sitting" });
      await expect.poll(() => decided.textContent()).toContain("09STATE40001: release-in-part");

      const second = page.getByRole("article", { name: "Review of 09STATE40002" });
      await second.waitFor();
      await page.keyboard.press("e");
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("date");
      await second.getByLabel("Extend to").fill("2031-01-01");
      await second.getByLabel("Reason").fill("Equity of another agency still under review");
      await second.getByRole("button", { name: "Extend (e)" }).click();
      await expect.poll(() => decided.textContent()).toContain("09STATE40002: extend");
      await page.getByText("The queue is empty.").waitFor();

      const queue = await world.apiAs("reviewer")<{ cables: { id: string }[] }>("GET", "/api/declass/queue");
      expect(queue.cables.map((c) => c.id)).toEqual([]);
      await page.goto("/declass");
      await page.getByText("No cable you may read is due before").waitFor();
      await page.goto("/reading-room/09STATE40001");
      const version = page.getByRole("article", { name: "Released version of 09STATE40001" });
      await version.waitFor();
      expect(await version.locator(".withheld-marker").allTextContents()).toEqual([
        "[Paragraph 1 (C) referred to DOE]",
        "[Paragraph 2 (C) referred to DOE]",
      ]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  },
);
