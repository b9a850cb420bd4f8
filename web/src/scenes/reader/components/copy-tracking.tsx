// Where this cable's copies to other sites are: one line an addressee site, with each hop and its time. Nothing
// on a one-node system or for a cable that went to no other site. Follows the copies every few seconds until each
// has reached its inbox.
import { useEffect } from "react";
import { segment } from "../../../api/client.ts";
import type { TrackedCopy } from "../../../api/types.ts";
import { CopyHops } from "../../../components/copy-hops.tsx";
import { useApi } from "../../../stores/use-api.ts";

const REFRESH_MS = 5000;

type Props = { cableId: string };

export function CopyTracking({ cableId }: Props) {
  const tracking = useApi<{ items: TrackedCopy[] }>(`/api/cables/${segment(cableId)}/tracking`);
  const items = tracking.data?.items ?? [];
  const travelling = items.some((c) => c.deliveredAt === null && c.state !== "cancelled");
  const { reload } = tracking;
  useEffect(() => {
    if (!travelling) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [travelling, reload]);
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="copy-tracking">
      <h2 id="copy-tracking">Tracking to other sites</h2>
      <ul className="side-list">
        {items.map((copy) => (
          <li key={copy.id} data-site={copy.site}>
            <strong>{copy.site}</strong> <span className="muted small">{copy.precedence}</span>
            {copy.late && <span className="status-overdue small"> late</span>}
            <CopyHops copy={copy} />
          </li>
        ))}
      </ul>
    </section>
  );
}
