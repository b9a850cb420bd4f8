// Where a duty officer's webhook may point: never loopback, private or link-local addresses, however written,
// unless the deployment's allow-list names the host or the host and port; a host name is judged by the addresses it
// resolves to, and the request goes to the address that was judged.
import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertWebhookAllowed,
  webhookAddresses,
  webhookAllowFromEnv,
  webhookSender,
  type AlertMessage,
  type ResolveHost,
} from "../src/services/alerts/index.ts";
import { CablegramError } from "../src/services/errors.ts";
import { webhookReceiver } from "./helpers/webhook-receiver.ts";

/** A resolver that knows only the names given, as a DNS server under someone else's control would answer them. */
function resolverOf(names: Record<string, string[]>): ResolveHost {
  return async (host) => {
    const addresses = names[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address): LookupAddress => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

async function codeOfAsync(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return error instanceof CablegramError ? error.code : "other";
  }
}

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

  describe("a host name", () => {
    const resolve = resolverOf({
      "hooks.example.com": ["93.184.215.14"],
      "inside.example.com": ["10.0.0.5"],
      "mixed.example.com": ["93.184.215.14", "127.0.0.1"],
      "v6.example.com": ["2001:db8::1", "fd00::7"],
    });

    it.each(["http://inside.example.com/hook", "http://mixed.example.com/hook", "https://v6.example.com/hook"])(
      "that resolves to a private address is refused: %s",
      async (url) => {
        expect(await codeOfAsync(() => webhookAddresses(url, [], resolve))).toBe("WEBHOOK_NOT_ALLOWED");
      },
    );

    it("that resolves to public addresses only is accepted, with the addresses to connect to", async () => {
      expect(await webhookAddresses("https://hooks.example.com/duty", [], resolve)).toEqual([
        { address: "93.184.215.14", family: 4 },
      ]);
    });

    it("that resolves to a private address is accepted when the allow-list names the name or the address", async () => {
      const url = "http://inside.example.com:8080/hook";
      expect(await codeOfAsync(() => webhookAddresses(url, ["inside.example.com"], resolve))).toBeNull();
      expect(await codeOfAsync(() => webhookAddresses(url, ["10.0.0.5:8080"], resolve))).toBeNull();
      expect(await codeOfAsync(() => webhookAddresses(url, ["10.0.0.5:9090"], resolve))).toBe("WEBHOOK_NOT_ALLOWED");
    });
  });

  describe("the sender", () => {
    let hook: Awaited<ReturnType<typeof webhookReceiver>>;
    beforeAll(async () => {
      hook = await webhookReceiver();
    });
    afterAll(() => hook?.server.close());

    const message = (webhook: string): AlertMessage => ({
      alertId: "alert-1",
      kind: "niact",
      cableId: "08STATE16245",
      post: "PANAMA",
      precedence: "NIACT IMMEDIATE",
      classification: "CONFIDENTIAL",
      subject: "DEMARCHE",
      attempt: 1,
      raisedAt: "2008-02-16T23:19:00.000Z",
      officer: { post: "PANAMA", userId: null, webhook, email: null },
    });

    it("never requests a name that resolves to loopback, and connects to the judged address when it is allowed", async () => {
      const port = new URL(hook.url).port;
      // The name exists only in this resolver, so a delivery proves the request went to the address it answered.
      const resolve = resolverOf({ "duty.hooks.test": ["127.0.0.1"] });
      const url = `http://duty.hooks.test:${port}/hook`;
      const refused = webhookSender({ allow: [], resolve });
      expect(await codeOfAsync(() => refused.send(message(url)))).toBe("WEBHOOK_NOT_ALLOWED");
      expect(hook.bodies).toHaveLength(0);
      const allowed = webhookSender({ allow: [`duty.hooks.test:${port}`], resolve });
      expect(await allowed.send(message(url))).toBe(true);
      expect(hook.bodies).toHaveLength(1);
      expect(hook.bodies[0]).toMatchObject({ post: "PANAMA", officer: { post: "PANAMA", userId: null } });
    });
  });
});
