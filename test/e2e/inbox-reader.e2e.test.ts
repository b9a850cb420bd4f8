// A post's day with a NIACT cable, in a real browser: the demarche arrives in Panama's inbox with its alert,
// unmistakable; a new cable appears without a reload; one key acknowledges; the reader shows the cable with its
// banners, header, portion marks and references; the action dashboard shows where each post stands.
import { describe, expect, it } from "vitest";
import { releaseDemarche, withReleasedDemarche } from "./release-fixture.ts";
import { browserMissing } from "./web-world.ts";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";
import { systemClock } from "../../src/services/clock.ts";
import { updateUser } from "../../src/services/users/index.ts";

describe.skipIf(browserMissing)(
  `web: inbox, reader, actions${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    const ctx = withReleasedDemarche();

    it("shows the NIACT delivery in Panama's inbox with its alert, updates live, and acknowledges with one key", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "duty-panama");
      await page.goto("/inbox");
      const row = page.getByRole("row", { name: new RegExp(ctx.demarche) });
      await row.waitFor();
      expect(await row.textContent()).toContain("NIACT IMMEDIATE");
      expect(await row.getAttribute("class")).toMatch(/unread/);
      expect(await row.getAttribute("class")).toMatch(/urgent/);
      const alerts = page.getByRole("alert", { name: "Duty officer alerts" });
      await expect.poll(() => alerts.textContent()).toContain(ctx.demarche);
      await ctx.world.screenshot(page, "inbox");

      // A second cable released while the page is open arrives without a reload.
      const second = await releaseDemarche(ctx.world, { subject: "KOSOVO: SECOND DEMARCHE FOR THE INBOX TEST" });
      await page.getByRole("row", { name: new RegExp(second) }).waitFor();

      // The newest is first and selected; k moves to the next older one... select the demarche and press a.
      const rows = page.getByRole("table", { name: "Deliveries" }).locator("tbody tr");
      const index = await rows.evaluateAll(
        (trs, id) => trs.findIndex((tr) => tr.textContent?.includes(id)),
        ctx.demarche,
      );
      for (let i = 0; i < index; i++) await page.keyboard.press("j");
      await page.keyboard.press("a");
      await expect.poll(() => row.textContent()).toContain("duty-panama");
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("reads the cable with its banners, addressees, TAGS, portion marks and references, and its telegram text", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "drafter");
      await page.goto(`/cables/${ctx.demarche}`);
      const banners = page.getByRole("note", { name: /Classification/ });
      await expect.poll(() => banners.count()).toBe(2);
      expect(await banners.first().textContent()).toBe("UNCLASSIFIED//SENSITIVE");
      // The action requests load after the cable: wait for them rather than read the page half drawn.
      const article = page.locator("article");
      await expect.poll(async () => (await article.textContent()) ?? "").toContain("Deliver the demarche");
      const text = (await article.textContent()) ?? "";
      expect(text).toContain("AMEMBASSY OUAGADOUGOU");
      expect(text).toContain("NIACT IMMEDIATE");
      expect(text).toContain("UNSC");
      expect(text).toContain("(SBU)");
      expect(text).toContain("07 STATE 166909");
      expect(text).toContain("RICE");
      await ctx.world.screenshot(page, "reader");

      await page.getByRole("button", { name: "Telegram text" }).click();
      const telegram = page.getByLabel("Telegram text");
      await expect.poll(() => telegram.textContent()).toContain(`STATE ${ctx.demarche.replace(/^\d+STATE/, "")}`);
      expect(await telegram.textContent()).toContain("NIACT IMMEDIATE");
      await ctx.world.screenshot(page, "reader-telegram");

      await page.getByRole("button", { name: "Cable", exact: true }).click();
      await page.emulateMedia({ media: "print" });
      // One screen of the print view: a printed page, with its banners at top and bottom as on every page.
      await ctx.world.screenshot(page, "reader-print", { fullPage: false });
      expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("shows the action dashboard: the acknowledged post apart from the pending ones", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "drafter");
      await page.goto(`/cables/${ctx.demarche}/actions`);
      const table = page.getByRole("table", { name: "Action posts" });
      await table.waitFor();
      await expect.poll(() => page.locator("tr[data-post]").count()).toBe(5);
      const panama = page.locator('tr[data-post="PANAMA"]');
      expect(await panama.textContent()).toMatch(/acknowledged/);
      const summary = (await page.getByRole("status", { name: "Action posts by status" }).textContent()) ?? "";
      expect(summary).toContain("1 acknowledged");
      expect(summary).toContain("4 pending");
      await ctx.world.screenshot(page, "actions");
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("slugs the cable at Panama to Panama's own sections, offered from the directory", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "duty-panama");
      await page.goto("/inbox");
      const row = page.getByRole("row", { name: new RegExp(ctx.demarche) });
      await row.getByRole("button", { name: "Slug…" }).click();
      const form = page.getByRole("form", { name: `Slug ${ctx.demarche} to offices` });
      await form.getByRole("checkbox", { name: "POL" }).waitFor();
      const offered = await form
        .getByRole("checkbox")
        .evaluateAll((boxes) => boxes.map((b) => b.parentElement?.textContent?.trim()));
      expect(offered).toEqual(["CONS", "DAO", "ECON", "FO", "MGT", "PAS", "POL", "RSO"]);
      expect(await form.textContent()).not.toContain("no offices");
      await form.getByRole("checkbox", { name: "POL" }).check();
      await form.getByRole("checkbox", { name: "CONS" }).check();
      await ctx.world.screenshot(page, "inbox-slug", { fullPage: false });
      await form.getByRole("button", { name: "Slug", exact: true }).click();
      await form.waitFor({ state: "detached" });
      const copies = await ctx.world.store.db
        .selectFrom("deliveries")
        .select(["post", "office"])
        .where("cable_id", "=", ctx.demarche)
        .where("office", "!=", "")
        .orderBy("office")
        .execute();
      expect(copies).toEqual([
        { post: "AMEMBASSY PANAMA", office: "CONS" },
        { post: "AMEMBASSY PANAMA", office: "POL" },
      ]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("sends a correction from the reader, shown on both versions, and a cancellation, each a draft to clear", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "drafter");
      await page.goto(`/cables/${ctx.demarche}`);
      await page.getByRole("button", { name: "Send a correction" }).click();
      await page.waitForURL(/\/drafts\/[^/]+$/);
      const correction = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
      // Through clearance and approval like any cable.
      const drafter = ctx.world.apiAs("drafter");
      const clearance = await drafter<{ id: string }>("POST", `/api/drafts/${correction}/clearances`, {
        office: "IO/UNP",
      });
      await ctx.world.apiAs("clearer")("POST", `/api/drafts/${correction}/clearances/${clearance.id}`, {
        decision: "clear",
      });
      const { id: corrected } = await ctx.world.apiAs("approver")<{ id: string }>(
        "POST",
        `/api/drafts/${correction}/release`,
        {},
      );

      await page.goto(`/cables/${ctx.demarche}`);
      const note = page.getByRole("note", { name: "Versions" });
      await expect
        .poll(() => note.textContent())
        .toContain(`Superseded. A corrected copy replaces this cable: ${corrected}`);
      expect(await page.getByRole("button", { name: "Send a correction" }).count()).toBe(0);
      await note.getByRole("link", { name: corrected }).click();
      await expect.poll(() => note.textContent()).toContain(`Corrected copy. This cable supersedes ${ctx.demarche}`);
      expect(await page.locator("article").textContent()).toContain("CORRECTED COPY");
      await ctx.world.screenshot(page, "reader-corrected", { fullPage: false });

      await page.getByRole("button", { name: "Cancel", exact: true }).click();
      await page.waitForURL(/\/drafts\/[^/]+$/);
      const cancellation = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
      const draft = await drafter<{ cable: { subject: string; to: { name: string }[]; references: { id: string }[] } }>(
        "GET",
        `/api/drafts/${cancellation}`,
      );
      expect(draft.cable.subject).toMatch(/^CANCELLATION: KOSOVO/);
      expect(draft.cable.to.map((a) => a.name)).toContain("AMEMBASSY PANAMA");
      expect(draft.cable.references.map((r) => r.id)).toEqual([corrected]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("fetches the inbox again when its live stream comes back after a drop, so a cable released meanwhile shows", async () => {
      const { page, context, consoleErrors } = await ctx.world.newPage();
      await ctx.world.signIn(page, "duty-panama");
      await page.goto("/inbox");
      await page
        .getByRole("row", { name: new RegExp(ctx.demarche) })
        .first()
        .waitFor();
      // The stream may not come back until the cable below is released.
      await page.route("**/api/events*", (route) => route.abort());
      const reconnecting = page.waitForEvent("requestfailed", (r) => r.url().includes("/api/events"));
      // Another list for duty-panama: their access changed, so the server ends their stream.
      const deps = { store: ctx.world.store, clock: systemClock };
      await updateUser(deps, SYSTEM_ACTING, "duty-panama", { lists: ["KOSOVO-TASK-FORCE"] });
      try {
        await reconnecting;
        const missed = await releaseDemarche(ctx.world, { subject: "KOSOVO: RELEASED WHILE THE INBOX WAS AWAY" });
        await page.unroute("**/api/events*");
        await page.getByRole("row", { name: new RegExp(missed) }).waitFor();
      } finally {
        await updateUser(deps, SYSTEM_ACTING, "duty-panama", { lists: [] });
      }
      // The stream's attempts refused above, and nothing else.
      expect(consoleErrors.filter((e) => !e.includes("net::ERR_FAILED"))).toEqual([]);
      await context.close();
    });
  },
);
