// Who may see the declassification schedule: its dashboard, the due list, `decl:` searches and release proposals.
import { hasRole, type Role } from "../roles.ts";

/** The roles that may see the schedule (admins hold every role). */
export const SCHEDULE_ROLES: readonly Role[] = ["archivist", "reviewer", "admin"];

/**
 * Whether a user may see the declassification schedule.
 * @example maySeeSchedule({ roles: ["archivist"] }) // true
 * @example maySeeSchedule({ roles: ["reader", "drafter"] }) // false
 */
export function maySeeSchedule(user: { roles: readonly Role[] }): boolean {
  return SCHEDULE_ROLES.some((role) => hasRole(user, role));
}
