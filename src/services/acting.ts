// Who asks an administrative service to act: a signed-in user, whose roles the service checks itself, or the system
// (the `cablegram` command and the first start, which hold the database and so every right already). The server's
// route configuration checks roles too; the services check again, so that one mistake at the edge is not enough.
import type { Role } from "../core/roles.ts";
import { CablegramError } from "./errors.ts";

/** The system acting: the CLI with database access, the server's first start. Never a request's user. */
export const SYSTEM_ACTING = Object.freeze({ system: true as const });

/** A user as the role checks see one: a `User` is one. */
export type ActingUser = { readonly username: string; readonly roles: readonly Role[] };

/** A user, or the system. */
export type Acting = ActingUser | typeof SYSTEM_ACTING;

/**
 * Throws FORBIDDEN unless the system acts or the user is an administrator.
 * @example assertAdmin(reader, "reading the audit log") // throws FORBIDDEN: "Reading the audit log needs the admin role."
 */
export function assertAdmin(by: Acting, what: string): void {
  if ("system" in by || by.roles.includes("admin")) return;
  const sentence = what.charAt(0).toUpperCase() + what.slice(1);
  throw new CablegramError("FORBIDDEN", `${sentence} needs the admin role.`, { role: "admin" });
}

/**
 * Throws FORBIDDEN unless the system acts, the user is an administrator, or the user acts on his own account.
 * @example assertAdminOrSelf(alice, "bob", "listing a user's API tokens") // throws FORBIDDEN
 */
export function assertAdminOrSelf(by: Acting, username: string, what: string): void {
  if ("system" in by || by.username === username.toLowerCase()) return;
  assertAdmin(by, what);
}
