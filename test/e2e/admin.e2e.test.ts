// Administration in a real browser: an admin adds a user who can then sign in with the clearance given, finds a
// post in the directory, and puts an officer on duty; a non-admin has no administration page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, PASSWORD, startWebWorld, type WebWorld } from "./web-world.ts";

describe.skipIf(browserMissing)(`web: administration${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
  });
  afterAll(async () => world?.close());

  it("adds a user who then signs in with the clearance and post given", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "admin");
    await page.goto("/admin");
    await page.getByRole("button", { name: "Add a user" }).click();
    const form = page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Username").fill("consul-rome");
    await form.getByLabel("Clearance").selectOption("CONFIDENTIAL");
    await form.getByLabel("Caveat accesses").fill("noforn");
    await form.getByLabel("Home post").fill("ROME");
    await form.getByLabel("Offices").fill("POL");
    await form.getByLabel(/^Password/).fill(PASSWORD);
    await form.getByLabel("drafter").check();
    await form.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Added consul-rome");
    const row = page.getByRole("row", { name: /consul-rome/ });
    expect(await row.textContent()).toContain("CONFIDENTIAL");
    expect(await row.textContent()).toContain("NOFORN");
    expect(await row.textContent()).toMatch(/drafter/);
    expect(await row.textContent()).toMatch(/reader/);
    await world.screenshot(page, "admin-users");

    const other = await world.newPage();
    await world.signIn(other.page, "consul-rome");
    const who = (await other.page.getByLabel("Signed in as").textContent()) ?? "";
    expect(who).toContain("CONFIDENTIAL");
    expect(who).toMatch(/ROME/);
    expect(await other.page.getByRole("link", { name: "Administration" }).count()).toBe(0);
    expect(other.consoleErrors).toEqual([]);
    await other.context.close();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("finds a post in the directory and puts an officer on duty", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "admin");
    await page.goto("/admin?tab=directory");
    await page.getByLabel("Filter posts").fill("RUEHFR");
    const posts = page.getByRole("table", { name: "Posts" });
    // Posts in Paris share the embassy's routing indicator.
    await expect
      .poll(async () => (await posts.locator("tbody tr").allTextContents()).every((t) => t.includes("RUEHFR")))
      .toBe(true);
    expect(await posts.textContent()).toContain("AMEMBASSY PARIS");
    expect(await posts.textContent()).not.toContain("AMEMBASSY ROME");
    await world.screenshot(page, "admin-directory", { fullPage: false });

    await page.getByRole("tab", { name: "Duty officers" }).click();
    const form = page.getByRole("form", { name: "Set a duty officer" });
    await form.getByLabel("Post").fill("TRIPOLI");
    await form.getByLabel("User").fill("duty-panama");
    await form.getByRole("button", { name: "Set" }).click();
    const roster = page.getByRole("table", { name: "Duty roster" });
    await expect.poll(async () => (await roster.textContent()) ?? "").toMatch(/TRIPOLI.*duty-panama/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
