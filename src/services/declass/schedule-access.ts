// Who may see the declassification schedule, checked by every service of it (the routes check nothing more).
import { maySeeSchedule, SCHEDULE_ROLES } from "../../core/index.ts";
import type { Acting } from "../acting.ts";
import { CablegramError } from "../errors.ts";

/**
 * Throws FORBIDDEN unless the system acts or the user holds a role of SCHEDULE_ROLES.
 * @example assertMaySeeSchedule(reader) // throws FORBIDDEN: "The declassification schedule needs the archivist or admin role."
 */
export function assertMaySeeSchedule(by: Acting): void {
  if ("system" in by || maySeeSchedule(by)) return;
  throw new CablegramError(
    "FORBIDDEN",
    `The declassification schedule needs one of the roles ${new Intl.ListFormat("en", { type: "disjunction" }).format(SCHEDULE_ROLES)}; ask an administrator.`,
    { role: SCHEDULE_ROLES[0] },
  );
}
