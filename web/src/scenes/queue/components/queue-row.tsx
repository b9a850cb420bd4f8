// One draft in the queue: its subject links to the draft; a clearance row carries the decision inline, an approval
// row says whether every required clearance is in.
import { Link } from "react-router";
import { segment } from "../../../api/client.ts";
import type { QueueItem } from "../../../api/types.ts";
import { ClassificationTag } from "../../../components/classification-banner.tsx";
import { shortTime } from "../../../components/format-time.ts";
import { ClearanceDecision } from "./clearance-decision.tsx";

type Props = { item: QueueItem; kind: "clearance" | "approval"; onDecided: (what: string) => void };

export function QueueRow({ item, kind, onDecided }: Props) {
  const subject = item.subject?.trim() || "(no subject)";
  return (
    <tr>
      <td className="queue-subject">
        <Link to={`/drafts/${segment(item.draftId)}`}>{subject}</Link>
        {item.askedOf && (
          <span className="muted queue-asked-of">
            {" "}
            · asked of {item.askedOf.kind === "office" ? item.askedOf.clearer : "you"}
          </span>
        )}
      </td>
      <td>
        <ClassificationTag classification={item.classification} />
      </td>
      <td className="nowrap">{item.originPost}</td>
      <td className="nowrap">{shortTime(item.updatedAt)}</td>
      <td className="queue-decision">
        {kind === "clearance" && item.clearanceId ? (
          <ClearanceDecision
            draftId={item.draftId}
            clearanceId={item.clearanceId}
            what={subject}
            onDecided={(c) => onDecided(`${c.status === "cleared" ? "Cleared" : "Objected to"}: ${subject}.`)}
          />
        ) : item.cleared ? (
          <span className="badge badge-ok">All clearances in</span>
        ) : (
          <span className="badge badge-muted">Waiting for clearances</span>
        )}
      </td>
    </tr>
  );
}
