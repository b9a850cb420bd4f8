// Reporting back, in the browser: Panama's drafter opens the demarche, replies (REF, subject and addressee filled
// in), writes the report and releases it; the tasking cable's action dashboard then shows Panama reported, with a
// link to the reply, and the reply cites the demarche.
import { describe, expect, it } from "vitest";
import { withReleasedDemarche } from "./release-fixture.ts";
import { browserMissing } from "./web-world.ts";

describe.skipIf(browserMissing)(`web: reply and report${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  const ctx = withReleasedDemarche();

  it("replies from the reader, releases the report, and the dashboard shows Panama reported", async () => {
    const { page, context, consoleErrors } = await ctx.world.newPage();
    page.setDefaultTimeout(15_000);
    await ctx.world.signIn(page, "drafter-panama");
    await page.goto(`/cables/${ctx.demarche}`);
    await page.getByRole("button", { name: "Reply" }).click();
    await page.waitForURL(/\/drafts\//);

    // The reply is addressed to the originator and cites the demarche with its subject.
    expect(await page.getByLabel("SUBJECT").inputValue()).toContain("KOSOVO");
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("SECSTATE WASHDC");
    expect(await page.getByLabel("Cable or text of reference 1").inputValue()).toBe(
      ctx.demarche.replace(/^(\d\d)([A-Z]+)(\d+)$/, "$1 $2 $3"),
    );
    await ctx.world.screenshot(page, "reply-draft");

    if ((await page.getByLabel("Text of Paragraph 1").count()) === 0) {
      await page.getByRole("button", { name: "Add paragraph" }).click();
    }
    await page.getByLabel("Portion mark of Paragraph 1").selectOption("U");
    await page.getByLabel("Text of Paragraph 1").fill("Post delivered reftel demarche to the Foreign Minister.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Release", exact: true }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Release", exact: true }).click();
    await page.getByRole("button", { name: "Confirm release" }).click();
    await page.waitForURL(/\/cables\/\d\dPANAMA\d+$/);
    const reply = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    await page.getByRole("link", { name: ctx.demarche }).first().waitFor();

    await page.goto(`/cables/${ctx.demarche}/actions`);
    const panama = page.locator('tr[data-post="PANAMA"]');
    await expect.poll(() => panama.textContent()).toContain("reported");
    await ctx.world.screenshot(page, "actions-reported");
    await panama.getByRole("link", { name: reply }).click();
    await page.waitForURL(new RegExp(`/cables/${reply}$`));
    await ctx.world.screenshot(page, "reply-released");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
