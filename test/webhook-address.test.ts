// Where a duty officer's webhook may point: never loopback, private or link-local addresses, however written,
// unless the deployment's allow-list names the host or the host and port.
import { describe, expect, it } from "vitest";
import { assertWebhookAllowed, webhookAllowFromEnv } from "../src/services/alerts/index.ts";
import { CablegramError } from "../src/services/errors.ts";

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof CablegramError ? error.code : "other";
  }
}

describe("webhook addresses", () => {
  it.each([
    "http://127.0.0.1/hook",
    "http://127.8.9.10:9999/hook",
    "http://2130706433/hook",
    "http://0x7f.1/hook",
    "http://10.0.0.5/",
    "http://172.16.0.1/",
    "http://172.31.255.255/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://[fe80::1]/",
    "http://localhost:8080/",
    "http://LOCALHOST./",
    "http://hooks.localhost/",
  ])("refuses %s", (url) => {
    expect(codeOf(() => assertWebhookAllowed(url, []))).toBe("WEBHOOK_NOT_ALLOWED");
  });

  it.each(["https://hooks.example.com/duty", "http://172.32.0.1/", "http://8.8.8.8/", "http://[2001:db8::1]/"])(
    "accepts the public address %s",
    (url) => {
      expect(codeOf(() => assertWebhookAllowed(url, []))).toBeNull();
    },
  );

  it("accepts a private address the allow-list names by host, or by host and port", () => {
    const allow = webhookAllowFromEnv({ CABLEGRAM_WEBHOOK_ALLOW: " 127.0.0.1:9999 , Hooks.Localhost,[::1]:8443" });
    expect(allow).toEqual(["127.0.0.1:9999", "hooks.localhost", "[::1]:8443"]);
    expect(codeOf(() => assertWebhookAllowed("http://127.0.0.1:9999/hook", allow))).toBeNull();
    expect(codeOf(() => assertWebhookAllowed("http://hooks.localhost:81/", allow))).toBeNull();
    expect(codeOf(() => assertWebhookAllowed("https://[::1]:8443/", allow))).toBeNull();
    expect(codeOf(() => assertWebhookAllowed("http://127.0.0.1:9998/hook", allow))).toBe("WEBHOOK_NOT_ALLOWED");
    expect(codeOf(() => assertWebhookAllowed("http://127.0.0.2:9999/hook", allow))).toBe("WEBHOOK_NOT_ALLOWED");
  });

  it("stops with SETTING_INVALID naming an allow-list entry whose port is not a port", () => {
    const run = () => webhookAllowFromEnv({ CABLEGRAM_WEBHOOK_ALLOW: "127.0.0.1:99999" });
    expect(codeOf(run)).toBe("SETTING_INVALID");
    expect(() => run()).toThrow(/CABLEGRAM_WEBHOOK_ALLOW names "127.0.0.1:99999"/);
  });
});
