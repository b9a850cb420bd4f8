// Adding addressees in the composer, in a real browser: Enter takes the highlighted suggestion, not the text as
// typed; an addressee the directory does not know is marked at once, with close matches to take instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

describe.skipIf(browserMissing)(`web: addressees${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
  });
  afterAll(() => world?.close());

  it("takes the highlighted suggestion on Enter, and marks an unknown addressee at once with close matches", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "drafter");
    await page.goto("/compose");
    const to = page.getByRole("group", { name: "TO (action)" });
    const box = to.getByRole("combobox", { name: "Add TO (action) addressee" });

    await box.fill("SECSTATE");
    await to.getByRole("option", { name: /SECSTATE WASHDC/ }).waitFor();
    await box.press("Enter");
    await expect.poll(() => to.locator(".addressee-name").allTextContents()).toEqual(["SECSTATE WASHDC"]);

    // An embassy's POL is one of hundreds: a bare POL suggests none of them, and no suggestion repeats.
    await box.fill("POL");
    const options = await to.getByRole("option").allTextContents();
    expect(new Set(options).size).toBe(options.length);
    expect(options.some((o) => o.startsWith("POL "))).toBe(false);

    await box.fill("AMEMBASSY BRUSELS");
    await box.press("Escape");
    await box.press("Enter");
    const unknown = to.getByRole("status").filter({ hasText: "AMEMBASSY BRUSELS is not in the directory" });
    await unknown.waitFor();
    expect(await unknown.textContent()).not.toMatch(/cablegram|npx/);
    await world.screenshot(page, "composer-unknown-addressee", { fullPage: false });
    await unknown.getByRole("button", { name: "AMEMBASSY BRUSSELS" }).click();
    await expect
      .poll(() => to.locator(".addressee-name").allTextContents())
      .toEqual(["SECSTATE WASHDC", "AMEMBASSY BRUSSELS"]);
    expect(await to.getByText("is not in the directory").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
