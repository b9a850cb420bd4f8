// Live events: the bus every service publishes to and the server streams from.
export {
  createEventBus,
  type BusEvent,
  type EventBus,
  type Listener,
  type Relevance,
  type Viewer,
} from "./event-bus.ts";
