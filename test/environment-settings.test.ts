// The handling-time objectives (CABLEGRAM_OBJECTIVE_*) and the SMTP relay's port (CABLEGRAM_SMTP_PORT) from the
// environment: read by the server and the CLI's one-shot delivery; a bad value stops them with one line saying what,
// where and how to fix it, instead of being ignored.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { serve } from "../src/cli/commands/serve.ts";
import { main } from "../src/cli/main.ts";
import { buildApp } from "../src/server/app.ts";
import { logLevelFromEnv } from "../src/server/logger.ts";
import { smtpOptionsFromEnv } from "../src/services/alerts/smtp-sender.ts";
import { fixedClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { objectivesFromEnv } from "../src/services/distribution/index.ts";
import { CablegramError } from "../src/services/errors.ts";
import { flagFromEnv } from "../src/services/flag-setting.ts";
import { storeSettingsFromEnv } from "../src/services/store-settings.ts";
import type { Store } from "../src/store/open-store.ts";
import { cliEnv, withStoreOf } from "./helpers/cli-env.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { memoryIo, openTestStore } from "./helpers/test-stores.ts";

const MINUTE = 60_000;

function settingError(read: () => unknown): CablegramError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(CablegramError);
    return error as CablegramError;
  }
  throw new Error("the value was accepted");
}

describe("handling-time objectives from the environment", () => {
  it("reads minutes per precedence, decimals too, and leaves unset or empty variables to the defaults", () => {
    expect(
      objectivesFromEnv({
        CABLEGRAM_OBJECTIVE_FLASH: "5",
        CABLEGRAM_OBJECTIVE_NIACT_IMMEDIATE: " 2.5 ",
        CABLEGRAM_OBJECTIVE_PRIORITY: "10080",
        CABLEGRAM_OBJECTIVE_ROUTINE: "",
      }),
    ).toEqual({ FLASH: 5 * MINUTE, "NIACT IMMEDIATE": 2.5 * MINUTE, PRIORITY: 10_080 * MINUTE });
    expect(objectivesFromEnv({})).toEqual({});
  });

  it("rejects what is not minutes from 1 to 10080, naming the variable, the value and what to give instead", () => {
    const variable = "CABLEGRAM_OBJECTIVE_FLASH";
    for (const value of ["soon", "5m", "5 min", "1e3", "-3", "0", "0.5", "20000"]) {
      const error = settingError(() => objectivesFromEnv({ [variable]: value }));
      expect(error.code).toBe("SETTING_INVALID");
      expect(error.details).toEqual({ variable, value });
      expect(error.message).toMatch(
        new RegExp(
          `^${variable} is ${JSON.stringify(value)} in the environment, .*: set it to the minutes a FLASH delivery ` +
            "may wait for acknowledgement before it is escalated, from 1 to 10080 \\(such as 15, or 2\\.5\\), or " +
            "unset it for the default of 10 minutes$",
        ),
      );
    }
    expect(settingError(() => objectivesFromEnv({ [variable]: "soon" })).message).toContain("not a number of minutes");
    expect(settingError(() => objectivesFromEnv({ [variable]: "0.5" })).message).toContain("under the least of 1");
    expect(settingError(() => objectivesFromEnv({ [variable]: "20000" })).message).toContain(
      "over the most of 10080 (a week)",
    );
    const niact = settingError(() => objectivesFromEnv({ CABLEGRAM_OBJECTIVE_NIACT_IMMEDIATE: "fast" }));
    expect(niact.message).toMatch(/unset it for the default: CABLEGRAM_OBJECTIVE_IMMEDIATE when set, else 30 minutes$/);
  });

  it("rejects a CABLEGRAM_OBJECTIVE_ variable that names no precedence, listing the ones that do", () => {
    const error = settingError(() => objectivesFromEnv({ CABLEGRAM_OBJECTIVE_NIACT: "5" }));
    expect(error.code).toBe("SETTING_INVALID");
    expect(error.details).toEqual({ variable: "CABLEGRAM_OBJECTIVE_NIACT", value: "5" });
    expect(error.message).toBe(
      'CABLEGRAM_OBJECTIVE_NIACT is "5" in the environment, but names no precedence: rename it to one of ' +
        "CABLEGRAM_OBJECTIVE_FLASH, CABLEGRAM_OBJECTIVE_NIACT_IMMEDIATE, CABLEGRAM_OBJECTIVE_IMMEDIATE, " +
        "CABLEGRAM_OBJECTIVE_PRIORITY, CABLEGRAM_OBJECTIVE_ROUTINE, or unset it",
    );
  });
});

