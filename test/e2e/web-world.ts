// The end-to-end tests' world: a real Cablegram server (the web app as test/global-setup.ts built it, SQLite file in a temporary folder, the
// default directory, the seeds and the people of a cable's life) listening on a free port of 127.0.0.1, and
// Debian's Chromium driven by playwright-core. Every page's console errors are collected: a test fails on one.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import "../provided-context.ts";
import { buildApp } from "../../src/server/app.ts";
import { firstStart } from "../../src/server/first-start.ts";
import { setDutyOfficer } from "../../src/services/alerts/index.ts";
import { systemClock } from "../../src/services/clock.ts";
import { createUser, type NewUser } from "../../src/services/users/index.ts";
import { openStore, type Store } from "../../src/store/open-store.ts";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Why the browser tests cannot run here, or null when they can. */
export const browserMissing = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium) to run the browser tests`;

export const PASSWORD = "a long enough passphrase";
const ROOT = resolve(import.meta.dirname, "../..");
/** Where screenshots go: test-results/screenshots, or CABLEGRAM_SCREENSHOTS (`npm run screenshots`: docs/). */
export const SCREENSHOTS = resolve(ROOT, process.env.CABLEGRAM_SCREENSHOTS ?? "test-results/screenshots");

/** The five action posts of seed 08STATE16245, alerted at NIACT IMMEDIATE. */
export const ACTION_POSTS = ["OUAGADOUGOU", "PANAMA", "PRETORIA", "SANJOSE", "TRIPOLI"] as const;

/** The people of the browser tests; `admin` (password PASSWORD) is made by the first start. */
export const WEB_USERS: NewUser[] = [
  { username: "drafter", roles: ["reader", "drafter"], clearance: "SECRET", post: "STATE", offices: ["EUR/SCE"] },
  { username: "clearer", roles: ["reader"], clearance: "SECRET", post: "STATE", offices: ["IO/UNP"] },
  { username: "approver", roles: ["reader", "approver"], clearance: "SECRET", post: "STATE", offices: ["EUR/SCE"] },
  { username: "duty-panama", roles: ["reader", "communicator"], clearance: "SECRET", post: "PANAMA" },
  { username: "drafter-panama", roles: ["reader", "drafter", "approver"], clearance: "SECRET", post: "PANAMA" },
  { username: "uncleared", roles: ["reader"], clearance: "UNCLASSIFIED", post: "PARIS" },
  { username: "archivist", roles: ["reader", "archivist"], clearance: "SECRET", post: "STATE" },
];

export type WebWorld = {
  url: string;
  store: Store;
  browser: Browser;
  /** A fresh browser context (its own cookies) with a page whose console errors are collected. */
  newPage(): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }>;
  /** Signs in on the sign-in page and waits for the inbox. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** Calls the API from the test as a user (signed in once), as a script would; throws on an error answer. */
  apiAs(username: string): <T>(method: string, path: string, body?: unknown) => Promise<T>;
  /** Saves a screenshot as NAME.png: the whole page, or (`fullPage: false`) what the window shows. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
};

/**
 * Starts the server and the browser; `options` adds app settings (a low export limit).
 * @example const world = await startWebWorld(); const { page } = await world.newPage()
 */
export async function startWebWorld(options: { exportMax?: number } = {}): Promise<WebWorld> {
  const dir = mkdtempSync(join(tmpdir(), "cablegram-e2e-"));
  const store = await openStore({ dialect: "sqlite", file: join(dir, "cablegram.db") });
  const deps = { store, clock: systemClock };
  await firstStart(deps, { importPaths: [resolve(ROOT, "examples")], adminPassword: PASSWORD });
  for (const user of WEB_USERS) await createUser(deps, SYSTEM_ACTING, { ...user, password: PASSWORD });
  await setDutyOfficer(deps, SYSTEM_ACTING, "PANAMA", { username: "duty-panama" });
  const app = await buildApp({
    store,
    webRoot: inject("webRoot"),
    signInLimit: { max: 1000, timeWindow: 60_000 },
    // Live streams check their session and access twice a second, so a test that changes a user sees it at once.
    eventsRecheckMs: 500,
    ...options,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await launchBrowser();
  const cookies = new Map<string, string>();
  const call = async (cookie: string | null, method: string, path: string, body?: unknown) => {
    const response = await fetch(url + path, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method === "GET" ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };

  return {
    url,
    store,
    browser,
    newPage: () => newCheckedPage(browser, url),
    signIn: signInOnPage,
    apiAs(username) {
      return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        let cookie = cookies.get(username);
        if (!cookie) {
          const signIn = await call(null, "POST", "/api/session", { username, password: PASSWORD });
          cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
          cookies.set(username, cookie);
        }
        const response = await call(cookie, method, path, body);
        const type = response.headers.get("content-type") ?? "";
        return (type.includes("json") ? await response.json() : await response.text()) as T;
      };
    },
    screenshot: saveScreenshot,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with nothing of its own reaching the network. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser context on `url` (its own cookies) with a page whose console errors are collected. */
export async function newCheckedPage(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  return { context, page, consoleErrors };
}

/** Signs in on the sign-in page and waits for the main navigation. */
export async function signInOnPage(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

/** Saves a screenshot as NAME.png under SCREENSHOTS: the whole page, or (`fullPage: false`) what the window shows. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
