// A saved search that watches, in a real browser: the user turns the watch on from the saved searches list, and a
// new matching cable archived afterwards shows under "New matches", linked to the cable, until marked read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveCables } from "../../src/services/archive/index.ts";
import { systemClock } from "../../src/services/clock.ts";
import { notifyWatchingSearches } from "../../src/services/saved-searches/index.ts";
import { seed, variantOf } from "../helpers/archive-fixtures.ts";
import { browserMissing, startWebWorld, type WebWorld } from "./web-world.ts";

const NEW_ID = "09STATE95001";

describe.skipIf(browserMissing)(
  `web: watching a saved search${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
    });
    afterAll(async () => world?.close());

    it("turns the watch on, and shows a new matching cable under New matches until marked read", async () => {
      const { page, context, consoleErrors } = await world.newPage();
      await world.signIn(page, "drafter");
      await page.goto("/search?q=kosovo");
      await page.getByRole("button", { name: "Save this search" }).click();
      await page.getByLabel("Name").fill("Kosovo news");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const savedList = page.getByRole("region", { name: "Saved searches" });
      const watch = savedList.getByRole("button", { name: "Watch saved search Kosovo news for new cables" });
      await watch.waitFor();
      expect(await watch.getAttribute("aria-pressed")).toBe("false");
      await watch.click();
      await expect.poll(() => watch.getAttribute("aria-pressed")).toBe("true");
      expect(await page.getByRole("region", { name: /New matches/ }).count()).toBe(0);

      // A cable arrives, as an import archives one.
      const since = new Date().toISOString();
      const cable = variantOf(seed("08STATE16245").cable, { id: NEW_ID, subject: "KOSOVO: A NEW CABLE" });
      await archiveCables(world.store, [{ cable, raw: null }]);
      expect(await notifyWatchingSearches({ store: world.store, clock: systemClock }, { archivedSince: since })).toBe(
        1,
      );

      await page.reload();
      const notices = page.getByRole("region", { name: /New matches \(1 unread\)/ });
      await notices.getByRole("link", { name: new RegExp(NEW_ID) }).waitFor();
      await world.screenshot(page, "search-watching");
      await notices.getByRole("button", { name: "Mark all read" }).click();
      await page.getByRole("region", { name: "New matches" }).waitFor();
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  },
);