describe("the SMTP relay's port from the environment", () => {
  const host = { CABLEGRAM_SMTP_HOST: "relay.post.example" };

  it("reads a port, 25 when unset or empty", () => {
    expect(smtpOptionsFromEnv({ ...host, CABLEGRAM_SMTP_PORT: "587" })?.port).toBe(587);
    expect(smtpOptionsFromEnv({ ...host, CABLEGRAM_SMTP_PORT: "65535" })?.port).toBe(65_535);
    expect(smtpOptionsFromEnv(host)?.port).toBe(25);
    expect(smtpOptionsFromEnv({ ...host, CABLEGRAM_SMTP_PORT: "" })?.port).toBe(25);
    expect(smtpOptionsFromEnv({ CABLEGRAM_SMTP_PORT: "587" })).toBeNull();
  });

  it("rejects what is not a whole number from 1 to 65535, with a relay named or not", () => {
    for (const value of ["smtp", "25.5", "25a", "-25", "0", "65536"]) {
      for (const env of [{ ...host, CABLEGRAM_SMTP_PORT: value }, { CABLEGRAM_SMTP_PORT: value }]) {
        const error = settingError(() => smtpOptionsFromEnv(env));
        expect(error.code).toBe("SETTING_INVALID");
        expect(error.details).toEqual({ variable: "CABLEGRAM_SMTP_PORT", value });
        expect(error.message).toMatch(
          new RegExp(
            `^CABLEGRAM_SMTP_PORT is ${JSON.stringify(value)} in the environment, .*: set it to the port of the ` +
              "SMTP relay in CABLEGRAM_SMTP_HOST, a whole number, from 1 to 65535 \\(such as 25, or 587\\), or " +
              "unset it for the default of 25$",
          ),
        );
      }
    }
    expect(settingError(() => smtpOptionsFromEnv({ CABLEGRAM_SMTP_PORT: "25.5" })).message).toContain(
      "which is not a port number",
    );
    expect(settingError(() => smtpOptionsFromEnv({ CABLEGRAM_SMTP_PORT: "65536" })).message).toContain(
      "in the environment, over the most of 65535:",
    );
  });
});

describe("the log level from the environment", () => {
  it("reads a level in any case, info when unset or empty, and refuses the rest naming the levels", () => {
    expect([undefined, "", "DEBUG", " warn ", "silent"].map((v) => logLevelFromEnv({ LOG_LEVEL: v }))).toEqual([
      "info",
      "info",
      "debug",
      "warn",
      "silent",
    ]);
    const error = settingError(() => logLevelFromEnv({ LOG_LEVEL: "verbose" }));
    expect(error.details).toEqual({ variable: "LOG_LEVEL", value: "verbose" });
    expect(error.message).toContain("trace, debug, info, warn, error, fatal, silent");
  });
});

