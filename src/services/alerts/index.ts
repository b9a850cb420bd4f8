// Alerts to duty officers: the roster, raising, sending (webhook, SMTP) and acknowledging.
export { ALERT_OUTCOMES, type AlertOutcome } from "./alert-outcome.ts";
export {
  ALERT_REPEAT_MINUTES,
  ALERT_REPEAT_VARIABLE,
  alertRepeatFromEnv,
  DEFAULT_ALERT_REPEAT_MS,
} from "./alert-repeat.ts";
export { alertLine, type AlertMessage, type AlertSender } from "./alert-sender.ts";
export { ackAlert, listAlerts, postName, type AlertFilter, type AlertView } from "./alert-views.ts";
export {
  DutyOfficerInputSchema,
  dutyOfficersOf,
  isOnDuty,
  listDutyOfficers,
  setDutyOfficer,
  type DutyOfficer,
  type DutyOfficerInput,
} from "./duty-officers.ts";
export { raiseAlerts, type AlertedDelivery } from "./raise-alerts.ts";
export { sendDueAlerts, type AlertPass, type AlertSending, type UnassignedAlert } from "./send-due-alerts.ts";
export { sendersFromEnv } from "./senders-from-env.ts";
export { smtpMail, smtpOptionsFromEnv, smtpSender, type Mail, type SmtpOptions } from "./smtp-sender.ts";
export {
  assertWebhookAllowed,
  resolveWebhookHost,
  systemResolve,
  WEBHOOK_ALLOW_SETTING,
  webhookAddresses,
  webhookAllowFromEnv,
  type ResolveHost,
  type WebhookAllow,
} from "./webhook-address.ts";
export { webhookSender } from "./webhook-sender.ts";
