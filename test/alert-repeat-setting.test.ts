// CABLEGRAM_ALERT_REPEAT_MINUTES: how long an unacknowledged alert waits before it is sent again, read by the server
// and the CLI's one-shot dispatch; a bad value stops them with one line saying what, where and how to fix it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { serve } from "../src/cli/commands/serve.ts";
import { main } from "../src/cli/main.ts";
import { buildApp } from "../src/server/app.ts";
import { alertRepeatFromEnv, setDutyOfficer } from "../src/services/alerts/index.ts";
import { fixedClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { CablegramError } from "../src/services/errors.ts";
import type { Store } from "../src/store/open-store.ts";
import { cliEnv, withStoreOf } from "./helpers/cli-env.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { startTestServer } from "./helpers/server-fixtures.ts";
import { memoryIo, openTestStore } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const VARIABLE = "CABLEGRAM_ALERT_REPEAT_MINUTES";

function settingError(value: string): CablegramError {
  try {
    alertRepeatFromEnv({ [VARIABLE]: value });
  } catch (error) {
    expect(error).toBeInstanceOf(CablegramError);
    return error as CablegramError;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
}

describe("the alert repeat interval from the environment", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads minutes, decimals too, and leaves an unset or empty variable to the default", () => {
    expect(alertRepeatFromEnv({ [VARIABLE]: "10" })).toBe(600_000);
    expect(alertRepeatFromEnv({ [VARIABLE]: " 2.5 " })).toBe(150_000);
    expect(alertRepeatFromEnv({ [VARIABLE]: "1440" })).toBe(86_400_000);
    expect(alertRepeatFromEnv({})).toBeUndefined();
    expect(alertRepeatFromEnv({ [VARIABLE]: "" })).toBeUndefined();
  });

  it("rejects what is not minutes from 1 to 1440, naming the variable, the value and what to give instead", () => {
    for (const value of ["soon", "5m", "1e3", "-3", "0", "0.5", "300000"]) {
      const error = settingError(value);
      expect(error.code).toBe("SETTING_INVALID");
      expect(error.details).toEqual({ variable: VARIABLE, value });
      expect(error.message).toContain(`${VARIABLE} is ${JSON.stringify(value)} in the environment`);
      expect(error.message).toMatch(/from 1 to 1440 .*or unset it for the default of 5 minutes$/);
    }
    expect(settingError("soon").message).toContain("not a number of minutes");
    expect(settingError("0.5").message).toContain("under the least of 1");
    expect(settingError("300000").message).toContain("over the most of 1440 (a day)");
  });

  it("stops `cablegram serve` with one line and exit 2 before it opens or creates the archive", async () => {
    const parent = mkdtempSync(join(tmpdir(), "cg-repeat-"));
    try {
      const dataDir = join(parent, "data");
      const io = memoryIo({ CABLEGRAM_DATA_DIR: dataDir, [VARIABLE]: "5 minutes" });
      expect(await serve({ port: "0" }, io)).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(
        /^cablegram serve: CABLEGRAM_ALERT_REPEAT_MINUTES is "5 minutes" in the environment, .* \[SETTING_INVALID\]$/,
      );
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("makes building the app fail with SETTING_INVALID for a bad value", async () => {
    vi.stubEnv(VARIABLE, "often");
    const store = await openTestStore("sqlite", "repeat_bad");
    try {
      const error = await rejectionOf(buildApp({ store }));
      expect(error.code).toBe("SETTING_INVALID");
    } finally {
      await store.close();
    }
  });

  it("schedules the server's next sending of an alert that many minutes after the last", async () => {
    vi.stubEnv(VARIABLE, "12");
    const server = await startTestServer("sqlite", { messaging: { pollMs: 0 } });
    try {
      await setDutyOfficer(server.deps, SYSTEM_ACTING, "PANAMA", { email: "duty@panama.test" });
      await releaseFields(server.deps, seedFields());
      await server.app.messaging.dispatcher.drain();
      const res = await server.app.inject({
        url: "/api/alerts?post=PANAMA&open=true",
        headers: { cookie: await server.cookieOf("admin") },
      });
      const [alert] = (res.json() as { items: { attempts: number; lastSentAt: string; nextAt: string }[] }).items;
      expect(alert!.attempts).toBe(1);
      expect(Date.parse(alert!.nextAt) - Date.parse(alert!.lastSentAt)).toBe(12 * 60_000);
      // Not sent again before the twelve minutes are up, and sent again when they are.
      server.deps.clock.advance(11 * 60_000);
      await server.app.messaging.dispatcher.drain();
      const again = async () => {
        const list = await server.app.inject({
          url: "/api/alerts?post=PANAMA&open=true",
          headers: { cookie: await server.cookieOf("admin") },
        });
        return (list.json() as { items: { attempts: number }[] }).items[0]!.attempts;
      };
      expect(await again()).toBe(1);
      server.deps.clock.advance(60_000);
      await server.app.messaging.dispatcher.drain();
      expect(await again()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("is honoured by the CLI's delivery, and a bad value stops the command first", async () => {
    const { env, cleanup } = await cliEnv("sqlite", "repeat_cli");
    try {
      const withStore = <T>(work: (store: Store) => Promise<T>) => withStoreOf(env, work);
      await withStore(async (store) => {
        const clock = fixedClock("2026-02-16T23:19:00Z");
        await loadDefaultDirectory(store);
        await setDutyOfficer({ store, clock }, SYSTEM_ACTING, "PANAMA", { email: "duty@panama.test" });
        await releaseFields({ store, clock }, seedFields());
      });
      const queued = () =>
        withStore(
          async (store) =>
            (await store.db.selectFrom("deliveries").select("id").where("state", "=", "queued").execute()).length,
        );
      expect(await queued()).toBe(14);

      const bad = memoryIo({ ...env, [VARIABLE]: "0" });
      expect(await main(["inbox", "--post", "PANAMA"], bad)).toBe(2);
      expect(bad.err.join("\n")).toMatch(/^cablegram inbox: SETTING_INVALID: CABLEGRAM_ALERT_REPEAT_MINUTES is "0"/);
      expect(await queued()).toBe(14);

      expect(await main(["inbox", "--post", "PANAMA"], memoryIo({ ...env, [VARIABLE]: "7" }))).toBe(0);
      const alert = await withStore((store) =>
        store.db
          .selectFrom("alerts")
          .select(["attempts", "last_sent_at", "next_at"])
          .where("post", "=", "AMEMBASSY PANAMA")
          .executeTakeFirstOrThrow(),
      );
      expect(alert.attempts).toBe(1);
      expect(Date.parse(alert.next_at) - Date.parse(alert.last_sent_at!)).toBe(7 * 60_000);
    } finally {
      await cleanup();
    }
  });
});
