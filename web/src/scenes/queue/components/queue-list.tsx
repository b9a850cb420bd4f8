// One list of the queue, as a table: subject (a link to the draft), classification, origin post and last change,
// and the clearance decision inline; or, for approval, the drafter, when it was submitted, the clearances given and
// pending, and whether it is ready to release.
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
            {kind === "clearance" ? (
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Class.</th>
                <th scope="col">Origin</th>
                <th scope="col">Updated</th>
                <th scope="col">Your decision</th>
              </tr>
            ) : (
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Class.</th>
                <th scope="col">Drafter</th>
                <th scope="col">Submitted</th>
                <th scope="col">Clearances</th>
                <th scope="col">Status</th>
              </tr>
            )}
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
