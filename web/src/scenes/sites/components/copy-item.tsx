// One copy on the communicator's page: the cable, its precedence, where it is, whether it is late against its
// handling objective or was refused by the link, its hops with times, and the communicator's commands.
import { Link } from "react-router";
import { segment } from "../../../api/client.ts";
import type { TrackedCopy } from "../../../api/types.ts";
import { CopyHops } from "../../../components/copy-hops.tsx";
import { PrecedenceBadge } from "../../../components/precedence-badge.tsx";
import { STATE_WORDS } from "../site-groups.ts";
import { CopyCommands } from "./copy-commands.tsx";

type Props = { copy: TrackedCopy; objectiveMinutes: number | undefined; onDone?: (message: string) => void };

export function CopyItem({ copy, objectiveMinutes, onDone }: Props) {
  return (
    <li className="site-copy" data-copy={copy.id} data-state={copy.state}>
      <div className="site-copy-head">
        <Link to={`/cables/${segment(copy.cableId)}`} className="mono">
          {copy.cableId}
        </Link>
        <PrecedenceBadge precedence={copy.precedence} />
        <span className={`copy-state copy-state-${copy.state}`}>{STATE_WORDS[copy.state]}</span>
        {copy.late && (
          <span className="badge badge-danger" title={`Objective: ${objectiveMinutes ?? "?"} minutes to the inbox`}>
            late
          </span>
        )}
        {copy.heldFor === "resync" && (
          <span className="badge badge-info" title={`Sent once ${copy.site} has answered this node's hello`}>
            held: waiting for resync
          </span>
        )}
        {copy.lastError && copy.state === "queued" && <span className="badge badge-warning">refused by the link</span>}
        {copy.attempt > 0 && <span className="muted small">sent again {copy.attempt}×</span>}
      </div>
      <CopyHops copy={copy} />
      {copy.lastError && <p className="small status-overdue">Last sending failed: {copy.lastError}</p>}
      {onDone && <CopyCommands copy={copy} onDone={onDone} />}
    </li>
  );
}
