// A new user's first day, in a real browser: "?" lists the keys of the page in an accessible dialog, a page that
// needs a role says which, the reader names an import's file and not the server's folders, and the composer's
// headings each have a label of their own.
import { describe, expect, it } from "vitest";
import { withReleasedDemarche } from "./release-fixture.ts";
import { browserMissing } from "./web-world.ts";

describe.skipIf(browserMissing)(`web: a first day${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  const ctx = withReleasedDemarche();

  it("opens a labelled dialog on ? listing the inbox's keys, keeps focus in it, and closes on Escape", async () => {
    const { page, context, consoleErrors } = await ctx.world.newPage();
    await ctx.world.signIn(page, "duty-panama");
    await page.goto("/inbox");
    await page.getByRole("row", { name: new RegExp(ctx.demarche) }).waitFor();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    const text = (await help.textContent()) ?? "";
    for (const does of ["Select the next (older) delivery", "Open the selected cable", "Acknowledge the selected"])
      expect(text).toContain(does);
    expect(text).not.toContain("Go to the search box");
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
    }
    await ctx.world.screenshot(page, "keyboard-help", { fullPage: false });
    await page.keyboard.press("Escape");
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("lists the search page's own keys, / among them", async () => {
    const { page, context } = await ctx.world.newPage();
    await ctx.world.signIn(page, "drafter");
    await page.goto("/search?q=kosovo");
    await page.getByRole("searchbox").or(page.getByRole("textbox")).first().waitFor();
    await page.locator("body").click();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await help.textContent()).toContain("Go to the search box");
    expect(await help.textContent()).not.toContain("Acknowledge");
    await context.close();
  });

  it("tells a reader that composing needs the drafter role and administration the admin role", async () => {
    const { page, context, consoleErrors } = await ctx.world.newPage();
    await ctx.world.signIn(page, "clearer");
    await page.goto("/compose");
    await page.getByRole("heading", { name: "Composing cables needs the drafter role" }).waitFor();
    expect(await page.getByLabel("Subject").count()).toBe(0);
    await page.goto("/admin");
    await page.getByRole("heading", { name: "Administration needs the admin role" }).waitFor();
    await ctx.world.screenshot(page, "role-required", { fullPage: false });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("names the file a cable was imported from, without the server's folders", async () => {
    const { page, context } = await ctx.world.newPage();
    await ctx.world.signIn(page, "drafter");
    await page.goto("/cables/08STATE16245");
    const archive = page.getByRole("complementary", { name: "About this cable" });
    await expect.poll(async () => (await archive.textContent()) ?? "").toContain("from 08STATE16245.txt.");
    expect(await archive.textContent()).not.toMatch(/from \//);
    await context.close();
  });

  it("labels each heading of the composer's text apart", async () => {
    const { page, context } = await ctx.world.newPage();
    await ctx.world.signIn(page, "drafter");
    await page.goto("/compose");
    await page.getByRole("button", { name: "Add heading" }).click();
    await page.getByRole("button", { name: "Add heading" }).click();
    expect(await page.getByLabel("Text of Heading 1", { exact: true }).count()).toBe(1);
    expect(await page.getByLabel("Text of Heading 2", { exact: true }).count()).toBe(1);
    expect(await page.getByLabel("Text of Heading", { exact: true }).count()).toBe(0);
    await context.close();
  });
});
