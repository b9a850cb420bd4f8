// One list of the queue, as a table: subject (a link to the draft), classification, origin post, last change,
// and what to do: the clearance decision inline, or whether the draft is ready to release.
import type { QueueItem } from "../../../api/types.ts";
import { QueueRow } from "./queue-row.tsx";

type Props = {
  title: string;
  empty: string;
  items: QueueItem[];
  kind: "clearance" | "approval";
  onDecided: (what: string) => void;
};

export function QueueList({ title, empty, items, kind, onDecided }: Props) {
  const id = `queue-${kind}`;
  return (
    <section className="card queue-list" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Class.</th>
              <th scope="col">Origin</th>
              <th scope="col">Updated</th>
              <th scope="col">{kind === "clearance" ? "Your decision" : "Status"}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <QueueRow
                key={`${item.draftId}-${item.clearanceId ?? "a"}`}
                item={item}
                kind={kind}
                onDecided={onDecided}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
