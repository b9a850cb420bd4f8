// The references graph in a real browser: the CONFIDENTIAL seed, cited by two later cables (one of which cites the
// 2008 seed, which cites a cable not in the archive), drawn on a canvas under the app's CSP with no console error,
// and listed as text with links; a cable the user may not read (NOFORN) never appears.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cable } from "../../src/core/index.ts";
import { archiveCables } from "../../src/services/archive/index.ts";
import { parseTelegram } from "../../src/telegram/index.ts";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

const CENTRE = "09STATE39345";
/** Cites the centre and the 2008 seed. */
const FOLLOW_UP = "09STATE90001";
/** Cites the centre, SECRET NOFORN: the SECRET users of the world hold no NOFORN access. */
const NOFORN = "09STATE90002";
/** Cites the centre. */
const REPLY = "09PARIS90003";

function variant(base: Cable, changes: Partial<Cable>): Cable {
  return { ...base, ...changes };
}

describe.skipIf(browserMissing)(`web: references graph${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
    const seed = parseTelegram(readFileSync(resolve(import.meta.dirname, "../../examples/09STATE39345.txt"), "utf8"));
    const ref = (id: string, text: string) => ({ label: null, id, text });
    await archiveCables(world.store, [
      {
        cable: variant(seed, {
          id: FOLLOW_UP,
          serial: 90001,
          subject: "KOSOVO: FOLLOW-UP ON INTERNATIONAL BODIES",
          dtg: "2009-05-02T10:00:00Z",
          references: [ref(CENTRE, "09 STATE 39345"), ref("08STATE16245", "08 STATE 16245")],
        }),
        raw: null,
        source: "test",
      },
      {
        cable: variant(seed, {
          id: NOFORN,
          serial: 90002,
          classification: "SECRET",
          caveats: ["NOFORN"],
          subject: "KOSOVO: NOFORN ASSESSMENT",
          dtg: "2009-05-03T10:00:00Z",
          references: [ref(CENTRE, "09 STATE 39345")],
        }),
        raw: null,
        source: "test",
      },
      {
        cable: variant(seed, {
          id: REPLY,
          origin: "PARIS",
          serial: 90003,
          classification: "UNCLASSIFIED",
          caveats: [],
          subject: "KOSOVO: UNESCO RESPONSE",
          dtg: "2009-05-04T10:00:00Z",
          references: [ref(CENTRE, "09 STATE 39345")],
        }),
        raw: null,
        source: "test",
      },
    ]);
  });
  afterAll(async () => world?.close());

  const listedIds = (page: Page) => page.locator(".graph-nodes tbody td:first-child").allTextContents();

  it("draws the graph of the CONFIDENTIAL seed and lists its nodes, each readable one a link", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    const consoleWarnings: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning") consoleWarnings.push(message.text());
    });
    await world.signIn(page, "drafter");
    await page.goto(`/cables/${CENTRE}/graph`);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/3 related cables within 2 hops/);
    const canvas = page.locator(".graph-canvas canvas").first();
    await canvas.waitFor();
    expect(await page.locator(".graph-canvas canvas").count()).toBeGreaterThan(0);
    expect((await canvas.boundingBox())?.width).toBeGreaterThan(300);
    expect((await listedIds(page)).sort()).toEqual([CENTRE, "08STATE16245", FOLLOW_UP, REPLY].sort());
    expect(await page.locator("body").textContent()).not.toContain(NOFORN);
    await world.screenshot(page, "graph");
    await page.setViewportSize({ width: 1280, height: 720 });
    await world.screenshot(page, "graph-1280x720");

    // Three hops reach the reference the archive does not hold, shown as its text.
    // The hops follow the URL, so the radio is checked once the page has taken the new address: poll, not check().
    await page.getByRole("radio", { name: "3" }).click();
    await expect.poll(() => page.getByRole("radio", { name: "3" }).isChecked()).toBe(true);
    await expect.poll(() => listedIds(page)).toContain("07 STATE 166909");
    // Long labels (a reference's free text) stay on one line, cut short, so that they never overlap.
    const labelStyle = await page.locator(".graph-canvas").evaluate((el) => {
      const cy = (el as unknown as { _cyreg: { cy: { nodes(): { style(name: string): string }[] } } })._cyreg.cy;
      const node = cy.nodes()[0]!;
      return { wrap: node.style("text-wrap"), maxWidth: node.style("text-max-width") };
    });
    expect(labelStyle).toEqual({ wrap: "ellipsis", maxWidth: "120px" });
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/1 reference not in the archive/);
    expect(new URL(page.url()).searchParams.get("hops")).toBe("3");
    await world.screenshot(page, "graph-3-hops");

    const link = page.locator(".graph-nodes").getByRole("link", { name: FOLLOW_UP });
    expect(await link.getAttribute("href")).toBe(`/cables/${FOLLOW_UP}`);
    await link.click();
    await page.waitForURL(new RegExp(`/cables/${FOLLOW_UP}$`));
    // No CSP refusal (cytoscape's inline <style>), no other error, and no warning of the graph library.
    expect(consoleErrors).toEqual([]);
    expect(consoleWarnings).toEqual([]);
    await context.close();
  });

  it("says the cable is not found to a user who may not read it, and draws nothing", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "uncleared");
    await page.goto(`/cables/${CENTRE}/graph`);
    await expect.poll(() => page.locator("main h1").textContent()).toBe("Cable not found");
    expect(await page.locator(".graph-canvas").count()).toBe(0);
    expect(await page.locator("body").textContent()).not.toMatch(/SUPPORTING KOSOVO|FOLLOW-UP/);
    expect(consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });
});
