// A clearer asked again after objecting sees, on the queue and on the draft, what changed since; once released,
// the reader shows who drafted, cleared (the objection with its comment, then the clearance) and released it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDraft } from "../helpers/factories.ts";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

const DRAFT = buildDraft({
  subject: "FRANCE: DEMARCHE ON THE SUMMIT",
  body: "1. (U) Please deliver the points below.\n\n2. (U) Report the reply.",
});

describe.skipIf(browserMissing)(
  `web: clearance history and changes since${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
    });
    afterAll(async () => world?.close());

    it("shows a re-asked clearer the diff on the queue and the draft, and the reader who cleared and released", async () => {
      const drafter = world.apiAs("drafter");
      const clearer = world.apiAs("clearer");
      const { id } = await drafter<{ id: string }>("POST", "/api/drafts", DRAFT);
      const draftPath = `/api/drafts/${encodeURIComponent(id)}`;
      const asked = await drafter<{ id: string }>("POST", `${draftPath}/clearances`, { user: "clearer" });
      await clearer("POST", `${draftPath}/clearances/${asked.id}`, {
        decision: "object",
        comment: "Say who delivers it.",
      });
      await drafter("PATCH", draftPath, {
        subject: "FRANCE: DEMARCHE ON THE JUNE SUMMIT",
        body: "1. (U) The Ambassador is to deliver the points below.\n\n2. (U) Report the reply.",
      });

      const { page, consoleErrors } = await world.newPage();
      page.setDefaultTimeout(15_000);
      await world.signIn(page, "clearer");
      await page.goto("/queue");
      const changes = page.getByRole("region", { name: "Changes since the last decision" });
      await changes.waitFor();
      expect(await changes.textContent()).toContain("Since you objected to it");
      expect(await changes.textContent()).toContain("Say who delivers it.");
      expect(await changes.locator("del").allTextContents()).toEqual([
        "FRANCE: DEMARCHE ON THE SUMMIT",
        "1. (U) Please deliver the points below.",
      ]);
      expect(await changes.locator("ins").allTextContents()).toEqual([
        "FRANCE: DEMARCHE ON THE JUNE SUMMIT",
        "1. (U) The Ambassador is to deliver the points below.",
      ]);
      await world.screenshot(page, "queue-changes-since", { fullPage: false });
      // The diff fits a phone without scrolling sideways.
      await page.setViewportSize({ width: 375, height: 812 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.setViewportSize({ width: 1366, height: 860 });

      await page.getByRole("link", { name: "FRANCE: DEMARCHE ON THE JUNE SUMMIT" }).click();
      const onDraft = page.getByRole("region", { name: "Changes since the last decision" });
      await onDraft.waitFor();
      expect(await onDraft.locator("ins").allTextContents()).toContain("FRANCE: DEMARCHE ON THE JUNE SUMMIT");

      await clearer("POST", `${draftPath}/clearances/${asked.id}`, { decision: "clear", comment: "Fine now." });
      await drafter("POST", `${draftPath}/submit`, {});
      const released = await world.apiAs("approver")<{ id: string }>("POST", `${draftPath}/release`, {});
      await page.goto(`/cables/${encodeURIComponent(released.id)}`);
      const history = page.getByRole("region", { name: "Drafted, cleared, released" });
      await history.waitFor();
      const text = await history.textContent();
      expect(text).toContain("Drafteddrafter, ");
      expect(text).toMatch(/objected by clearer, .*: “Say who delivers it\.”/);
      expect(text).toMatch(/cleared by clearer, .*: “Fine now\.”/);
      expect(text).toContain("Approved and releasedapprover");
      await history.scrollIntoViewIfNeeded();
      await world.screenshot(page, "reader-history", { fullPage: false });
      expect(consoleErrors).toEqual([]);
    });
  },
);
