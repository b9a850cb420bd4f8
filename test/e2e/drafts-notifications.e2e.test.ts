// My drafts, Sent and the notification bell, in a real browser (issue 17 item 7): the drafter sees their draft's
// clearances pending; a clearer's objection arrives live, with its comment, in the bell and on the page, and opens
// the draft; once released, the cable is under Sent with its precedence, addressees and date. Both pages and the
// bell's list fit a 375 px phone and a laptop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { parseTelegram } from "../../src/telegram/index.ts";
import { draftOf } from "../helpers/draft-body.ts";
import { demarcheText, releaseDemarche } from "./release-fixture.ts";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

const SUBJECT = "BURKINA FASO: DEMARCHE ON THE UNSC VOTE";
const COMMENT = "Say 'welcomes', not 'notes', in paragraph 2.";

/** How far the page runs off the right of the window, in pixels (0: it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(browserMissing)(
  `web: my drafts, sent and notifications${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
    });
    afterAll(async () => world?.close());

    it("shows my draft's clearance pending, then an objection arriving live in the bell, which opens the draft", async () => {
      const drafter = world.apiAs("drafter");
      const draft = await drafter<{ id: string }>("POST", "/api/drafts", {
        ...draftOf(parseTelegram(demarcheText())),
        subject: SUBJECT,
      });
      const clearance = await drafter<{ id: string }>("POST", `/api/drafts/${draft.id}/clearances`, {
        office: "IO/UNP",
      });
      const { page, context, consoleErrors } = await world.newPage();
      await world.signIn(page, "drafter");
      await page.getByRole("link", { name: "My drafts" }).click();
      const mine = page.getByRole("list", { name: "My drafts" });
      const item = mine.getByRole("listitem").filter({ hasText: SUBJECT });
      await item.getByText("clearances: 0 given, 1 pending").waitFor();
      const bell = page.getByRole("button", { name: /^Notifications/ });
      expect(await bell.textContent()).toBe("Notifications");

      // The clearer objects elsewhere: the bell and the page change without a reload.
      await world.apiAs("clearer")("POST", `/api/drafts/${draft.id}/clearances/${clearance.id}`, {
        decision: "object",
        comment: COMMENT,
      });
      await bell.getByLabel("1 unread").waitFor();
      await item.getByText(`IO/UNP objects: ${COMMENT}`).waitFor();
      expect(await overflow(page)).toBe(0);
      await world.screenshot(page, "my-drafts");

      await bell.click();
      const panel = page.getByRole("region", { name: "Notifications" });
      const objection = panel.getByRole("link", { name: new RegExp(`Objection.*${SUBJECT}.*clearer: `) });
      await objection.waitFor();
      expect(await objection.textContent()).toContain(COMMENT);
      await world.screenshot(page, "notifications", { fullPage: false });
      await objection.click();
      await page.waitForURL(`**/drafts/${draft.id}`);
      await expect.poll(() => bell.textContent()).toBe("Notifications");
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("lists the released cable under Sent with precedence, addressees and date, and fits a 375 px phone", async () => {
      const { page, context, consoleErrors } = await world.newPage();
      await page.setViewportSize({ width: 375, height: 812 });
      await world.signIn(page, "drafter");
      await page.goto("/sent");
      await page.getByText("None of your drafts has been released yet.").waitFor();
      const id = await releaseDemarche(world, { subject: "NIACT DEMARCHE, SENT" });
      // The release is told live: the bell counts it (and the cleared clearance before it) without a reload.
      await page
        .getByRole("button", { name: /^Notifications/ })
        .getByLabel(/\d+ unread/)
        .waitFor();
      await page.reload();
      const sent = page.getByRole("list", { name: "Sent cables" }).getByRole("listitem").first();
      await sent.getByRole("link", { name: new RegExp(`${id}.*NIACT DEMARCHE, SENT`) }).waitFor();
      expect(await sent.textContent()).toMatch(/IMMEDIATE/);
      expect(await sent.textContent()).toContain("AMEMBASSY PANAMA");
      expect(await sent.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(await overflow(page)).toBe(0);
      await world.screenshot(page, "sent-phone");

      await page.getByRole("button", { name: /^Notifications/ }).click();
      const panel = page.getByRole("region", { name: "Notifications" });
      await panel.getByRole("link", { name: new RegExp(`Released.*released as ${id}`) }).waitFor();
      expect(await overflow(page)).toBe(0);
      const box = await panel.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      // On screen, under the header, not below the page's end.
      expect(box!.y).toBeGreaterThan(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(812);
      await world.screenshot(page, "notifications-phone", { fullPage: false });

      await page.keyboard.press("Escape");
      await page.goto("/drafts");
      await page.getByRole("heading", { name: "My drafts" }).waitFor();
      expect(await overflow(page)).toBe(0);
      // Where my notifications are mailed: kept once saved, and only an address is taken.
      await page.getByLabel("E-mail my notifications to").fill("drafter@state.example");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("Notifications are mailed to drafter@state.example too.").waitFor();
      await page.reload();
      await expect.poll(() => page.getByLabel("E-mail my notifications to").inputValue()).toBe("drafter@state.example");
      await expect(world.apiAs("drafter")("PUT", "/api/session/email", { email: "drafter at state" })).rejects.toThrow(
        /400/,
      );
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  },
);
