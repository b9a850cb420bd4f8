// The alert senders a deployment's environment asks for.
import type { AlertSender } from "./alert-sender.ts";
import { smtpOptionsFromEnv, smtpSender } from "./smtp-sender.ts";
import { webhookAllowFromEnv } from "./webhook-address.ts";
import { webhookSender } from "./webhook-sender.ts";

/**
 * The webhook sender always (it fires for duty officers with a webhook URL, within CABLEGRAM_WEBHOOK_ALLOW), and SMTP
 * when CABLEGRAM_SMTP_HOST is set.
 * @example sendersFromEnv({}).map((s) => s.name) // ["webhook"]
 */
export function sendersFromEnv(env: NodeJS.ProcessEnv): AlertSender[] {
  const smtp = smtpOptionsFromEnv(env);
  const webhook = webhookSender({ allow: webhookAllowFromEnv(env) });
  return smtp ? [webhook, smtpSender(smtp)] : [webhook];
}
