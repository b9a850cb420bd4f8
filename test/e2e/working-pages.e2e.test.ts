// The pages of a working day that had none: a task marked done from the action dashboard, the alerts of each post
// with what became of them, and the audit log for archivists (and the role page for anyone else).
import { describe, expect, it } from "vitest";
import { withReleasedDemarche } from "./release-fixture.ts";
import { browserMissing } from "./web-world.ts";

describe.skipIf(browserMissing)(
  `web: tasks, alerts, audit${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    const ctx = withReleasedDemarche();

    it("marks Panama's task done with a note from the action dashboard", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "duty-panama");
      await page.goto(`/cables/${ctx.demarche}/actions`);
      const panama = page.locator('tr[data-post="PANAMA"]');
      await panama.getByRole("button", { name: "Mark done…" }).click();
      const form = page.getByRole("form", { name: /^Mark done: AMEMBASSY PANAMA/ });
      await form.getByLabel("How it was done").fill("Delivered orally to the foreign minister");
      await ctx.world.screenshot(page, "actions-mark-done", { fullPage: false });
      await form.getByRole("button", { name: "Mark done" }).click();
      await expect
        .poll(() => panama.textContent())
        .toContain("done by duty-panama: Delivered orally to the foreign minister");
      const task = await ctx.world.store.db
        .selectFrom("tasks")
        .select(["done_by", "note"])
        .where("cable_id", "=", ctx.demarche)
        .where("post", "=", "AMEMBASSY PANAMA")
        .executeTakeFirstOrThrow();
      expect(task).toEqual({ done_by: "duty-panama", note: "Delivered orally to the foreign minister" });
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("lists the alerts post by post with their outcome: Panama's sent, the posts without a duty officer said so", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "drafter");
      await page.goto("/alerts");
      const tripoli = page.getByRole("table", { name: "Alerts at AMEMBASSY TRIPOLI" });
      await expect
        .poll(() => tripoli.locator("tbody tr").first().getAttribute("data-outcome"), { timeout: 20_000 })
        .toBe("no_duty_officer");
      expect(await tripoli.textContent()).toContain("nobody on the duty roster");
      expect(await tripoli.textContent()).toContain(ctx.demarche);
      const panama = page.getByRole("table", { name: "Alerts at AMEMBASSY PANAMA" });
      await expect
        .poll(() => panama.locator("tbody tr").first().getAttribute("data-outcome"))
        .not.toBe("no_duty_officer");
      await ctx.world.screenshot(page, "alerts");
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("shows the audit log to an archivist, filtered by action, and a role page to a drafter", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "archivist");
      await page.goto("/audit");
      await page.getByLabel("Action").fill("cable.release");
      const table = page.getByRole("table", { name: "Audit entries" });
      await expect.poll(async () => (await table.textContent()) ?? "").toContain(ctx.demarche);
      const actions = await table.locator("tbody td:nth-child(3)").allTextContents();
      expect(new Set(actions)).toEqual(new Set(["cable.release"]));
      expect(await table.textContent()).toContain("approver");
      await ctx.world.screenshot(page, "audit");
      await context.close();

      const drafter = await ctx.world.newPage();
      await ctx.world.signIn(drafter.page, "drafter");
      await drafter.page.goto("/audit");
      await drafter.page.getByRole("heading", { name: "The audit log needs the archivist role" }).waitFor();
      expect(await drafter.page.getByRole("link", { name: "Audit" }).count()).toBe(0);
      expect([...consoleErrors, ...drafter.consoleErrors]).toEqual([]);
      await drafter.context.close();
    });
  },
);
