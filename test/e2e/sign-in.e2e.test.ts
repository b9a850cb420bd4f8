// Signing in and out in a real browser: the header shows who is signed in, with clearance and post; a wrong
// password is refused in words; pages need a session and bring the user back after sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

describe.skipIf(browserMissing)(`web: sign in${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
  });
  afterAll(async () => world?.close());

  it("refuses a wrong password with a readable message and stays on the sign-in page", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await page.goto("/signin");
    await world.screenshot(page, "sign-in");
    await page.getByLabel("Username").fill("drafter");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/username or password/i);
    expect(new URL(page.url()).pathname).toBe("/signin");
    // The browser logs the 401 of the failed sign-in itself; nothing else may be logged.
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  });

  it("signs in, shows the user's clearance and post in the header, and signs out", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await page.goto("/search");
    await page.waitForURL(/\/signin$/);
    await world.signIn(page, "drafter");
    await page.waitForURL(/\/search$/);
    const who = page.getByLabel("Signed in as");
    await expect.poll(() => who.textContent()).toContain("drafter");
    expect(await who.textContent()).toContain("SECRET");
    expect(await who.textContent()).toContain("STATE");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin$/);
    await page.goto("/inbox");
    await page.waitForURL(/\/signin$/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
