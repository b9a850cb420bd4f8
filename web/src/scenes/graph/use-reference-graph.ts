// Loads the references graph of a cable: the cable itself (for its classification and subject), then its
// neighbourhood breadth-first from GET /api/cables/:id/references, which shows only what the user may read.
import { useEffect, useState } from "react";
import { api, ApiError, segment } from "../../api/client.ts";
import type { ArchivedCable, CableReferences } from "../../api/types.ts";
import { buildReferenceGraph, type ReferenceGraph } from "./reference-graph.ts";

/** The most nodes drawn; past it the page says the graph was cut. */
export const MAX_NODES = 150;

export type GraphState = { graph: ReferenceGraph | undefined; error: ApiError | undefined; loading: boolean };

/**
 * The graph of `id` out to `hops`.
 * @example const { graph, error, loading } = useReferenceGraph("09STATE39345", 2)
 */
export function useReferenceGraph(id: string, hops: number): GraphState {
  const [state, setState] = useState<GraphState>({ graph: undefined, error: undefined, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState((s) => ({ ...s, loading: true }));
    const fetchReferences = async (cable: string) => {
      try {
        return await api<CableReferences>("GET", `/api/cables/${segment(cable)}/references`, undefined, signal);
      } catch (e) {
        // A neighbour that is gone (or no longer readable) ends its branch; anything else is the page's error.
        if (e instanceof ApiError && e.code === "CABLE_NOT_FOUND") return null;
        throw e;
      }
    };
    api<ArchivedCable>("GET", `/api/cables/${segment(id)}`, undefined, signal)
      .then(({ cable }) => {
        const centre = {
          id: cable.id ?? id,
          subject: cable.subject,
          dtg: cable.dtg,
          classification: cable.classification,
        };
        return buildReferenceGraph(centre, fetchReferences, { hops, maxNodes: MAX_NODES });
      })
      .then((graph) => {
        if (signal.aborted) return;
        if (!graph) throw new ApiError(404, "CABLE_NOT_FOUND", `No cable ${id} that you may read.`, {});
        setState({ graph, error: undefined, loading: false });
      })
      .catch((e: unknown) => {
        if (signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, "UNKNOWN", String(e), {});
        setState({ graph: undefined, error, loading: false });
      });
    return () => controller.abort();
  }, [id, hops]);
  return state;
}
