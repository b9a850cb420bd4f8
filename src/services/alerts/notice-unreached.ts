// Tells who drafted and who released a cable that its NIACT alert reached nobody at some action posts (no duty
// officer on the roster there), so headquarters learns of it without watching the alerts page (issue 17 items 7
// and 9). One notification per person and cable for the alerts found so in one pass, naming the posts.
import { createHash } from "node:crypto";
import { readableBy } from "../access/readable-by.ts";
import { notify, type NotifyDeps } from "../notifications/notify.ts";
import { userFromRow } from "../users/user-rows.ts";
import { readerOf } from "../users/reader-of.ts";
import type { UnassignedAlert } from "./send-due-alerts.ts";

/**
 * Notifies the drafter and the releaser of each cable (`alert.unreached`) of its NIACT alerts that reached nobody,
 * if they may read the cable. Cables not released here (imported) have nobody to tell. Returns how many it left.
 * @example await noticeUnreachedAlerts(deps, [{ alertId, kind: "niact", cableId: "26STATE12", post: "AMEMBASSY PANAMA" }]) // 2
 */
export async function noticeUnreachedAlerts(deps: NotifyDeps, alerts: readonly UnassignedAlert[]): Promise<number> {
  const byCable = new Map<string, UnassignedAlert[]>();
  for (const a of alerts.filter((a) => a.kind === "niact"))
    byCable.set(a.cableId, [...(byCable.get(a.cableId) ?? []), a]);
  let left = 0;
  for (const [cableId, unreached] of byCable) {
    const draft = await deps.store.db
      .selectFrom("drafts")
      .select(["id", "created_by", "released_by"])
      .where("released_id", "=", cableId)
      .executeTakeFirst();
    if (!draft) continue;
    const ids = [...new Set([draft.created_by, draft.released_by].filter((id): id is string => id !== null))];
    const users = (await deps.store.db.selectFrom("users").selectAll().where("id", "in", ids).execute()).map(
      userFromRow,
    );
    const posts = [...new Set(unreached.map((a) => a.post))].sort();
    const alertKey = createHash("sha256")
      .update(
        unreached
          .map((a) => a.alertId)
          .sort()
          .join(","),
      )
      .digest("hex")
      .slice(0, 32);
    for (const user of users) {
      const cable = await deps.store.db
        .selectFrom("cables as c")
        .select(["c.subject", "c.classification"])
        .where("c.id", "=", cableId)
        .where(readableBy(readerOf(user), "c"))
        .executeTakeFirst();
      if (!cable) continue;
      const notices = await notify(deps, cable, [
        {
          userId: user.id,
          kind: "alert.unreached",
          onceKey: `unreached:${cableId}:${alertKey}:${user.id}`,
          cableId,
          draftId: draft.id,
          detail: { posts, alerts: unreached.map((a) => a.alertId) },
        },
      ]);
      left += notices.length;
    }
  }
  return left;
}
