// Live updates: subscribes to the server's event stream (server-sent events) and calls back on the event types
// asked for. The server sends only events on cables the user may read; the browser reconnects by itself.
import { useEffect, useRef } from "react";
import { query } from "../api/client.ts";

/** An event as the stream carries it. */
export type LiveEvent = {
  type: string;
  cableId: string | null;
  post: string | null;
  office: string | null;
  data: Record<string, unknown>;
};

/**
 * Calls `onEvent` for each event of the given types, optionally narrowed to one post's or office's inbox.
 * @example useEvents(["delivery.delivered"], () => inbox.reload(), { post: "PANAMA" })
 */
export function useEvents(
  types: readonly string[],
  onEvent: (event: LiveEvent) => void,
  scope: { post?: string | null; office?: string | null } = {},
): void {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  const typeKey = types.join(",");
  useEffect(() => {
    const source = new EventSource(`/api/events${query({ post: scope.post, office: scope.office })}`);
    const listener = (message: MessageEvent<string>) => {
      try {
        callback.current(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A frame that is not JSON is not ours to act on.
      }
    };
    const names = typeKey.split(",");
    for (const name of names) source.addEventListener(name, listener);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
    };
  }, [typeKey, scope.post, scope.office]);
}
