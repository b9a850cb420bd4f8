// Downloads in a real browser: the reader's telegram text, JSON and PDF of a cable, saved under its id; the search
// page's export of every result, holding only what the user may read, and refused in words past the server's limit
// (one cable here) before any download starts. Both fit a 375 px phone.
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfPages, pdftotextMissing } from "../helpers/pdf-pages.ts";
import { readSeed } from "../helpers/seeds.ts";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

const CONFIDENTIAL_ID = "09STATE39345";
const UNCLASSIFIED_ID = "08STATE16245";
const missing = browserMissing ?? pdftotextMissing;

/** Clicks what `click` clicks and returns the download it starts, with the file's bytes. */
async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** Whether the page is wider than its window (it scrolls sideways). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.skipIf(missing)(`web: exports${missing ? ` (skipped: ${missing})` : ""}`, () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld({ exportMax: 1 });
  });
  afterAll(async () => world?.close());

  it("downloads the cable on screen as telegram text, JSON and PDF, each named after the cable", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "drafter");
    await page.goto(`/cables/${CONFIDENTIAL_ID}`);
    const downloads = page.getByRole("group", { name: "Download" });
    await downloads.waitFor();

    const text = await downloadOf(page, () => downloads.getByRole("link", { name: "Telegram text" }).click());
    expect(text.download.suggestedFilename()).toBe(`${CONFIDENTIAL_ID}.txt`);
    expect(text.bytes.toString("utf8")).toBe(readSeed(CONFIDENTIAL_ID));

    const json = await downloadOf(page, () => downloads.getByRole("link", { name: "JSON" }).click());
    expect(json.download.suggestedFilename()).toBe(`${CONFIDENTIAL_ID}.json`);
    expect(JSON.parse(json.bytes.toString("utf8"))).toMatchObject({
      cable: { id: CONFIDENTIAL_ID, classification: "CONFIDENTIAL" },
      hasOriginalText: true,
    });

    const pdf = await downloadOf(page, () => downloads.getByRole("link", { name: "PDF" }).click());
    expect(pdf.download.suggestedFilename()).toBe(`${CONFIDENTIAL_ID}.pdf`);
    const pages = pdfPages(pdf.bytes);
    for (const lines of pages) {
      expect(lines[0]).toBe("CONFIDENTIAL");
      expect(lines.at(-1)).toBe("CONFIDENTIAL");
    }
    expect(pages.flat().join("\n")).toContain("SUBJECT: SUPPORTING KOSOVO IN INTERNATIONAL BODIES");
    await world.screenshot(page, "reader-downloads", { fullPage: false });

    await page.setViewportSize({ width: 375, height: 812 });
    expect(await overflows(page)).toBe(false);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("exports the search's results the user may read, and says in words when they are more than an export may hold", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "uncleared");
    await page.goto("/search?q=kosovo");
    const form = page.getByRole("form", { name: "Export the results" });
    await form.getByLabel("Export as").selectOption({ label: "ZIP of telegrams" });
    const zip = await downloadOf(page, () => form.getByRole("button", { name: "Export" }).click());
    expect(zip.download.suggestedFilename()).toMatch(/^cables-kosovo-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files)).toEqual([`${UNCLASSIFIED_ID}.txt`]);
    expect(strFromU8(files[`${UNCLASSIFIED_ID}.txt`]!)).toBe(readSeed(UNCLASSIFIED_ID));
    await expect.poll(() => form.getByRole("status").textContent()).toBe("Downloading 1 cable as ZIP of telegrams.");
    await context.close();

    const secret = await world.newPage();
    await world.signIn(secret.page, "drafter");
    await secret.page.goto("/search?q=kosovo");
    const wide = secret.page.getByRole("form", { name: "Export the results" });
    await wide.getByLabel("Export as").selectOption({ label: "CSV of metadata" });
    let started = false;
    secret.page.on("download", () => (started = true));
    await wide.getByRole("button", { name: "Export" }).click();
    await expect
      .poll(() => wide.getByRole("status").textContent())
      .toMatch(/^More than 1 cable match, and an export may hold 1 at most: narrow the query/);
    expect(started).toBe(false);
    await world.screenshot(secret.page, "search-export");
    await secret.page.setViewportSize({ width: 375, height: 812 });
    expect(await overflows(secret.page)).toBe(false);
    expect([...consoleErrors, ...secret.consoleErrors]).toEqual([]);
    await secret.context.close();
  });
});
