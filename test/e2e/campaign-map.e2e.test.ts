// The Kosovo campaign in a real browser against a real server: the preloaded campaign opens from the list, the
// as-of slider moved by keyboard to 7 April 2009 reads 57 states, 22 of 27 EU, 24 of 28 NATO and 7 of 7 G7 (the
// figures of 09STATE39345, and the API's own tally), Kosovo is on the map, a country's source is shown on click,
// the table exports CSV, a position recorded from a CONFIDENTIAL cable shows for its recorder and leaves no trace
// for an UNCLASSIFIED reader, a refused position shows the server's problem, a tasking tied to the question
// lists its action posts, and 09STATE39345's suggestions (support from seven, possible opposition from six) are
// offered against the real endpoint: one confirmed becomes a recorded position with the cable as source, on the map
// and in the tally; one dismissed is gone, and stays gone on reload. A draft of the same text shows its drafter
// the same suggestions in the composer, one of which he takes into the position report.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";
import { createCampaign } from "../../src/services/campaigns/index.ts";
import { systemClock } from "../../src/services/clock.ts";
import { parseTelegram } from "../../src/telegram/index.ts";
import { draftOf } from "../helpers/draft-body.ts";
import { readSeed } from "../helpers/seeds.ts";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";
import { watchMissingSuggestions } from "./missing-endpoint.ts";
import { releaseDemarche } from "./release-fixture.ts";

const CAMPAIGN = "kosovo-recognition";

type Tally = { members: string[]; counts: { position: string; count: number }[] };

async function card(page: Page, bloc: string): Promise<string> {
  return (await page.locator(`.tally-card[data-bloc="${bloc}"] .tally-figure`).innerText()).trim();
}

/** Opens the campaign from the list and moves the slider to 7 April 2009: the date field to 1 April, then six days. */
async function openOnSeventhApril(page: Page): Promise<void> {
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Kosovo recognition" }).click();
  await page.getByLabel("As-of date", { exact: true }).fill("2009-04-01");
  const slider = page.getByRole("slider", { name: "As-of slider" });
  await slider.focus();
  for (let day = 0; day < 6; day++) await page.keyboard.press("ArrowRight");
  await page.getByText("As of 7 April 2009").waitFor();
  expect(await slider.getAttribute("aria-valuetext")).toBe("7 April 2009");
  await page.locator(".world-map path").first().waitFor();
}

