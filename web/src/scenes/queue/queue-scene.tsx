// The queue (/queue): drafts awaiting the user's clearance (asked of them or of their offices), to clear or object
// to inline, and drafts of their post submitted for approval. Refreshed live as drafts change.
import { useCallback, useState } from "react";
import type { Queue } from "../../api/types.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { hasRole, useUser } from "../../stores/session.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";
import { QueueList } from "./components/queue-list.tsx";

// Every draft event may add to or take from the queue; a release takes a draft off it.
const QUEUE_EVENTS = [
  "draft.created",
  "draft.updated",
  "draft.discarded",
  "draft.clearance.requested",
  "draft.clearance.cleared",
  "draft.clearance.objected",
  "draft.submitted",
  "cable.released",
] as const;

export function QueueScene() {
  const user = useUser();
  const queue = useApi<Queue>("/api/queue");
  const reload = queue.reload;
  const [notice, setNotice] = useState<string | null>(null);
  useEvents(QUEUE_EVENTS, reload, reload);
  const decided = useCallback(
    (what: string) => {
      setNotice(what);
      reload();
    },
    [reload],
  );

  return (
    <div className="queue">
      <h1>Queue</h1>
      <p className="muted">
        What waits for you{user.offices.length > 0 ? ` and your offices (${user.offices.join(", ")})` : ""}. The lists
        follow changes as they happen.
      </p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <Problem error={queue.error} />
      {!queue.data && queue.loading && <Loading what="Loading your queue" />}
      {queue.data && (
        <>
          <QueueList
            title="Awaiting your clearance"
            empty="Nothing to clear."
            items={queue.data.clearances}
            kind="clearance"
            onDecided={decided}
          />
          {hasRole(user, "approver") && (
            <QueueList
              title="Awaiting your approval"
              empty="No draft of your post is submitted for approval."
              items={queue.data.approvals}
              kind="approval"
              onDecided={decided}
            />
          )}
        </>
      )}
    </div>
  );
}
