// New cables the user's watching saved searches matched: listed beside the saved searches, kept fresh by the live
// `notification` event, and marked read in one go.
import { useCallback } from "react";
import { Link } from "react-router";
import { api } from "../../api/client.ts";
import type { SearchNoticeList } from "../../api/types.ts";
import { Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";

export function SearchNotices() {
  const notices = useApi<SearchNoticeList>("/api/search-notices");
  const { reload } = notices;
  useEvents(["notification"], reload, reload);
  const markRead = useCallback(async () => {
    await api("POST", "/api/search-notices/read");
    reload();
  }, [reload]);
  const items = notices.data?.notices ?? [];
  if (notices.error) return <Problem error={notices.error} />;
  if (items.length === 0) return null;
  const unread = notices.data?.unread ?? 0;
  return (
    <section className="search-notices" aria-labelledby="search-notices-title">
      <h2 id="search-notices-title" className="side-title">
        New matches{unread > 0 ? ` (${unread} unread)` : ""}
      </h2>
      <ul className="notice-list">
        {items.map((n) => (
          <li key={n.id} className={n.read ? undefined : "unread"}>
            <Link to={`/cables/${encodeURIComponent(n.cableId)}`}>
              <span className="mono">{n.cableId}</span> {n.subject ?? ""}
            </Link>
            <span className="muted"> for {n.name}</span>
          </li>
        ))}
      </ul>
      {unread > 0 && (
        <button type="button" onClick={() => void markRead()}>
          Mark all read
        </button>
      )}
    </section>
  );
}
