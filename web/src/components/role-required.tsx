// A page that needs a role the user lacks: a short explanation of which role and who grants it, instead of the
// page drawn greyed out with nothing that works.
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Role } from "../../../src/core/roles.ts";
import { hasRole, useUser } from "../stores/session.tsx";

type Props = {
  role: Role;
  /** What the page is for, in a few words: "Composing cables". */
  what: string;
  children: ReactNode;
};

/** Shows `children` to a user holding `role`, and to anyone else a page saying which role is needed. */
export function RoleRequired({ role, what, children }: Props) {
  const user = useUser();
  if (hasRole(user, role)) return <>{children}</>;
  return (
    <section className="role-required" aria-labelledby="role-required-title">
      <h1 id="role-required-title">
        {what} needs the {role} role
      </h1>
      <p>
        You are signed in as <strong>{user.username}</strong> with the roles {user.roles.join(", ") || "none"}. An
        administrator can give you the <strong>{role}</strong> role in Administration, Users.
      </p>
      <p>
        <Link to="/inbox">Back to the inbox</Link>
      </p>
    </section>
  );
}
