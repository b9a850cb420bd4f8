// Live updates: one server-sent event stream per page, shared by every component that listens, calling each back
// on the event types it asked for. The server sends only events on cables the user may read; the browser
// reconnects by itself. One stream, not one per component, because a browser keeps only six connections to a
// server open at once and a stream holds one for as long as the page is open.
import { useEffect, useRef } from "react";
import type { LiveEventType } from "../../../src/core/live-events.ts";

/** An event as the stream carries it. */
export type LiveEvent = {
  type: LiveEventType;
  cableId: string | null;
  post: string | null;
  office: string | null;
  data: Record<string, unknown>;
};

type Listener = (event: LiveEvent) => void;

let source: EventSource | null = null;
const listeners = new Map<LiveEventType, Set<Listener>>();

function dispatch(message: MessageEvent<string>): void {
  let event: LiveEvent;
  try {
    event = JSON.parse(message.data) as LiveEvent;
  } catch {
    return; // A frame that is not JSON is not ours to act on.
  }
  for (const listener of listeners.get(event.type) ?? []) listener(event);
}

function subscribe(type: LiveEventType, listener: Listener): () => void {
  if (!source) source = new EventSource("/api/events");
  let set = listeners.get(type);
  if (!set) {
    set = new Set();
    listeners.set(type, set);
    source.addEventListener(type, dispatch);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) {
      listeners.delete(type);
      source?.removeEventListener(type, dispatch);
    }
    if (listeners.size === 0) {
      source?.close();
      source = null;
    }
  };
}

/**
 * Calls `onEvent` for each event of the given types while the component is mounted.
 * @example useEvents(["delivery.delivered"], () => inbox.reload())
 */
export function useEvents(types: readonly LiveEventType[], onEvent: (event: LiveEvent) => void): void {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  const typeKey = types.join(",");
  useEffect(() => {
    const unsubscribers = (typeKey.split(",") as LiveEventType[]).map((type) =>
      subscribe(type, (event) => callback.current(event)),
    );
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [typeKey]);
}
