// Where one copy of a cable to another site is: its hops in order (queued at the origin, in transit, stored at
// the destination, delivered to the inbox, acknowledged by a person), each with its time, the ones not reached
// yet greyed. Shared by the communicator's page and the reader's tracking card.
import type { TrackedCopy } from "../api/types.ts";
import { preciseTime } from "./format-time.ts";
import "./copy-hops.css";

/** The hops, in order, with the words a relay operator uses and the time field of each. */
const HOPS = [
  { label: "Queued here", at: (c: TrackedCopy) => c.queuedAt },
  { label: "In transit", at: (c: TrackedCopy) => c.sentAt },
  { label: "Stored there", at: (c: TrackedCopy) => c.storedAt },
  { label: "In the inbox", at: (c: TrackedCopy) => c.deliveredAt },
  { label: "Acknowledged", at: (c: TrackedCopy) => c.ackedAt },
] as const;

type Props = { copy: TrackedCopy };

export function CopyHops({ copy }: Props) {
  return (
    <ol className="copy-hops" aria-label={`Hops of ${copy.cableId} to ${copy.site}`}>
      {HOPS.map((hop) => {
        const at = hop.at(copy);
        return (
          <li key={hop.label} className={at ? "hop-reached" : "hop-pending"}>
            <span className="hop-label">{hop.label}</span>{" "}
            <time className="hop-time" dateTime={at ?? undefined}>
              {at ? preciseTime(at) : "not yet"}
            </time>
            {hop.label === "Acknowledged" && copy.ackedBy && <span className="muted small"> by {copy.ackedBy}</span>}
          </li>
        );
      })}
      {copy.cancelledAt && (
        <li className="hop-cancelled">
          <span className="hop-label">Cancelled</span>{" "}
          <time dateTime={copy.cancelledAt}>{preciseTime(copy.cancelledAt)}</time>
        </li>
      )}
    </ol>
  );
}
