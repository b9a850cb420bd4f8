// Adding or changing a user: clearance, caveat accesses (NOFORN), distribution lists (NODIS/EXDIS), roles, home
// post and offices, an e-mail address for notifications, and a password (left empty: unchanged, or token-only for
// a new user).
import { useState, type FormEvent } from "react";
import { CLASSIFICATIONS } from "../../../../../src/core/index.ts";
import { ROLES } from "../../../../../src/core/roles.ts";
import { api, segment } from "../../../api/client.ts";
import type { User } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";
import { joinList, splitList } from "./list-field.ts";

type Props = { user: User | null; onDone: (message: string) => void; onCancel: () => void };

export function UserForm({ user, onDone, onCancel }: Props) {
  const [username, setUsername] = useState(user?.username ?? "");
  const [clearance, setClearance] = useState<string>(user?.clearance ?? "UNCLASSIFIED");
  const [accesses, setAccesses] = useState(joinList(user?.accesses ?? []));
  const [lists, setLists] = useState(joinList(user?.lists ?? []));
  const [roles, setRoles] = useState<string[]>(user?.roles ?? ["reader"]);
  const [post, setPost] = useState(user?.post ?? "");
  const [offices, setOffices] = useState(joinList(user?.offices ?? []));
  const [email, setEmail] = useState(user?.email ?? "");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<Error | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const fields = {
      clearance,
      accesses: splitList(accesses),
      lists: splitList(lists),
      roles,
      post: post.trim() || null,
      offices: splitList(offices),
      email: email.trim() || null,
      ...(password ? { password } : {}),
    };
    try {
      if (user) {
        await api("PATCH", `/api/users/${segment(user.username)}`, fields);
        onDone(`Saved ${user.username}.`);
      } else {
        await api("POST", "/api/users", { username: username.trim(), ...fields, password: password || null });
        onDone(`Added ${username.trim()}.`);
      }
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <form
      className="card admin-form"
      onSubmit={(e) => void submit(e)}
      aria-label={user ? `Edit ${user.username}` : "Add a user"}
    >
      <h2>{user ? `Edit ${user.username}` : "Add a user"}</h2>
      <div className="form-grid">
        {!user && (
          <label>
            Username
            <input required value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
          </label>
        )}
        <label>
          Clearance
          <select value={clearance} onChange={(e) => setClearance(e.target.value)}>
            {CLASSIFICATIONS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Caveat accesses
          <input value={accesses} onChange={(e) => setAccesses(e.target.value)} placeholder="e.g. NOFORN" />
        </label>
        <label>
          Distribution lists
          <input value={lists} onChange={(e) => setLists(e.target.value)} placeholder="e.g. NODIS-KOSOVO" />
        </label>
        <label>
          Home post
          <input
            value={post}
            onChange={(e) => setPost(e.target.value)}
            placeholder="e.g. STATE, PANAMA, AMEMBASSY PARIS"
          />
        </label>
        <label>
          Offices
          <input value={offices} onChange={(e) => setOffices(e.target.value)} placeholder="e.g. IO/UNP, EUR/SCE" />
        </label>
        <label>
          E-mail for notifications
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="name@example.org" />
        </label>
        <label>
          {user ? "New password (empty: unchanged)" : "Password (empty: API tokens only)"}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
        </label>
      </div>
      <fieldset>
        <legend>Roles</legend>
        {ROLES.map((role) => (
          <label key={role} className="inline-check">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
            />
            {role}
          </label>
        ))}
      </fieldset>
      <Problem error={error} />
      <div className="toolbar">
        <button type="submit" className="primary">
          {user ? "Save" : "Add"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
