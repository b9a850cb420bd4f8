// Loading state for one API resource: data, error, loading, and reload, with the request aborted when the
// component goes away or the path changes; and refresh, for pages that follow live events, which never aborts a
// fetch under way but queues one more after it.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "../api/client.ts";

export type Resource<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches again, keeping the current data on screen meanwhile. */
  reload: () => void;
  /**
   * Fetches again once the fetch under way, if any, has answered: at most one fetch in flight and one queued, so a
   * burst of events costs two requests, and a stream of them never keeps the page from getting an answer.
   */
  refresh: () => void;
};

/**
 * GETs `path` (null: nothing yet) and keeps the answer.
 * @example const inbox = useApi<{ items: Delivery[] }>(`/api/inbox?post=PANAMA`)
 */
export function useApi<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Set from the moment a fetch is asked for, not from when React starts it, so refreshes in between queue.
  const inFlight = useRef(false);
  const queued = useRef(false);
  const refresh = useCallback(() => {
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    inFlight.current = true;
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    inFlight.current = true;
    setLoading(true);
    api<T>("GET", path, undefined, controller.signal)
      .then((value) => {
        setData(value);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, "UNKNOWN", String(e), {}));
      })
      .finally(() => {
        // An aborted fetch hands over to the one that replaced it (or to nothing, once the page has gone).
        if (controller.signal.aborted) return;
        setLoading(false);
        inFlight.current = false;
        if (queued.current) {
          queued.current = false;
          refresh();
        }
      });
    return () => controller.abort();
  }, [path, generation, refresh]);

  return { data, error, loading, reload, refresh };
}
