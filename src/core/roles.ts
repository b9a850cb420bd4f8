// What a user may do: the roles, one list giving the values, the type and their order, and the one test of holding one.

/**
 * What a user may do. `admin` manages users and the directory; `reviewer` decides what of a classified cable is
 * declassified (declass-review.ts); the others are stages of a cable's life.
 */
export const ROLES = ["reader", "drafter", "approver", "communicator", "archivist", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whether the user holds a role. Admins hold every role, so an administrator is never locked out of a screen.
 * @example hasRole({ roles: ["admin"] }, "drafter") // true
 */
export function hasRole(user: { roles: readonly Role[] }, role: Role): boolean {
  return user.roles.includes(role) || user.roles.includes("admin");
}
