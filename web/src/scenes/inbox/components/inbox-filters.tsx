// The inbox's controls: whose inbox (the post or one of the user's offices) and what to show of it.
import { PRECEDENCES } from "../../../../../src/core/index.ts";

export type InboxFilter = {
  /** `post:PANAMA` or `office:IO/UNP`. */
  box: string;
  precedence: string;
  role: string;
  unread: boolean;
  unacknowledged: boolean;
  /** "newest" or "precedence" (the most urgent first). */
  sort: string;
};

type Props = { filter: InboxFilter; boxes: string[]; onChange: (next: InboxFilter) => void };

export function InboxFilters({ filter, boxes, onChange }: Props) {
  return (
    <div className="toolbar" role="group" aria-label="Inbox filters">
      {boxes.length > 1 && (
        <label>
          Inbox of
          <select value={filter.box} onChange={(e) => onChange({ ...filter, box: e.target.value })}>
            {boxes.map((b) => (
              <option key={b} value={b}>
                {b.replace(/^post:/, "Post ").replace(/^office:/, "Office ")}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Precedence
        <select value={filter.precedence} onChange={(e) => onChange({ ...filter, precedence: e.target.value })}>
          <option value="">Any</option>
          {PRECEDENCES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Role
        <select value={filter.role} onChange={(e) => onChange({ ...filter, role: e.target.value })}>
          <option value="">Action and info</option>
          <option value="action">Action</option>
          <option value="info">Info</option>
        </select>
      </label>
      <label>
        Order
        <select value={filter.sort} onChange={(e) => onChange({ ...filter, sort: e.target.value })}>
          <option value="newest">Newest first</option>
          <option value="precedence">Most urgent first</option>
        </select>
      </label>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={filter.unread}
          onChange={(e) => onChange({ ...filter, unread: e.target.checked })}
        />
        Unread only
      </label>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={filter.unacknowledged}
          onChange={(e) => onChange({ ...filter, unacknowledged: e.target.checked })}
        />
        Not acknowledged
      </label>
    </div>
  );
}
