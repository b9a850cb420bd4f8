// The life of a cable in the browser: the drafter composes the Kosovo demarche from the seed's telegram text, adds
// an action request due tomorrow, saves and asks IO/UNP to clear; the clearer clears it from the queue with a
// comment; the approver opens it from the queue and releases it; the reader shows the new cable; and Panama's duty
// officer finds it in the inbox and in the duty officer alerts (NIACT IMMEDIATE).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSeed } from "../helpers/seeds.ts";
import { browserMissing, SCREENSHOTS, startWebWorld, type WebWorld } from "./web-world.ts";

const SUBJECT = "KOSOVO: FOR CHIEFS OF MISSION -- DEMARCHE REQUEST ON SECURITY COUNCIL DELIBERATIONS";

/** Tomorrow at 18:00 in the browser's time zone, as a datetime-local input takes it. */
function tomorrowEvening(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`;
}

type Visitor = Awaited<ReturnType<WebWorld["newPage"]>> & {
  /** Console errors logged after sign-in; the test expects none. */
  errorsSinceSignIn: () => string[];
};

/** A fresh browser context signed in as `username`; no console error may be logged, before sign-in or after. */
async function signedIn(world: WebWorld, username: string): Promise<Visitor> {
  const visitor = await world.newPage();
  // A step that cannot happen fails within seconds, naming its locator, rather than at the test's timeout.
  visitor.page.setDefaultTimeout(15_000);
  await world.signIn(visitor.page, username);
  const before = visitor.consoleErrors.length;
  expect(visitor.consoleErrors).toEqual([]);
  return { ...visitor, errorsSinceSignIn: () => visitor.consoleErrors.slice(before) };
}

/** A full-page screenshot from the top of the page, so that the sticky toolbar sits where a reader sees it. */
async function shoot(world: WebWorld, page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await world.screenshot(page, name);
}

async function statusText(page: Page, name: RegExp): Promise<string> {
  return (await page.getByRole("status").filter({ hasText: name }).first().textContent()) ?? "";
}

describe.skipIf(browserMissing)(
  `web: compose, clear and release a cable${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    let world: WebWorld;
    beforeAll(async () => {
      world = await startWebWorld();
    });
    afterAll(async () => world?.close());

    it("goes from a pasted telegram to a released cable in Panama's inbox and duty officer alerts", async () => {
      // --- The drafter composes the demarche from the seed's text.
      const drafter = await signedIn(world, "drafter");
      let page = drafter.page;
      await page.getByRole("link", { name: "Compose" }).click();
      await page.waitForURL(/\/compose$/);
      await page.getByRole("heading", { name: "New draft" }).waitFor();
      // An empty draft already says what it lacks.
      await expect.poll(() => page.getByRole("heading", { name: /Checks/ }).textContent()).toMatch(/error/);

      await page.getByRole("button", { name: "Start from a telegram" }).click();
      await page.getByLabel("Telegram text").fill(readSeed("08STATE16245"));
      await page.getByRole("button", { name: "Read into the form" }).click();
      await expect.poll(() => statusText(page, /Read into the form/)).toMatch(/14 addressees/);
      await page.getByRole("button", { name: "Close" }).click();

      expect(await page.getByLabel("SUBJECT").inputValue()).toBe(SUBJECT);
      expect(await page.getByLabel("Precedence for AMEMBASSY PANAMA").inputValue()).toBe("NIACT IMMEDIATE");
      expect(await page.getByLabel("Precedence for AMEMBASSY PARIS").inputValue()).toBe("IMMEDIATE");
      expect(await page.getByLabel("Tags of the cable").textContent()).toContain("UNSC");
      // The seed is valid as it is: validation in the browser finds nothing to fix.
      await expect.poll(() => page.getByRole("heading", { name: /Checks/ }).textContent()).toContain("no findings");
      // The preview is the telegram of the form, numbered by the drafter's post.
      const preview = await page.getByLabel("Preview of the telegram").textContent();
      expect(preview).toContain("TO AMEMBASSY OUAGADOUGOU NIACT IMMEDIATE");
      expect(preview).toContain("UNCLAS STATE 000000");

      await page.getByRole("button", { name: "Add action request" }).click();
      await page.getByLabel("What is asked (1)").fill("Deliver the demarche; report the host government's response");
      await page.getByLabel("Due (1)").fill(tomorrowEvening());
      await expect.poll(() => statusText(page, /saved/i)).toBe("Not saved yet");
      await shoot(world, page, "composer");

      await page.getByRole("button", { name: "Save draft" }).click();
      await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
      await expect.poll(() => statusText(page, /^Saved/)).toMatch(/^Saved/);
      const draftPath = new URL(page.url()).pathname;
      // The server's directory checks find nothing either: every addressee is in the directory.
      expect(await page.getByRole("heading", { name: /Checks/ }).textContent()).toContain("no findings");

      await page.getByLabel("Clearer (office or username)").fill("IO/UNP");
      await page.getByRole("button", { name: "Request clearance" }).click();
      await expect.poll(() => statusText(page, /Clearance requested/)).toContain("IO/UNP");
      const clearances = page.getByRole("region", { name: "Clearances" });
      await expect.poll(() => clearances.textContent()).toMatch(/IO\/UNP\s*requested/);
      await expect
        .poll(() => page.getByRole("region", { name: "History" }).textContent())
        .toContain("asked for clearance");
      // Saved and asked to clear, but not yet submitted: the approvers do not see it.
      const approvals = async () =>
        (await world.apiAs("approver")<{ approvals: { subject: string }[] }>("GET", "/api/queue")).approvals;
      expect((await approvals()).map((a) => a.subject)).not.toContain(SUBJECT);
      await page.getByRole("button", { name: "Submit for approval" }).click();
      await expect
        .poll(() => page.getByRole("region", { name: "Approval" }).textContent())
        .toMatch(/Submitted for approval .* by drafter/);
      expect((await approvals()).map((a) => a.subject)).toContain(SUBJECT);
      await expect
        .poll(() => page.getByRole("region", { name: "History" }).textContent())
        .toContain("submitted it for approval");
      await shoot(world, page, "composer-saved");
      // The smaller screen of a laptop: the two columns still fit, nothing runs off the right edge.
      await page.setViewportSize({ width: 1280, height: 720 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await page.screenshot({ path: `${SCREENSHOTS}/composer-1280x720.png` });
      await page.setViewportSize({ width: 1366, height: 860 });
      expect(drafter.errorsSinceSignIn()).toEqual([]);

      // --- The clearer finds it in the queue and clears it with a comment.
      const clearer = await signedIn(world, "clearer");
      page = clearer.page;
      await page.goto("/queue");
      const toClear = page.getByRole("region", { name: /Awaiting your clearance/ });
      await toClear.getByRole("link", { name: SUBJECT }).waitFor();
      // The clearer works in IO/UNP: the row says the clearance is that office's.
      expect(await toClear.getByRole("row").filter({ hasText: SUBJECT }).textContent()).toContain("asked of IO/UNP");
      await shoot(world, page, "queue");
      // An objection needs a comment: the form says so and sends nothing.
      await toClear.getByRole("button", { name: `Object to ${SUBJECT}` }).click();
      await expect.poll(() => toClear.getByRole("alert").textContent()).toMatch(/needs a comment/);
      await toClear.getByLabel(`Comment on ${SUBJECT}`).fill("IO/UNP clears; USUN concurs.");
      await toClear.getByRole("button", { name: `Clear ${SUBJECT}` }).click();
      await expect.poll(() => statusText(page, /Cleared:/)).toContain(SUBJECT);
      await expect.poll(() => toClear.textContent()).toContain("Nothing to clear.");
      expect(clearer.errorsSinceSignIn()).toEqual([]);

      // The drafter's open draft follows the decision live.
      await expect
        .poll(() => drafter.page.getByRole("region", { name: "Clearances" }).textContent())
        .toMatch(/IO\/UNP\s*cleared/);
      expect(await drafter.page.getByRole("region", { name: "Clearances" }).textContent()).toContain(
        "IO/UNP clears; USUN concurs.",
      );

      // --- The approver opens it from the queue and releases it.
      const approver = await signedIn(world, "approver");
      page = approver.page;
      await page.goto("/queue");
      const toApprove = page.getByRole("region", { name: /Awaiting your approval/ });
      await expect.poll(() => toApprove.textContent()).toContain("All clearances in");
      // The row says who drafted it, which clearances are in and which are not, and when it was submitted.
      const row = toApprove.getByRole("row").filter({ hasText: SUBJECT });
      expect(await row.textContent()).toMatch(/drafter.*\d{4}, \d{2}:\d{2}.*Given: IO\/UNP/);
      expect(await row.textContent()).not.toContain("Pending");
      await shoot(world, page, "queue-approver");
      await toApprove.getByRole("link", { name: SUBJECT }).click();
      await page.waitForURL((url) => url.pathname === draftPath);
      const release = page.getByRole("button", { name: "Release", exact: true });
      await release.waitFor();
      expect(await release.isEnabled()).toBe(true);
      await shoot(world, page, "composer-approver");
      await release.click();
      // Only Panama has a duty officer: the confirmation names the four action posts the NIACT alert will not reach.
      const unalerted = page.locator(".release-unalerted");
      await expect
        .poll(() => unalerted.textContent())
        .toMatch(/reach nobody at 4 posts: AMEMBASSY OUAGADOUGOU, AMEMBASSY PRETORIA, .*AMEMBASSY TRIPOLI/);
      expect(await unalerted.textContent()).not.toContain("PANAMA");
      await page.screenshot({ path: `${SCREENSHOTS}/release-confirm-unalerted.png` });
      await page.getByRole("button", { name: "Confirm release" }).click();
      await page.waitForURL(/\/cables\/\d{2}STATE\d+$/);
      const cableId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
      await expect.poll(() => page.locator("main").textContent()).toContain(cableId);
      // The reader says where the alert went, and where it reached nobody, once the copies are delivered.
      const cableAlerts = page.getByRole("region", { name: "Duty officer alerts" });
      await expect
        .poll(() => cableAlerts.textContent(), { timeout: 20_000 })
        .toMatch(
          /reached nobody at 4 posts: AMEMBASSY OUAGADOUGOU, AMEMBASSY PRETORIA, AMEMBASSY SAN JOSE, AMEMBASSY TRIPOLI/,
        );
      expect(await cableAlerts.getByRole("listitem").filter({ hasText: "AMEMBASSY PANAMA" }).textContent()).toMatch(
        /AMEMBASSY PANAMA: alerted duty-panama, .*; not acknowledged yet/,
      );
      await shoot(world, page, "reader-released");
      expect(approver.errorsSinceSignIn()).toEqual([]);

      // --- Panama's duty officer: the cable in the inbox, and an alert until acknowledged.
      const duty = await signedIn(world, "duty-panama");
      page = duty.page;
      await page.goto("/inbox");
      await expect.poll(() => page.locator("main").textContent(), { timeout: 15_000 }).toContain(cableId);
      const alerts = page.getByRole("alert", { name: "Duty officer alerts" });
      await expect.poll(() => alerts.textContent(), { timeout: 15_000 }).toContain(cableId);
      await shoot(world, page, "inbox-duty-officer");
      await alerts.getByRole("button", { name: "Acknowledge alert" }).first().click();
      expect(duty.errorsSinceSignIn()).toEqual([]);

      // --- Headquarters, on the action dashboard: who was alerted, when, who acknowledged; and who was not.
      page = approver.page;
      await page.goto(`/cables/${encodeURIComponent(cableId)}/actions`);
      const dashboardAlerts = page.getByRole("region", { name: "Duty officer alerts" });
      await expect
        .poll(() => dashboardAlerts.getByRole("listitem").filter({ hasText: "AMEMBASSY PANAMA" }).textContent())
        .toMatch(/alerted duty-panama, .*; acknowledged by duty-panama, \d+ \w+ \d{4}, \d{2}:\d{2}/);
      expect(await dashboardAlerts.textContent()).toContain("reached nobody at 4 posts");
      await shoot(world, page, "actions-alerts");
      expect(approver.errorsSinceSignIn()).toEqual([]);

      for (const p of [drafter, clearer, approver, duty]) await p.context.close();
    }, 120_000);

    it("composes by keyboard with autocomplete, shows each finding at its field, and the directory's after save", async () => {
      const drafter = await signedIn(world, "drafter");
      const page = drafter.page;
      await page.goto("/compose");
      await page.getByRole("heading", { name: "New draft" }).waitFor();

      // TO: "pana" suggests the embassy, highlighted first; Enter takes it, at the default precedence.
      const to = page.getByRole("combobox", { name: "Add TO (action) addressee" });
      await to.fill("pana");
      await page
        .getByRole("option", { name: /AMEMBASSY PANAMA/ })
        .first()
        .waitFor();
      await to.press("Enter");
      const precedence = page.getByLabel("Precedence for AMEMBASSY PANAMA");
      expect(await precedence.inputValue()).toBe("IMMEDIATE");
      await precedence.selectOption("NIACT IMMEDIATE");
      // INFO: a name the directory does not know is kept as typed; the server names it at save.
      const info = page.getByRole("combobox", { name: "Add INFO addressee" });
      await info.fill("AMEMBASSY ATLANTIS");
      await info.press("Enter");

      // TAGS: the registry's descriptions find codes ("koso" is Kosovo, KV).
      const tags = page.getByRole("combobox", { name: "Add tag" });
      await tags.fill("koso");
      await page.getByRole("option", { name: /^KV/ }).click();
      await tags.fill("prel");
      await tags.press("Enter");
      const chips = page.getByLabel("Tags of the cable");
      await expect.poll(() => chips.textContent()).toMatch(/KV\s*Kosovo.*PREL\s*External political relations/);

      // A confidential cable needs Classified By and a declassification date: said at those fields.
      await page.getByLabel("Classification", { exact: true }).selectOption("CONFIDENTIAL");
      const classifiedBy = page.getByRole("group", { name: /Classified By/ });
      await expect.poll(() => classifiedBy.textContent()).toContain("must say who classified it");
      await classifiedBy.getByLabel("Title or office").fill("EUR/SCE Director");
      await classifiedBy.getByLabel("Name").fill("Clifford Bond");
      await classifiedBy.getByLabel("Reasons").fill("1.4(b) 1.4(d)");
      await page.getByLabel("Declassify on (DECL)").fill("2036-12-01");
      await expect.poll(() => classifiedBy.textContent()).not.toContain("must say who classified it");

      await page.getByLabel("SUBJECT").fill("KOSOVO: PANAMA'S VOTE IN THE SECURITY COUNCIL");
      await page.getByLabel("Portion mark of Paragraph 1").selectOption("C");
      await page.getByLabel("Text of Paragraph 1").fill("Post should seek Panama's support before the vote.");
      // A second paragraph marked above... nothing: the marks offered stop at the overall level.
      const marks = await page.getByLabel("Portion mark of Paragraph 1").locator("option").allTextContents();
      expect(marks.some((m) => m.startsWith("S "))).toBe(false);
      await expect.poll(() => page.getByRole("heading", { name: /Checks/ }).textContent()).toContain("no findings");

      await page.getByRole("button", { name: "Save draft" }).click();
      await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
      const summary = page.getByRole("region", { name: /Checks/ });
      await expect.poll(() => summary.textContent()).toContain("AMEMBASSY ATLANTIS");
      expect(await summary.textContent()).toContain("directory, at last save");
      expect(await page.getByRole("group", { name: "INFO" }).textContent()).toContain(
        'no post, collective or office named "AMEMBASSY ATLANTIS"',
      );
      // A drafter is no approver: there is no Release button to press.
      expect(await page.getByRole("button", { name: "Release", exact: true }).count()).toBe(0);
      await shoot(world, page, "composer-findings");

      await page.getByRole("button", { name: "Discard" }).click();
      await page.getByRole("button", { name: "Discard draft" }).click();
      await page.waitForURL(/\/compose$/);
      await expect.poll(() => statusText(page, /discarded/)).toContain("Draft discarded");
      expect(await page.getByLabel("SUBJECT").inputValue()).toBe("");
      expect(drafter.errorsSinceSignIn()).toEqual([]);
      await drafter.context.close();
    });
  },
);