describe("a bad setting at start", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ["CABLEGRAM_OBJECTIVE_ROUTINE", "6h"],
    ["CABLEGRAM_OBJECTIVE_ROUTNE", "360"],
    ["CABLEGRAM_SMTP_PORT", "submission"],
    ["CABLEGRAM_SECURE_COOKIES", "ture"],
    ["CABLEGRAM_TRUST_PROXY", "enabled"],
    ["LOG_LEVEL", "verbose"],
  ])(
    "stops `cablegram serve` for %s=%s with one line and exit 2, before it creates the archive",
    async (name, value) => {
      const parent = mkdtempSync(join(tmpdir(), "cg-settings-"));
      try {
        const dataDir = join(parent, "data");
        const io = memoryIo({ CABLEGRAM_DATA_DIR: dataDir, CABLEGRAM_SMTP_HOST: "relay.post.example", [name]: value });
        expect(await serve({ port: "0" }, io)).toBe(2);
        expect(io.err).toHaveLength(1);
        expect(io.err[0]).toMatch(
          new RegExp(
            `^cablegram serve: ${name} is ${JSON.stringify(value)} in the environment, .* \\[SETTING_INVALID\\]$`,
          ),
        );
        expect(existsSync(dataDir)).toBe(false);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
  );

  it.each([
    ["CABLEGRAM_OBJECTIVE_IMMEDIATE", "0"],
    ["CABLEGRAM_SMTP_PORT", "99999"],
  ])("makes building the app fail with SETTING_INVALID for %s=%s", async (name, value) => {
    vi.stubEnv(name, value);
    const store = await openTestStore("sqlite", "settings_bad");
    try {
      const error = await rejectionOf(buildApp({ store }));
      expect(error.code).toBe("SETTING_INVALID");
      expect(error.details).toEqual({ variable: name, value });
    } finally {
      await store.close();
    }
  });

  it("is refused by the CLI's delivery, which otherwise sets the configured deadlines", async () => {
    const { env, cleanup } = await cliEnv("sqlite", "settings_cli");
    try {
      const withStore = <T>(work: (store: Store) => Promise<T>) => withStoreOf(env, work);
      await withStore(async (store) => {
        await loadDefaultDirectory(store);
        await releaseFields({ store, clock: fixedClock("2026-02-16T23:19:00Z") }, seedFields());
      });
      const deliveries = () =>
        withStore((store) =>
          store.db.selectFrom("deliveries").select(["state", "precedence", "delivered_at", "due_at"]).execute(),
        );

      for (const bad of [{ CABLEGRAM_OBJECTIVE_IMMEDIATE: "soon" }, { CABLEGRAM_SMTP_PORT: "0" }] as Record<
        string,
        string
      >[]) {
        const io = memoryIo({ ...env, ...bad });
        expect(await main(["inbox", "--post", "PANAMA"], io)).toBe(2);
        expect(io.err).toEqual([expect.stringMatching(/^cablegram inbox: SETTING_INVALID: CABLEGRAM_\w+ is "\w+"/)]);
        expect((await deliveries()).every((d) => d.state === "queued")).toBe(true);
      }

      const io = memoryIo({ ...env, CABLEGRAM_OBJECTIVE_NIACT_IMMEDIATE: "12", CABLEGRAM_OBJECTIVE_IMMEDIATE: "45" });
      expect(await main(["inbox", "--post", "PANAMA"], io)).toBe(0);
      const waits = (await deliveries()).map((d) => [
        d.precedence,
        (Date.parse(d.due_at!) - Date.parse(d.delivered_at!)) / MINUTE,
      ]);
      expect(new Set(waits.map((w) => JSON.stringify(w)))).toEqual(
        new Set([JSON.stringify(["NIACT IMMEDIATE", 12]), JSON.stringify(["IMMEDIATE", 45])]),
      );
    } finally {
      await cleanup();
    }
  });
});

describe("yes-or-no settings and the archive's URL", () => {
  it("reads 1, true, yes and on as yes, 0, false, no, off and nothing as no, in any case, and refuses the rest", () => {
    const flag = (value?: string) =>
      flagFromEnv(value === undefined ? {} : { CABLEGRAM_SECURE_COOKIES: value }, "CABLEGRAM_SECURE_COOKIES", "x");
    expect(["1", "true", "TRUE", " yes ", "on"].map(flag)).toEqual([true, true, true, true, true]);
    expect([undefined, "", "0", "false", "No", "off"].map(flag)).toEqual([false, false, false, false, false, false]);
    const error = settingError(() => flag("ture"));
    expect([error.code, error.details]).toEqual([
      "SETTING_INVALID",
      { variable: "CABLEGRAM_SECURE_COOKIES", value: "ture" },
    ]);
    expect(error.message).toContain('CABLEGRAM_SECURE_COOKIES is "ture" in the environment, which is neither');
  });

  it("refuses a DATABASE_URL that is not PostgreSQL's, naming its scheme but never the rest (a password)", () => {
    const error = settingError(() => storeSettingsFromEnv({ DATABASE_URL: "mysql://root:secret@db/cables" }));
    expect(error.code).toBe("SETTING_INVALID");
    expect(error.message).toMatch(/^DATABASE_URL \(mysql:\) is not a PostgreSQL URL: give postgres:\/\//);
    expect(error.message).not.toContain("secret");
    expect(storeSettingsFromEnv({ DATABASE_URL: "postgresql://127.0.0.1/test" }).dialect).toBe("postgres");
    expect(storeSettingsFromEnv({ CABLEGRAM_DATA_DIR: "/tmp/x" })).toEqual({
      dialect: "sqlite",
      file: "/tmp/x/cablegram.db",
      keys: { dir: "/tmp/x/keys" },
    });
  });

  it("stops a CLI command on such a DATABASE_URL with one line and exit 2", async () => {
    const io = memoryIo({ DATABASE_URL: "mysql://root:secret@db/cables" });
    expect(await main(["user", "list"], io)).toBe(2);
    expect(io.err.join("\n")).toMatch(/SETTING_INVALID: DATABASE_URL \(mysql:\) is not a PostgreSQL URL/);
  });
});
