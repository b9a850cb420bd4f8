// Users: the list, and a form to add one or change one (a new password ends their sessions); removal asks first.
import { useState } from "react";
import { api, segment } from "../../../api/client.ts";
import type { User } from "../../../api/types.ts";
import { Loading, Problem } from "../../../components/problem.tsx";
import { useApi } from "../../../stores/use-api.ts";
import { useUser } from "../../../stores/session.tsx";
import { UserForm } from "./user-form.tsx";

export function UsersPanel() {
  const me = useUser();
  const users = useApi<User[]>("/api/users");
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = users.data ?? [];

  async function remove(user: User) {
    if (!window.confirm(`Remove ${user.username}? Their sessions and tokens end at once.`)) return;
    setError(null);
    try {
      await api("DELETE", `/api/users/${segment(user.username)}`);
      setNotice(`Removed ${user.username}.`);
      users.reload();
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing("new")}>
          Add a user
        </button>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <Problem error={users.error ?? error} />
      {editing && (
        <UserForm
          user={editing === "new" ? null : editing}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            users.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {users.loading && !users.data ? (
        <Loading what="Loading users" />
      ) : (
        <table aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Clearance</th>
              <th scope="col">Accesses and lists</th>
              <th scope="col">Roles</th>
              <th scope="col">Post and offices</th>
              <th scope="col">Sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.username}</th>
                <td>{u.clearance}</td>
                <td>{[...u.accesses, ...u.lists].join(", ") || <span className="muted">none</span>}</td>
                <td>{u.roles.join(", ")}</td>
                <td>
                  {u.post ?? <span className="muted">no post</span>}
                  {u.offices.length > 0 && <span className="muted"> · {u.offices.join(", ")}</span>}
                </td>
                <td>{u.hasPassword ? "password" : <span className="muted">tokens only</span>}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing(u)} aria-label={`Edit ${u.username}`}>
                    Edit
                  </button>
                  {u.username !== me.username && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void remove(u)}
                      aria-label={`Remove ${u.username}`}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
