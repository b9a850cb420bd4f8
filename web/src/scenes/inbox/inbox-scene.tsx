// The inbox of the user's post or of one of their offices: newest first, NIACT and FLASH unmistakable, unread in
// bold, acknowledge in one key, live updates as deliveries arrive. Keys: j/k or arrows move, Enter opens, a acks.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { api, query, segment } from "../../api/client.ts";
import type { Delivery } from "../../api/types.ts";
import { usePageShortcuts, type Shortcut } from "../../components/keyboard-help.tsx";
import { Loading, Problem } from "../../components/problem.tsx";
import { hasRole, useUser } from "../../stores/session.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";
import { InboxFilters, type InboxFilter } from "./components/inbox-filters.tsx";
import { InboxTable } from "./components/inbox-table.tsx";
import { useListKeys } from "./components/use-list-keys.ts";

/** The inbox's keys, as its list binds them (`useListKeys`: j/k and the arrows move, the rest act). */
const INBOX_SHORTCUTS: readonly Shortcut[] = [
  { keys: ["j", "↓"], does: "Select the next (older) delivery" },
  { keys: ["k", "↑"], does: "Select the previous (newer) delivery" },
  { keys: ["Enter"], does: "Open the selected cable" },
  { keys: ["a"], does: "Acknowledge the selected delivery" },
];

const LIVE_EVENTS = ["delivery.delivered", "delivery.acknowledged", "delivery.read", "delivery.escalated"] as const;

export function InboxScene() {
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: InboxFilter = {
    box: params.get("office") ? `office:${params.get("office")}` : `post:${params.get("post") ?? user.post ?? ""}`,
    precedence: params.get("precedence") ?? "",
    role: params.get("role") ?? "",
    unread: params.get("unread") === "true",
    unacknowledged: params.get("unacknowledged") === "true",
    sort: params.get("sort") === "precedence" ? "precedence" : "newest",
  };
  const [kind, name] = splitBox(filter.box);
  const path = `/api/inbox${query({
    post: kind === "post" ? name : undefined,
    office: kind === "office" ? name : undefined,
    precedence: filter.precedence,
    role: filter.role,
    unread: filter.unread || undefined,
    unacknowledged: filter.unacknowledged || undefined,
    sort: filter.sort === "precedence" ? "precedence" : undefined,
  })}`;
  const inbox = useApi<{ items: Delivery[] }>(kind === "post" && !name ? null : path);
  const reload = inbox.reload;
  useEvents(LIVE_EVENTS, reload, reload);

  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const [selected, setSelected] = useState(0);
  const [actionError, setActionError] = useState<Error | null>(null);
  useEffect(() => setSelected((s) => Math.min(s, Math.max(items.length - 1, 0))), [items.length]);

  const open = useCallback(
    (delivery: Delivery) => {
      if (!delivery.read) void api("POST", `/api/deliveries/${segment(delivery.id)}/read`).catch(() => undefined);
      navigate(`/cables/${segment(delivery.cableId)}`);
    },
    [navigate],
  );
  const acknowledge = useCallback(
    async (delivery: Delivery) => {
      if (delivery.acknowledged) return;
      setActionError(null);
      try {
        await api("POST", `/api/deliveries/${segment(delivery.id)}/ack`);
        reload();
      } catch (e) {
        setActionError(e as Error);
      }
    },
    [reload],
  );
  usePageShortcuts(INBOX_SHORTCUTS);
  useListKeys(items.length, selected, setSelected, {
    Enter: () => items[selected] && open(items[selected]),
    a: () => items[selected] && void acknowledge(items[selected]),
  });

  const setFilter = (next: InboxFilter) => {
    const [k, n] = splitBox(next.box);
    const search = new URLSearchParams();
    if (k === "office") search.set("office", n);
    else if (n && n !== user.post) search.set("post", n);
    if (next.precedence) search.set("precedence", next.precedence);
    if (next.role) search.set("role", next.role);
    if (next.unread) search.set("unread", "true");
    if (next.unacknowledged) search.set("unacknowledged", "true");
    if (next.sort === "precedence") search.set("sort", "precedence");
    setParams(search, { replace: true });
  };

  const unread = items.filter((d) => !d.read).length;
  return (
    <>
      <h1>
        Inbox: {name || "no post"}
        {unread > 0 && <span className="muted"> · {unread} unread</span>}
      </h1>
      {!user.post && <p className="muted">You have no home post; ask an administrator to set one.</p>}
      <InboxFilters
        filter={filter}
        boxes={[...(user.post ? [`post:${user.post}`] : []), ...user.offices.map((o) => `office:${o}`)]}
        onChange={setFilter}
      />
      <p className="muted keys-hint">
        <span className="kbd">j</span>/<span className="kbd">k</span> move · <span className="kbd">Enter</span> open ·{" "}
        <span className="kbd">a</span> acknowledge
      </p>
      <Problem error={inbox.error ?? actionError} />
      {inbox.loading && !inbox.data ? (
        <Loading what="Loading the inbox" />
      ) : (
        <InboxTable
          items={items}
          selected={selected}
          onSelect={setSelected}
          onOpen={open}
          onAcknowledge={(d) => void acknowledge(d)}
          canSlug={hasRole(user, "communicator")}
          onSlugged={reload}
        />
      )}
    </>
  );
}

function splitBox(box: string): ["post" | "office", string] {
  const at = box.indexOf(":");
  return [box.slice(0, at) === "office" ? "office" : "post", box.slice(at + 1)];
}
