// The inbox as a table: one row per delivery, the selected row highlighted and scrolled into view.
import { useEffect, useRef } from "react";
import { isAlerting } from "../../../../../src/core/index.ts";
import type { Delivery } from "../../../api/types.ts";
import { ClassificationTag } from "../../../components/classification-banner.tsx";
import { shortTime } from "../../../components/format-time.ts";
import { PrecedenceBadge } from "../../../components/precedence-badge.tsx";
import { SlugButton } from "./slug-button.tsx";

type Props = {
  items: Delivery[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (delivery: Delivery) => void;
  onAcknowledge: (delivery: Delivery) => void;
  canSlug: boolean;
  onSlugged: () => void;
};

export function InboxTable({ items, selected, onSelect, onOpen, onAcknowledge, canSlug, onSlugged }: Props) {
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    body.current?.children[selected]?.scrollIntoView({ block: "nearest" });
  }, [selected]);

  if (items.length === 0) return <p className="card muted">Nothing in this inbox.</p>;
  return (
    <table className="inbox-table" aria-label="Deliveries">
      <thead>
        <tr>
          <th scope="col">Precedence</th>
          <th scope="col">Role</th>
          <th scope="col">Cable</th>
          <th scope="col">Subject</th>
          <th scope="col">Delivered</th>
          <th scope="col">Acknowledged</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {items.map((d, i) => {
          const urgent = isAlerting(d.precedence);
          const classes = [d.read ? "" : "unread", i === selected ? "selected" : "", urgent ? "urgent" : ""];
          return (
            <tr
              key={d.id}
              className={classes.filter(Boolean).join(" ")}
              aria-selected={i === selected}
              onClick={() => onSelect(i)}
              onDoubleClick={() => onOpen(d)}
            >
              <td>
                <PrecedenceBadge precedence={d.precedence} />
                {d.escalated && !d.acknowledged && <span className="badge badge-danger">overdue</span>}
              </td>
              <td>
                <span className={`badge ${d.role === "action" ? "badge-role-action" : "badge-muted"}`}>
                  {d.role.toUpperCase()}
                </span>
              </td>
              <td className="mono">
                <ClassificationTag classification={d.classification} />{" "}
                <a
                  href={`/cables/${encodeURIComponent(d.cableId)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(d);
                  }}
                >
                  {d.cableId}
                </a>
              </td>
              <td>
                {d.subject ?? <span className="muted">(no subject)</span>}
                {d.sluggedFrom && <div className="muted small">slugged from {d.sluggedFrom}</div>}
                {d.routingHint.length > 0 && <div className="muted small">Routing: {d.routingHint.join("; ")}</div>}
              </td>
              <td>{shortTime(d.deliveredAt)}</td>
              <td>
                {d.acknowledged ? (
                  <span
                    className="badge badge-ok"
                    title={`by ${d.acknowledgedBy ?? "?"} at ${shortTime(d.acknowledgedAt)}`}
                  >
                    ✓ {d.acknowledgedBy}
                  </span>
                ) : (
                  <button type="button" onClick={() => onAcknowledge(d)} aria-label={`Acknowledge ${d.cableId}`}>
                    Acknowledge
                  </button>
                )}
                {canSlug && !d.office && <SlugButton delivery={d} onSlugged={onSlugged} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
