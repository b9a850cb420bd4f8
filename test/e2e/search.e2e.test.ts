// Searching in a real browser: a SECRET user searches, narrows with a facet, opens a result, saves the search and
// runs it again, and is told in words where a query is wrong; the keys work. An UNCLASSIFIED user never sees the
// CONFIDENTIAL seed: not in the results, not in a count or a facet, not by its URL.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

const CONFIDENTIAL_ID = "09STATE39345";
const CONFIDENTIAL_SUBJECT = "SUPPORTING KOSOVO IN INTERNATIONAL BODIES";
const UNCLASSIFIED_ID = "08STATE16245";

const status = (page: Page) => page.locator(".result-count[role=status]");
const resultIds = (page: Page) => page.locator(".results .result-id").allTextContents();

describe.skipIf(browserMissing)(`web: search${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
  });
  afterAll(async () => world?.close());

  it("searches, narrows with a facet, goes back, opens a result, and saves and reruns the search", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "drafter");
    await page.goto("/search");
    await page.getByLabel("Search the archive").fill("kosovo");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/search\?q=kosovo$/);
    await expect.poll(() => status(page).textContent()).toBe("2 cables match");
    expect((await resultIds(page)).sort()).toEqual([UNCLASSIFIED_ID, CONFIDENTIAL_ID]);
    expect(await page.locator(".results .snippet mark").count()).toBeGreaterThan(0);

    const classification = page.getByRole("region", { name: "Classification" });
    const confidential = classification.getByRole("button", { name: /CONFIDENTIAL/ });
    expect(await confidential.getAttribute("aria-pressed")).toBe("false");
    await confidential.click();
    await expect.poll(() => status(page).textContent()).toBe("1 cable match");
    expect(new URL(page.url()).searchParams.get("q")).toBe("kosovo class:CONFIDENTIAL");
    expect(await resultIds(page)).toEqual([CONFIDENTIAL_ID]);
    expect(await confidential.getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByLabel("Search the archive").inputValue()).toBe("kosovo class:CONFIDENTIAL");
    // A tag facet shows what its code means.
    await expect.poll(() => page.getByRole("region", { name: "Tags" }).textContent()).toContain("Kosovo");

    // Back undoes the facet, forward redoes it: the query lives in the URL.
    await page.goBack();
    await expect.poll(() => status(page).textContent()).toBe("2 cables match");
    await page.goForward();
    await expect.poll(() => status(page).textContent()).toBe("1 cable match");

    await page.getByRole("button", { name: "Save this search" }).click();
    await page.getByLabel("Name").fill("Kosovo, confidential");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const savedList = page.getByRole("region", { name: "Saved searches" });
    await savedList.getByRole("link", { name: /Kosovo, confidential/ }).waitFor();
    await world.screenshot(page, "search");
    await page.setViewportSize({ width: 1280, height: 720 });
    await world.screenshot(page, "search-1280x720");

    await page.getByRole("link", { name: CONFIDENTIAL_ID }).click();
    await page.waitForURL(new RegExp(`/cables/${CONFIDENTIAL_ID}$`));
    await expect.poll(() => page.locator("main").textContent()).toContain(CONFIDENTIAL_ID);

    // The saved search follows the user: a fresh page, and it runs from the list.
    await page.goto("/search");
    await savedList.getByRole("link", { name: /Kosovo, confidential/ }).click();
    await expect.poll(() => status(page).textContent()).toBe("1 cable match");
    expect(new URL(page.url()).searchParams.get("q")).toBe("kosovo class:CONFIDENTIAL");
    await savedList.getByRole("button", { name: "Remove saved search Kosovo, confidential" }).click();
    await expect.poll(() => savedList.textContent()).toContain("None yet");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows a query it cannot read next to the box, with the place marked", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "drafter");
    await page.goto("/search");
    // An empty search page opens with the syntax shown.
    await page.getByRole("region", { name: "Search syntax" }).waitFor();
    await world.screenshot(page, "search-empty");
    await page.getByLabel("Search the archive").fill('kosovo "security council');
    await page.keyboard.press("Enter");
    const error = page.getByRole("alert");
    await expect.poll(() => error.textContent()).toMatch(/cannot be read at character 8: unclosed quote/);
    expect(await page.locator(".query-error-at").textContent()).toBe('"');
    expect(await page.getByLabel("Search the archive").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".results .result").count()).toBe(0);
    await world.screenshot(page, "search-bad-query");

    // The syntax gives way to the search, and comes back with a click.
    expect(await page.getByRole("region", { name: "Search syntax" }).count()).toBe(0);
    await page.getByRole("button", { name: "Syntax" }).click();
    await expect.poll(() => page.getByRole("region", { name: "Search syntax" }).textContent()).toContain("tag:PREL");
    await page.getByRole("button", { name: "Hide syntax" }).click();
    expect(await page.getByRole("region", { name: "Search syntax" }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('moves with "/", j and k, and opens the selected result with Enter', async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "drafter");
    await page.goto("/search?q=kosovo&sort=date");
    await expect.poll(() => status(page).textContent()).toBe("2 cables match");
    expect(await resultIds(page)).toEqual([CONFIDENTIAL_ID, UNCLASSIFIED_ID]);
    await page.locator("h1").click();
    await page.keyboard.press("/");
    expect(await page.locator("#search-query:focus").count()).toBe(1);
    await page.keyboard.press("Escape");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await page.keyboard.press("j");
    expect(await page.locator(".result-id:focus").textContent()).toBe(UNCLASSIFIED_ID);
    expect(await page.locator(".result.selected .result-id").textContent()).toBe(UNCLASSIFIED_ID);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/cables/${UNCLASSIFIED_ID}$`));
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("never shows an UNCLASSIFIED user the CONFIDENTIAL seed: not in results, counts, facets, nor by URL", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "uncleared");
    await page.goto("/search?q=kosovo");
    await expect.poll(() => status(page).textContent()).toBe("1 cable match");
    expect(await resultIds(page)).toEqual([UNCLASSIFIED_ID]);
    const classification = page.getByRole("region", { name: "Classification" });
    expect(await classification.getByRole("button").allTextContents()).toEqual(["UNCLASSIFIED1"]);
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toContain(CONFIDENTIAL_ID);
    expect(text).not.toContain(CONFIDENTIAL_SUBJECT);
    expect(text).not.toMatch(/\bCONFIDENTIAL\b/);
    await world.screenshot(page, "search-uncleared");

    await page.goto(`/cables/${CONFIDENTIAL_ID}`);
    await expect.poll(() => page.locator("main").textContent()).toMatch(/not found/i);
    expect(await page.locator("body").textContent()).not.toContain(CONFIDENTIAL_SUBJECT);
    // The browser logs the 404 of the refused cable itself; nothing else may be logged.
    expect(consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });
});
