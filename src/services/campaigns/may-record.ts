// Who may create campaigns and record positions: the officers who draft and approve the cables that carry them.
import type { ActingUser, SYSTEM_ACTING } from "../acting.ts";
import type { Actor } from "../audit/audit-entry.ts";
import { CablegramError } from "../errors.ts";

/** Who records: a user (a `User` is one), or the system (the first start's preload, the CLI). */
export type Recorder = (ActingUser & { readonly id: string }) | typeof SYSTEM_ACTING;

/** The roles that may record (admins hold every role). */
export const RECORDING_ROLES = ["drafter", "approver", "admin"] as const;

/**
 * Throws FORBIDDEN unless the system acts or the user is a drafter, an approver or an administrator: a reader
 * reads tallies, he does not change them.
 * @example assertMayRecord({ username: "ada", roles: ["reader"] }, "recording a position") // throws FORBIDDEN
 */
export function assertMayRecord(by: Recorder, what: string): void {
  if ("system" in by || by.roles.some((r) => (RECORDING_ROLES as readonly string[]).includes(r))) return;
  const sentence = what.charAt(0).toUpperCase() + what.slice(1);
  throw new CablegramError("FORBIDDEN", `${sentence} needs the drafter, approver or admin role.`, {
    role: "drafter",
  });
}

/**
 * The audit actor and the `recordedBy` name of a recorder.
 * @example recorderOf(SYSTEM_ACTING) // { actor: { userId: null, username: null }, name: "system" }
 */
export function recorderOf(by: Recorder): { actor: Actor; name: string } {
  if ("system" in by) return { actor: { userId: null, username: null }, name: "system" };
  return { actor: { userId: by.id, username: by.username }, name: by.username };
}
