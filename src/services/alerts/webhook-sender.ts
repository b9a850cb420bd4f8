// Sends alerts to the duty officer's webhook as JSON over HTTP(S).
import type { AlertMessage, AlertSender } from "./alert-sender.ts";
import { assertWebhookAllowed, webhookAllowFromEnv, type WebhookAllow } from "./webhook-address.ts";

/**
 * A sender that POSTs the alert as JSON to the officer's webhook; a non-2xx answer or a timeout is an error (the
 * alert stays open and is sent again at its next attempt). A webhook to a loopback or private address that `allow`
 * (by default CABLEGRAM_WEBHOOK_ALLOW) does not name is an error too, never requested, whenever it was stored.
 * @example const sender = webhookSender(); await sender.send(message) // true when posted
 */
export function webhookSender(
  options: { fetch?: typeof fetch; timeoutMs?: number; allow?: WebhookAllow } = {},
): AlertSender {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const allow = options.allow ?? webhookAllowFromEnv(process.env);
  return {
    name: "webhook",
    async send(message: AlertMessage) {
      const url = message.officer?.webhook;
      if (!url) return false;
      assertWebhookAllowed(url, allow);
      const response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...message, officer: { post: message.post, userId: message.officer?.userId ?? null } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`webhook ${url} answered ${response.status}`);
      return true;
    },
  };
}
