// The communicator's page in a real browser, over a real two-site network (a NATS hub, a leaf server per site,
// headquarters and Panama each a node): a copy delivered to Panama's inbox and one held while Panama's link is cut,
// with their hops, at 1280 and at 375 px, with no serious WCAG violation; Re-send by click and by keyboard, and
// Cancel by click, audited; the link back, the held copy arrives and the page follows at once, by the node's events
// (no timer fetches the traffic while nothing moves); the reader's page of the cable shows its tracking to Panama.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Browser } from "playwright-core";
import type { FastifyInstance } from "fastify";
import "../provided-context.ts";
import { violations } from "./accessibility-check.ts";
import type { Precedence } from "../../src/core/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";
import { queryAudit } from "../../src/services/audit/index.ts";
import { systemClock } from "../../src/services/clock.ts";
import { trackCable } from "../../src/services/sites/site-traffic.ts";
import { createUser } from "../../src/services/users/index.ts";
import { releaseFields, seedFields } from "../helpers/distribution-fixtures.ts";
import { eventually, openSiteWorld, type SiteWorld } from "../helpers/site-world.ts";
import { browserMissing, launchBrowser, newCheckedPage, PASSWORD, saveScreenshot, signInOnPage } from "./web-world.ts";

/** This file's NATS ports: 24040 (hub), 24041 (leaf connections), 24050 and up (a site each). */
const NATS_BASE = 24040;
/** The old page fetched its traffic every five seconds; the page must show a move well before such a poll would. */
const FOLLOWS_WITHIN_MS = 3000;

