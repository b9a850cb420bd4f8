// Sends alerts to the duty officer's webhook as JSON over HTTP(S).
import type { AlertMessage, AlertSender } from "./alert-sender.ts";
import { postJson, WEBHOOK_TIMEOUT_MS } from "./post-json.ts";
import {
  systemResolve,
  webhookAddresses,
  webhookAllowFromEnv,
  type ResolveHost,
  type WebhookAllow,
} from "./webhook-address.ts";

/**
 * A sender that POSTs the alert as JSON to the officer's webhook; a non-2xx answer or a timeout is an error (the
 * alert stays open and is sent again at its next attempt). A webhook whose address, or whose host name's resolved
 * address, is loopback or private and that `allow` (by default CABLEGRAM_WEBHOOK_ALLOW) does not name is an error
 * too, never requested, whenever it was stored.
 * @example const sender = webhookSender(); await sender.send(message) // true when posted
 */
export function webhookSender(
  options: { timeoutMs?: number; allow?: WebhookAllow; resolve?: ResolveHost } = {},
): AlertSender {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const allow = options.allow ?? webhookAllowFromEnv(process.env);
  const resolve = options.resolve ?? systemResolve;
  return {
    name: "webhook",
    async send(message: AlertMessage) {
      const url = message.officer?.webhook;
      if (!url) return false;
      const addresses = await webhookAddresses(url, allow, resolve);
      const body = { ...message, officer: { post: message.post, userId: message.officer?.userId ?? null } };
      const status = await postJson(url, body, addresses, timeoutMs);
      if (status < 200 || status > 299) throw new Error(`webhook ${url} answered ${status}`);
      return true;
    },
  };
}
