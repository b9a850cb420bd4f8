// What blocks release, in the browser: a draft with no TO addressee, no subject, an empty paragraph, no subject or
// country TAGS, an unknown TAGS code and an addressee the directory does not know is saved all the same, and the
// approver's Release button stays disabled, saying how many errors to fix, with each one listed in Checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

describe.skipIf(browserMissing)(
  `web: errors that block release${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
    });
    afterAll(async () => world?.close());

    it("saves a draft with errors, and keeps Release disabled until each is fixed", async () => {
      const drafter = world.apiAs("drafter");
      const draft = await drafter<{ id: string; findings: { code: string; severity: string }[] }>(
        "POST",
        "/api/drafts",
        {
          to: [],
          info: [{ name: "AMEMBASSY ATLANTIS", precedence: "ROUTINE" }],
          classification: "UNCLASSIFIED",
          eo: { order: "12958", decl: null, text: "N/A" },
          tags: ["ZZZZ"],
          subject: "",
          paragraphs: [
            { number: 1, marking: "U", text: "Please deliver." },
            { number: 2, marking: "U", text: "" },
          ],
          signers: ["RICE"],
        },
      );
      expect(draft.findings.filter((f) => f.severity === "error").length).toBe(7);

      const { page, context, consoleErrors } = await world.newPage();
      page.setDefaultTimeout(15_000);
      await world.signIn(page, "approver");
      await page.goto(`/drafts/${draft.id}`);
      const release = page.getByRole("button", { name: "Release", exact: true });
      await release.waitFor();
      expect(await release.isDisabled()).toBe(true);
      await expect.poll(() => page.locator(".release-blockers").textContent()).toContain("Fix the 7 errors");
      const checks = page.locator(".findings-summary");
      await expect.poll(() => checks.getByRole("heading").textContent()).toMatch(/7 errors/);
      const listed = (await checks.locator("li.error").allTextContents()).join("\n");
      for (const text of [
        "TO: the cable has no action (TO) addressee",
        "TAGS: TAGS has no subject tag",
        "TAGS: TAGS has no country or organisation tag",
        "TAGS 1: TAGS code ZZZZ",
        "Subject: the cable has no SUBJECT",
        "Text, block 2: paragraph 2 is empty",
        'INFO 1: no post, collective or office named "AMEMBASSY ATLANTIS"',
      ]) {
        expect(listed).toContain(text);
      }
      await world.screenshot(page, "composer-release-blocked");
      expect(consoleErrors).toEqual([]);
      await context.close();
    }, 90_000);
  },
);