describe.skipIf(browserMissing)(`web: campaign map${browserMissing ? ` (skipped: ${browserMissing})` : ""}`, () => {
  let world: WebWorld;
  beforeAll(async () => {
    world = await startWebWorld();
  });
  afterAll(async () => world?.close());

  it("reads 57, 22 of 27 EU, 24 of 28 NATO and 7 of 7 G7 on 7 April 2009, as the API tallies them", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    const missing = watchMissingSuggestions(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await world.signIn(page, "drafter");
    await openOnSeventhApril(page);

    expect(await card(page, "WORLD")).toMatch(/^57 of \d+$/);
    expect(await card(page, "EU")).toBe("22 of 27");
    expect(await card(page, "NATO")).toBe("24 of 28");
    expect(await card(page, "G7")).toBe("7 of 7");
    expect(await page.locator('.tally-card[data-bloc="EU"]').innerText()).toContain("22 of 27 EU");

    const api = world.apiAs("drafter");
    for (const bloc of ["EU", "NATO", "G7"]) {
      const tally = await api<Tally>("GET", `/api/campaigns/${CAMPAIGN}/tally?bloc=${bloc}&asOf=2009-04-07`);
      expect(await card(page, bloc)).toBe(`${tally.counts[0]?.count} of ${tally.members.length}`);
    }

    // Kosovo is on the map, uncoloured: no state records a position for itself. France is green, Serbia is not.
    await expect.poll(() => page.locator('.world-map [data-iso2="XK"] path').count()).toBe(1);
    expect(await page.locator('.world-map [data-iso2="FR"] path').getAttribute("fill")).toBe("#1a9850");
    expect(await page.locator('.world-map [data-iso2="RS"] path').getAttribute("fill")).toBe("#e4e7eb");

    await page.locator('.world-map [data-iso2="DE"] path').dispatchEvent("mouseover");
    await page.locator(".map-hover", { hasText: "Germany: recognizes since 2008-02-20" }).waitFor();
    await page.locator('.world-map [data-iso2="FR"] path').dispatchEvent("click");
    const details = page.getByRole("region", { name: "France" });
    await details.getByText("18 February 2008").waitFor();
    expect(await details.getByRole("link").count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Close" }).click();
    await page.getByText("As of 7 April 2009").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await world.screenshot(page, "campaign-map", { fullPage: false });

    // Earlier, the slider redraws: the day before the declaration, nobody.
    await page.getByRole("slider", { name: "As-of slider" }).focus();
    await page.keyboard.press("Home");
    await page.getByText("As of 17 February 2008").waitFor();
    expect(await card(page, "EU")).toMatch(/^0 of 27$/);
    expect(missing.filter(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("sorts the table and exports the rows it shows as CSV", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    const missing = watchMissingSuggestions(page);
    await world.signIn(page, "drafter");
    await openOnSeventhApril(page);
    await page.getByRole("combobox", { name: /^Show/ }).selectOption("recognizes");
    await page.getByRole("button", { name: "Since" }).click();
    const firstRow = page.locator(".country-table tbody tr").first();
    expect(await firstRow.getAttribute("data-iso2")).toBe("CR");
    expect(await page.locator(".country-table tbody tr").count()).toBeGreaterThanOrEqual(57);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("iso2,country,position,effective_on,confidence,source,note");
    expect(lines[1]).toMatch(/^CR,Costa Rica,recognizes,2008-02-17,/);
    expect(lines.slice(1).every((l) => l.includes(",recognizes,"))).toBe(true);
    expect(download.suggestedFilename()).toBe(`${CAMPAIGN}-2009-04-07.csv`);
    expect(missing.filter(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("records a position from a CONFIDENTIAL cable that an UNCLASSIFIED reader sees no trace of", async () => {
    const { page, context, consoleErrors } = await world.newPage();
    const missing = watchMissingSuggestions(page);
    await world.signIn(page, "drafter");
    await openOnSeventhApril(page);
    const form = page.getByRole("form", { name: "Record a position" });

    // Refused first: no source. The server's problem is shown, and nothing is recorded.
    await form.getByLabel("Country").selectOption({ label: "Serbia" });
    await form.getByLabel("Position").selectOption({ label: "does not recognize" });
    await form.getByRole("button", { name: "Record position" }).click();
    await form.getByRole("alert").waitFor();
    expect(await form.getByRole("alert").innerText()).toMatch(/sources/i);

    await form.getByLabel("Cable id").fill("09STATE39345");
    await form.getByRole("button", { name: "Record position" }).click();
    await form.getByText("Recorded: Serbia").waitFor();
    await expect.poll(() => page.locator('.world-map [data-iso2="RS"] path').getAttribute("fill")).toBe("#d73027");
    const serbia = page.locator('.country-table tr[data-iso2="RS"]');
    expect(await serbia.innerText()).toContain("does not recognize");
    expect(await serbia.getByRole("link", { name: "cable 09STATE39345" }).getAttribute("href")).toBe(
      "/cables/09STATE39345",
    );
    // The one refusal asked for, logged by Chromium as a failed request; nothing else.
    expect(missing.filter(consoleErrors)).toEqual([expect.stringMatching(/status of 400/)]);
    await context.close();

    const uncleared = await world.newPage();
    const missingToo = watchMissingSuggestions(uncleared.page);
    await world.signIn(uncleared.page, "uncleared");
    await openOnSeventhApril(uncleared.page);
    expect(await uncleared.page.locator('.country-table tr[data-iso2="RS"]').innerText()).toContain("no position");
    expect(await uncleared.page.locator('.world-map [data-iso2="RS"] path').getAttribute("fill")).toBe("#e4e7eb");
    expect(await uncleared.page.getByRole("form", { name: "Record a position" }).count()).toBe(0);
    expect(missingToo.filter(uncleared.consoleErrors)).toEqual([]);
    await uncleared.context.close();
  });

  it("shows the demarche's five action posts in the Taskings table once tied to the question, at 375 px", async () => {
    const demarche = await releaseDemarche(world);
    await world.apiAs("drafter")("POST", `/api/campaigns/${CAMPAIGN}/taskings`, { cableId: demarche });
    const { page, context, consoleErrors } = await world.newPage();
    const missing = watchMissingSuggestions(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await world.signIn(page, "drafter");
    await page.goto(`/campaigns/${CAMPAIGN}`);
    const rows = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Tasked" }) });
    await expect.poll(() => rows.locator("tbody tr").count()).toBe(5);
    expect(await rows.locator("tbody tr").first().innerText()).toContain(demarche);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(missing.filter(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("offers 09STATE39345's suggestions; one confirmed is recorded with the cable as source, one dismissed stays so", async () => {
    const campaign = "kosovo-bodies";
    await createCampaign({ store: world.store, clock: systemClock }, SYSTEM_ACTING, {
      id: campaign,
      name: "Kosovo in international bodies",
      tags: ["PREL", "KV"],
      startsOn: "2009-01-01",
      questions: [{ id: "participation", title: "Supports Kosovo's participation in international bodies" }],
    });
    type Suggestion = { id: string; cableId: string | null; paragraph: number; country: string; position: string };
    const api = world.apiAs("drafter");
    const offered = (await api<Suggestion[]>("GET", `/api/campaigns/${campaign}/suggestions`)).filter(
      (s) => s.cableId === "09STATE39345" && s.paragraph === 3,
    );
    expect(offered.filter((s) => s.position === "supports").map((s) => s.country)).toEqual([
      ...["FR", "DE", "GB", "IT", "TR", "HR", "AL"],
    ]);
    expect(offered.filter((s) => s.position === "leaning_against").map((s) => s.country)).toEqual([
      ...["RS", "RU", "CU", "CY", "ES", "VE"],
    ]);

    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "drafter");
    await page.goto(`/campaigns/${campaign}`);
    const panel = page.getByRole("region", { name: "Suggested from cables" });
    const seedItems = panel.locator("li", { has: page.getByRole("link", { name: "09STATE39345 ¶3" }) });
    await expect.poll(() => seedItems.count()).toBe(13);
    for (const name of ["France", "Germany", "United Kingdom", "Italy", "Türkiye", "Croatia", "Albania"]) {
      expect(await seedItems.filter({ hasText: `${name}: supports` }).count(), name).toBe(1);
    }
    for (const name of ["Serbia", "Russian Federation", "Cuba", "Cyprus", "Spain", "Venezuela"]) {
      expect(await seedItems.filter({ hasText: `${name}: leaning against` }).count(), name).toBe(1);
    }
    expect(await card(page, "WORLD")).toMatch(/^0 of \d+$/);
    expect(await page.locator('.world-map [data-iso2="FR"] path').getAttribute("fill")).toBe("#e4e7eb");

    // Confirmed: a recorded position, the cable its source; the map, the tally and the table show it.
    await seedItems.getByRole("button", { name: "Confirm France" }).click();
    await expect.poll(() => page.locator('.world-map [data-iso2="FR"] path').getAttribute("fill")).toBe("#1a9850");
    expect(await card(page, "WORLD")).toMatch(/^1 of \d+$/);
    expect(await page.locator('.tally-card[data-bloc="WORLD"] .tally-position').innerText()).toBe("supports");
    const france = page.locator('.country-table tr[data-iso2="FR"]');
    expect(await france.getByRole("link", { name: "cable 09STATE39345" }).getAttribute("href")).toBe(
      "/cables/09STATE39345",
    );
    await expect.poll(() => seedItems.count()).toBe(12);
    const recorded = await api<{ events: { country: string; position: string; sources: unknown[] }[] }>(
      "GET",
      `/api/campaigns/${campaign}`,
    );
    expect(recorded.events).toEqual([
      expect.objectContaining({
        country: "FR",
        position: "supports",
        sources: [{ kind: "cable", cableId: "09STATE39345" }],
      }),
    ]);

    // Dismissed: gone, recorded nowhere, and still gone once the page is loaded again.
    await seedItems.getByRole("button", { name: "Dismiss Serbia" }).click();
    await expect.poll(() => seedItems.filter({ hasText: "Serbia: leaning against" }).count()).toBe(0);
    await world.screenshot(page, "campaign-suggestions", { fullPage: false });
    await page.reload();
    await expect.poll(() => seedItems.count()).toBe(11);
    expect(await seedItems.filter({ hasText: "Serbia: leaning against" }).count()).toBe(0);
    expect(await seedItems.filter({ hasText: "Russian Federation: leaning against" }).count()).toBe(1);
    const after = await api<Suggestion[] & { status?: string }[]>("GET", `/api/campaigns/${campaign}/suggestions`);
    expect(after.find((s) => s.id === "09STATE39345-p3-RS-opposes")).toMatchObject({ status: "dismissed" });
    expect((await api<{ events: unknown[] }>("GET", `/api/campaigns/${campaign}`)).events).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows a saved draft's suggestions to its drafter in the composer, and takes one into the position report", async () => {
    const draft = await world.apiAs("drafter")<{ id: string }>(
      "POST",
      "/api/drafts",
      draftOf(parseTelegram(readSeed("09STATE39345"))),
    );
    const { page, context, consoleErrors } = await world.newPage();
    await world.signIn(page, "drafter");
    await page.goto(`/drafts/${draft.id}`);
    const panel = page.getByRole("region", { name: "Positions your text suggests" });
    await panel.getByText("France supports").waitFor();
    expect(await panel.getByText("Serbia might be against").count()).toBeGreaterThan(0);
    await panel.getByRole("button", { name: "Use France in the position report" }).first().click();
    expect(await page.getByLabel("Country", { exact: true }).inputValue()).toBe("FR");
    expect(await page.getByLabel("Position", { exact: true }).inputValue()).toBe("supports");
    // Taken into the form, not recorded: the campaign has no position from a draft.
    const campaign = await world.apiAs("drafter")<{ events: unknown[] }>("GET", "/api/campaigns/kosovo-bodies");
    expect(campaign.events).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
