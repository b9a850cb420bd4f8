// Who answers for a post's traffic: acknowledging its copy or its alert stops the escalation meant to wake someone
// there, so only the post's own communicators, its duty officers on the roster and administrators may.
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import { hasRole, type User } from "../users/user-schema.ts";

/** A post as a delivery or an alert names it: its PLAD and its station. */
export type PostOfTraffic = { post: string; station: string | null };

/**
 * Whether the user may acknowledge for the post: an administrator, a communicator whose home post it is, or one of
 * its duty officers on the roster.
 * @example await answersForPost(db, dutyPanama, { post: "AMEMBASSY PANAMA", station: "PANAMA" }) // true
 */
export async function answersForPost(db: Kysely<Database>, user: User, { post, station }: PostOfTraffic) {
  if (user.roles.includes("admin")) return true;
  if (hasRole(user, "communicator") && user.post !== null && user.post === station) return true;
  const onDuty = await db
    .selectFrom("duty_officers")
    .select("post")
    .where("post", "=", post)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  return onDuty !== undefined;
}
