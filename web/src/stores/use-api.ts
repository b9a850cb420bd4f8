// Loading state for one API resource: data, error, loading, and reload, with the request aborted when the
// component goes away or the path changes.
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "../api/client.ts";

export type Resource<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches again, keeping the current data on screen meanwhile. */
  reload: () => void;
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

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
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
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  return { data, error, loading, reload };
}
