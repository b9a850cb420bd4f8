// Live updates: one server-sent event stream per page, shared by every component that listens, calling each back
// on the event types it asked for. The server sends only events on cables the user may read; the browser
// reconnects by itself (after a network drop, or when the server ends the stream because the session or the user's
// access changed), and what happened meanwhile was never sent: components that show a list fetch it again then.
// One stream, not one per component, because a browser keeps only six connections to a server open at once and a
// stream holds one for as long as the page is open.
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
/** Called when the stream opens again after a drop: the events in between were missed. */
const resumers = new Set<() => void>();

function openSource(): EventSource {
  const opened = new EventSource("/api/events");
  let before = false;
  opened.addEventListener("open", () => {
    if (before) for (const resume of [...resumers]) resume();
    before = true;
  });
  return opened;
}

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
  if (!source) source = openSource();
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
 * Calls `onEvent` for each event of the given types while the component is mounted, and `onMissed` (if given) when
 * the stream comes back after a drop, since the events in between were never sent: a list fetches itself again.
 * @example useEvents(["delivery.delivered"], () => inbox.reload(), () => inbox.reload())
 */
export function useEvents(
  types: readonly LiveEventType[],
  onEvent: (event: LiveEvent) => void,
  onMissed?: () => void,
): void {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  const missed = useRef(onMissed);
  missed.current = onMissed;
  const typeKey = types.join(",");
  useEffect(() => {
    const unsubscribers = (typeKey.split(",") as LiveEventType[]).map((type) =>
      subscribe(type, (event) => callback.current(event)),
    );
    const resume = () => missed.current?.();
    resumers.add(resume);
    return () => {
      resumers.delete(resume);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [typeKey]);
}
