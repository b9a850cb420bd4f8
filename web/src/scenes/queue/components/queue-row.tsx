// One draft in the queue: its subject links to the draft; a clearance row carries the decision inline and, when
// asked again, what changed since the last decision; an approval row says who drafted it, when it was submitted,
// which clearances are given and which pending, and whether every required one is in.
import { Link } from "react-router";
import { segment } from "../../../api/client.ts";
import type { QueueItem } from "../../../api/types.ts";
import { ClassificationTag } from "../../../components/classification-banner.tsx";
import { ChangesSince } from "../../../components/changes-since.tsx";
import { shortTime } from "../../../components/format-time.ts";
import { ClearanceDecision } from "./clearance-decision.tsx";

type Props = { item: QueueItem; kind: "clearance" | "approval"; onDecided: (what: string) => void };

export function QueueRow({ item, kind, onDecided }: Props) {
  const subject = item.subject?.trim() || "(no subject)";
  if (kind === "approval") {
    const given = item.clearances.filter((c) => c.status === "cleared");
    const pending = item.clearances.filter((c) => c.status !== "cleared");
    return (
      <tr>
        <td className="queue-subject">
          <Link to={`/drafts/${segment(item.draftId)}`}>{subject}</Link>
        </td>
        <td>
          <ClassificationTag classification={item.classification} />
        </td>
        <td className="nowrap">{item.drafter}</td>
        <td className="nowrap">{shortTime(item.submittedAt)}</td>
        <td className="queue-clearances">
          {item.clearances.length === 0 && <span className="muted">none asked</span>}
          {given.length > 0 && <span>Given: {given.map((c) => c.clearer).join(", ")}</span>}
          {given.length > 0 && pending.length > 0 && <br />}
          {pending.length > 0 && (
            <span>
              Pending: {pending.map((c) => `${c.clearer}${c.status === "objected" ? " (objects)" : ""}`).join(", ")}
            </span>
          )}
        </td>
        <td className="queue-decision">
          {item.cleared ? (
            <span className="badge badge-ok">All clearances in</span>
          ) : (
            <span className="badge badge-muted">Waiting for clearances</span>
          )}
        </td>
      </tr>
    );
  }
  const row = (
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
        {item.clearanceId && (
          <ClearanceDecision
            draftId={item.draftId}
            clearanceId={item.clearanceId}
            what={subject}
            onDecided={(c) => onDecided(`${c.status === "cleared" ? "Cleared" : "Objected to"}: ${subject}.`)}
          />
        )}
      </td>
    </tr>
  );
  if (!item.sinceLastDecision) return row;
  return (
    <>
      {row}
      <tr className="queue-changes">
        <td colSpan={5}>
          <ChangesSince
            last={item.sinceLastDecision}
            who={item.askedOf?.kind === "office" ? item.askedOf.clearer : "you"}
          />
        </td>
      </tr>
    </>
  );
}
