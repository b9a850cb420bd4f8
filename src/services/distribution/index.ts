// Distribution: from a released cable to the posts' inboxes, in precedence order, with alerts and escalation.
export { ackDelivery, markRead, slugDelivery, type Handler } from "./delivery-acts.ts";
export { deliveryView, type DeliveryRow, type DeliveryView } from "./delivery-view.ts";
export { deliverQueued } from "./deliver-queued.ts";
export { dispatcherSettingsFromEnv, type DispatcherSettings } from "./dispatcher-settings.ts";
export { startDispatcher, type Dispatcher, type DispatcherLogger, type DispatcherOptions } from "./dispatcher.ts";
export { enqueueDeliveries, type Released } from "./enqueue-deliveries.ts";
export { escalateOverdue } from "./escalate-overdue.ts";
export { expandAddressees, type DeliveryTarget } from "./expand-addressees.ts";
export {
  DEFAULT_OBJECTIVES,
  handlingObjectives,
  OBJECTIVE_MINUTES,
  objectiveVariable,
  objectivesFromEnv,
  type HandlingObjectives,
} from "./handling-objectives.ts";
export { INBOX_SORTS, listInbox, type InboxFilter, type InboxSort } from "./inbox.ts";
export { routingHintOf } from "./routing-hint.ts";