describe.skipIf(browserMissing)(
  `web: the communicator's page over two sites${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: SiteWorld;
    let app: FastifyInstance;
    let browser: Browser;
    let url: string;
    let delivered: string;
    let held: string;
    const hq = () => world.nodes.get("STATE")!;
    const release = async (precedence: Precedence, subject: string) => {
      const deps = { store: hq().store, clock: systemClock, kick: () => hq().link.kick() };
      const fields = seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence }], info: [], subject });
      return (await releaseFields(deps, fields)).id;
    };
    const copyOf = async (id: string) => (await trackCable(hq().store, id, new Date()))[0]!;

    beforeAll(async () => {
      world = await openSiteWorld("sqlite", NATS_BASE, ["STATE", "PANAMA"]);
      const deps = { store: hq().store, clock: systemClock };
      for (const [username, roles] of [
        ["comms", ["reader", "communicator"]],
        ["reader", ["reader"]],
      ] as const) {
        await createUser(deps, SYSTEM_ACTING, {
          username,
          roles: [...roles],
          clearance: "SECRET",
          post: "STATE",
          password: PASSWORD,
        });
      }
      // Headquarters' web server on the node's own store; the node's link (in the site world) carries the copies.
      app = await buildApp({
        store: hq().store,
        webRoot: inject("webRoot"),
        signInLimit: { max: 1000, timeWindow: 60_000 },
      });
      await app.listen({ port: 0, host: "127.0.0.1" });
      // Headquarters' node tells its traffic on the app's bus, as `cablegram serve` runs it.
      await hq().stop();
      await (await world.startNode("STATE", hq().store, app.messaging.bus)).link.ready();
      const address = app.server.address();
      url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      browser = await launchBrowser();

      delivered = await release("NIACT IMMEDIATE", "KOSOVO: DEMARCHE DELIVERED TO PANAMA");
      await eventually(
        "the demarche reaches Panama's inbox",
        async () => (await copyOf(delivered)).deliveredAt !== null,
      );
      await world.net.stopLeaf("PANAMA");
      held = await release("FLASH", "KOSOVO: FLASH HELD WHILE PANAMA IS AWAY");
      await eventually("the FLASH copy is in transit", async () => (await copyOf(held)).state === "sent");
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await world?.close();
    });

    it("shows Panama's held and delivered traffic with their hops, and re-sends the held copy by click, audited", async () => {
      const { page, context, consoleErrors } = await newCheckedPage(browser, url);
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInOnPage(page, "comms");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Traffic" }).click();
      const panama = page.getByRole("region", { name: /^PANAMA/ });
      await panama.waitFor();
      expect(await panama.getByRole("heading").first().textContent()).toContain("1 copy held, 0 late, 0 refused");
      const heldList = panama.getByRole("list", { name: "Held, late or refused to PANAMA" });
      const heldItem = heldList.locator(`li[data-state="sent"]`, { hasText: held });
      await expect.poll(() => heldItem.textContent()).toContain("in transit");
      expect(await heldItem.textContent()).toContain("FLASH");
      const heldHops = heldItem.getByRole("list", { name: `Hops of ${held} to PANAMA` });
      expect(await heldHops.locator("li.hop-reached").count()).toBe(2); // queued here, in transit
      expect(await heldHops.textContent()).toContain("Stored there not yet");

      const arrived = panama
        .getByRole("list", { name: "Arrived at PANAMA" })
        .locator("li.site-copy", { hasText: delivered });
      expect(await arrived.textContent()).toContain("in the inbox");
      expect(await arrived.getByRole("list").locator("li.hop-reached").count()).toBe(4);
      // A delivered copy has nothing to re-send or cancel.
      expect(await arrived.getByRole("button").count()).toBe(0);
      await saveScreenshot(page, "sites-traffic", { fullPage: false });
      expect(await violations(page)).toEqual([]);

      await heldItem.getByRole("button", { name: `Re-send ${held} to PANAMA` }).click();
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "again" }).textContent())
        .toContain(`${held} to PANAMA queued to be sent again`);
      await eventually("the re-sent copy is in transit again", async () => {
        const copy = await copyOf(held);
        return copy.attempt === 1 && copy.state === "sent";
      });
      const entries = await queryAudit(hq().store, SYSTEM_ACTING, { action: "site." });
      expect(entries.map((e) => [e.username, e.action, e.target])).toEqual([["comms", "site.resend", held]]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("fits a 375 px phone, re-sends by keyboard, and follows the copy into Panama's inbox once the link is back, by events alone", async () => {
      const { page, context, consoleErrors } = await newCheckedPage(browser, url);
      await page.setViewportSize({ width: 375, height: 812 });
      await signInOnPage(page, "comms");
      let trafficFetches = 0;
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === "/api/sites/traffic") trafficFetches++;
      });
      await page.goto("/sites");
      const resend = page.getByRole("button", { name: `Re-send ${held} to PANAMA` });
      await resend.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await saveScreenshot(page, "sites-traffic-375", { fullPage: false });
      expect(await violations(page)).toEqual([]);
      await resend.focus();
      await page.keyboard.press("Enter");
      await eventually("the copy is sent a second time", async () => {
        const copy = await copyOf(held);
        return copy.attempt === 2 && copy.state === "sent";
      });

      // Nothing moves now (Panama is away, the copy in transit): longer than the old poll, and nothing is fetched.
      await page.waitForTimeout(1000);
      const quiet = trafficFetches;
      await page.waitForTimeout(6000);
      expect(trafficFetches, "traffic fetched while nothing moved").toBe(quiet);

      await world.net.startLeaf("PANAMA");
      await eventually(
        "the held copy reaches Panama's inbox",
        async () => (await copyOf(held)).deliveredAt !== null,
        30_000,
      );
      // The page follows the receipt's event: the copy leaves the held list for the arrived one.
      const arrived = page.getByRole("list", { name: "Arrived at PANAMA" }).locator("li.site-copy", { hasText: held });
      await arrived.waitFor({ timeout: FOLLOWS_WITHIN_MS });
      expect(trafficFetches).toBeGreaterThan(quiet);
      await expect.poll(() => page.getByText("Nothing held, late or refused.").count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it("cancels by click a copy still queued here while headquarters' own link is stopped, audited", async () => {
      const node = hq();
      await node.stop();
      try {
        const queued = await release("ROUTINE", "KOSOVO: ROUTINE CANCELLED BEFORE IT LEFT");
        expect((await copyOf(queued)).state).toBe("queued");
        const { page, context, consoleErrors } = await newCheckedPage(browser, url);
        await signInOnPage(page, "comms");
        await page.goto("/sites");
        const item = page.locator(`li[data-state="queued"]`, { hasText: queued });
        expect(await item.textContent()).toContain("queued here");
        await item.getByRole("button", { name: `Cancel ${queued} to PANAMA` }).click();
        await expect
          .poll(() => page.getByRole("status").filter({ hasText: "cancelled" }).textContent())
          .toContain(`${queued} to PANAMA cancelled`);
        expect((await copyOf(queued)).state).toBe("cancelled");
        const entries = await queryAudit(hq().store, SYSTEM_ACTING, { action: "site.cancel" });
        expect(entries.map((e) => [e.username, e.target])).toEqual([["comms", queued]]);
        // Gone from the page: nothing of it is left to send.
        await expect.poll(() => item.count()).toBe(0);
        expect(consoleErrors).toEqual([]);
        await context.close();
      } finally {
        await world.startNode("STATE", node.store);
      }
    });

    it("shows the cable's tracking to Panama on its reader page, and keeps the traffic page from a reader", async () => {
      const { page, context, consoleErrors } = await newCheckedPage(browser, url);
      await signInOnPage(page, "reader");
      await page.goto(`/cables/${delivered}`);
      const tracking = page.getByRole("region", { name: "Tracking to other sites" });
      await tracking.waitFor();
      const hops = tracking.getByRole("list", { name: `Hops of ${delivered} to PANAMA` });
      expect(await hops.locator("li.hop-reached").count()).toBeGreaterThanOrEqual(4);
      expect(await violations(page)).toEqual([]);
      expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Traffic" }).count()).toBe(
        0,
      );
      await page.goto("/sites");
      await page.getByRole("heading", { name: "Traffic to other sites needs the communicator role" }).waitFor();
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  },
);
