// Two people on one draft: the composer learns live that someone else saved it, refuses to let the drafter's older
// form replace that text (the server answers 412 to a save made to an older revision), keeps the drafter's unsaved
// edits until they choose, and loads the newer text when asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDraft } from "../helpers/factories.ts";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

const DRAFT = buildDraft({
  info: [{ name: "LONDON", precedence: "ROUTINE" }],
  subject: "FRANCE: FIRST TEXT",
});

describe.skipIf(browserMissing)(
  `web: a draft saved by someone else meanwhile${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
    });
    afterAll(async () => world?.close());

    it("warns the drafter, refuses to save over the newer revision, and loads it on request", async () => {
      const api = world.apiAs("drafter");
      const { id } = await api<{ id: string }>("POST", "/api/drafts", DRAFT);
      const { page, consoleErrors } = await world.newPage();
      page.setDefaultTimeout(15_000);
      await world.signIn(page, "drafter");
      await page.goto(`/drafts/${encodeURIComponent(id)}`);
      await page.getByRole("heading", { name: "FRANCE: FIRST TEXT" }).waitFor();
      await page.getByLabel("SUBJECT").fill("FRANCE: THE BROWSER'S EDIT");

      // Another editor (a script here) saves the draft meanwhile; the composer hears of it at once.
      await api("PATCH", `/api/drafts/${encodeURIComponent(id)}`, { subject: "FRANCE: THE OTHER EDITOR'S TEXT" });
      const warning = page.getByRole("alert").filter({ hasText: "Someone else saved this draft" });
      await expect.poll(() => warning.textContent()).toContain("(revision 2) since you opened revision 1");

      // Saving the older form is refused; the drafter's text stays in the form.
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect.poll(() => page.getByText(/was saved by someone else since revision 1/).count()).toBe(1);
      expect(await page.getByLabel("SUBJECT").inputValue()).toBe("FRANCE: THE BROWSER'S EDIT");
      const stored = await api<{ revision: number; cable: { subject: string } }>(
        "GET",
        `/api/drafts/${encodeURIComponent(id)}`,
      );
      expect([stored.revision, stored.cable.subject]).toEqual([2, "FRANCE: THE OTHER EDITOR'S TEXT"]);

      // Loading the newer revision replaces the form; a save made to it goes through.
      await warning.getByRole("button", { name: "Load revision 2" }).click();
      expect(await page.getByLabel("SUBJECT").inputValue()).toBe("FRANCE: THE OTHER EDITOR'S TEXT");
      await expect.poll(() => warning.count()).toBe(0);
      await page.getByLabel("SUBJECT").fill("FRANCE: AGREED TEXT");
      await page.getByRole("button", { name: "Save draft" }).click();
      await expect.poll(() => page.getByText(/revision 3/).count()).toBeGreaterThan(0);
      const saved = await api<{ revision: number; cable: { subject: string } }>(
        "GET",
        `/api/drafts/${encodeURIComponent(id)}`,
      );
      expect([saved.revision, saved.cable.subject]).toEqual([3, "FRANCE: AGREED TEXT"]);
      // The refused save is the only error the browser logged (its 412 answer).
      expect(consoleErrors.filter((e) => !e.includes("412"))).toEqual([]);
    });
  },
);
