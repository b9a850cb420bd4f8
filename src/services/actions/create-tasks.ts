// Turns a released cable's action requests into one task per action addressee.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ActionRequest } from "../../core/action-request.ts";
import type { Database } from "../../store/database.ts";
import type { DeliveryTarget } from "../distribution/expand-addressees.ts";
import { normalisePlad } from "../directory/directory-schema.ts";
import { CablegramError } from "../errors.ts";

/**
 * Writes the tasks of `requests` in `db` (the release transaction). A request naming no posts tasks every action
 * addressee; one naming a post that is not an action addressee is an INVALID_INPUT error.
 * @example await createTasks(tx, "08STATE16245", targets, [{ what: "Deliver the demarche", posts: [], due }], now)
 */
export async function createTasks(
  db: Kysely<Database>,
  cableId: string,
  targets: DeliveryTarget[],
  requests: ActionRequest[],
  now: string,
): Promise<void> {
  const actionPosts = new Map<string, DeliveryTarget>();
  for (const t of targets) if (t.role === "action" && !actionPosts.has(t.post)) actionPosts.set(t.post, t);
  const rows = [];
  for (const request of requests) {
    const posts =
      request.posts.length === 0 ? [...actionPosts.values()] : request.posts.map((p) => pick(actionPosts, p));
    for (const post of posts) {
      rows.push({
        id: randomUUID(),
        cable_id: cableId,
        post: post.post,
        station: post.station,
        what: request.what,
        due: new Date(request.due).toISOString(),
        created_at: now,
        reported_at: null,
        reported_by_cable: null,
        done_at: null,
        done_by: null,
        note: null,
      });
    }
  }
  if (rows.length === 0) return;
  await db
    .insertInto("tasks")
    .values(rows)
    .onConflict((oc) => oc.columns(["cable_id", "post", "what"]).doNothing())
    .execute();
}

function pick(actionPosts: Map<string, DeliveryTarget>, ref: string): DeliveryTarget {
  const name = normalisePlad(ref);
  const station = name.replace(/[^A-Z0-9]/g, "");
  const found = actionPosts.get(name) ?? [...actionPosts.values()].find((t) => t.station === station);
  if (found) return found;
  throw new CablegramError(
    "INVALID_INPUT",
    `The action request names ${JSON.stringify(ref)}, not an action addressee.`,
    {
      issues: [{ path: "actionRequests.posts", message: `${ref} is not among the action addressees` }],
    },
  );
}
