// The bell in the header: how many notifications are unread, and on opening them the newest, each linking to its
// draft or cable (the server lists only what the user may see now). A new one arrives live (the `notification`
// event); opening one marks it read, and "Mark all read" marks the rest.
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { api } from "../api/client.ts";
import type { NotificationList } from "../api/types.ts";
import { useApi } from "../stores/use-api.ts";
import { useEvents } from "../stores/use-events.ts";
import { shortTime } from "./format-time.ts";
import { notificationWords } from "./notification-words.ts";
import { Problem } from "./problem.tsx";

export function NotificationBell() {
  const list = useApi<NotificationList>("/api/notifications");
  const { reload } = list;
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  useEvents(["notification"], reload, reload);
  const markRead = useCallback(
    async (ids?: string[]) => {
      await api("POST", "/api/notifications/read", ids ? { ids } : {});
      reload();
    },
    [reload],
  );
  // Escape or a click elsewhere closes the list.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => {
      if (panel.current && !panel.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.notifications ?? [];
  return (
    <div className="bell" ref={panel}>
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen((o) => !o)}
      >
        Notifications
        {unread > 0 && (
          <span className="bell-count" aria-label={`${unread} unread`}>
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div id="notification-panel" className="bell-panel" role="region" aria-label="Notifications">
          <Problem error={list.error} />
          {items.length === 0 && <p className="muted">Nothing yet.</p>}
          <ul className="bell-list">
            {items.map((n) => {
              const { title, line } = notificationWords(n);
              return (
                <li key={n.id} className={n.read ? undefined : "unread"} data-kind={n.kind}>
                  <Link
                    to={n.link}
                    onClick={() => {
                      setOpen(false);
                      if (!n.read) void markRead([n.id]);
                    }}
                  >
                    <span className="bell-title">{title}</span>
                    <span className="bell-subject">{n.subject ?? "(no subject)"}</span>
                    <span className="bell-line">{line}</span>
                  </Link>
                  <span className="muted small">{shortTime(n.at)}</span>
                </li>
              );
            })}
          </ul>
          {unread > 0 && (
            <button type="button" onClick={() => void markRead()}>
              Mark all read
            </button>
          )}
        </div>
      )}
    </div>
  );
}
