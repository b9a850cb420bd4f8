// The duty roster: who is alerted at once, whatever the hour, when a NIACT IMMEDIATE or FLASH cable reaches a
// post, and by which webhook or e-mail address beside the in-app alert.
import { useState, type FormEvent } from "react";
import { api, segment } from "../../../api/client.ts";
import type { DutyOfficer, User } from "../../../api/types.ts";
import { Loading, Problem } from "../../../components/problem.tsx";
import { useApi } from "../../../stores/use-api.ts";

export function DutyRosterPanel() {
  const roster = useApi<{ items: DutyOfficer[] }>("/api/duty-officers");
  const users = useApi<User[]>("/api/users");
  const [post, setPost] = useState("");
  const [username, setUsername] = useState("");
  const [webhook, setWebhook] = useState("");
  const [email, setEmail] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const nameOf = new Map((users.data ?? []).map((u) => [u.id, u.username]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api("PUT", `/api/duty-officers/${segment(post.trim())}`, {
        username: username.trim() || null,
        webhook: webhook.trim() || null,
        email: email.trim() || null,
      });
      setNotice(`Duty officer of ${post.trim().toUpperCase()} set.`);
      roster.reload();
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <>
      <form className="card admin-form" onSubmit={(e) => void submit(e)} aria-label="Set a duty officer">
        <h2>Set a duty officer</h2>
        <div className="form-grid">
          <label>
            Post
            <input required value={post} onChange={(e) => setPost(e.target.value)} placeholder="e.g. PANAMA" />
          </label>
          <label>
            User
            <input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              list="duty-users"
              placeholder="e.g. duty-panama"
            />
            <datalist id="duty-users">
              {(users.data ?? []).map((u) => (
                <option key={u.id} value={u.username} />
              ))}
            </datalist>
          </label>
          <label>
            Webhook URL
            <input type="url" value={webhook} onChange={(e) => setWebhook(e.target.value)} placeholder="https://…" />
          </label>
          <label>
            E-mail
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
        </div>
        <Problem error={error} />
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <button type="submit" className="primary">
          Set
        </button>
      </form>
      <Problem error={roster.error} />
      {roster.loading && !roster.data ? (
        <Loading what="Loading the roster" />
      ) : (
        <table aria-label="Duty roster">
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col">Duty officer</th>
              <th scope="col">Webhook</th>
              <th scope="col">E-mail</th>
            </tr>
          </thead>
          <tbody>
            {(roster.data?.items ?? []).map((d) => (
              <tr key={d.post}>
                <th scope="row">{d.post}</th>
                <td>{d.userId ? (nameOf.get(d.userId) ?? d.userId) : <span className="muted">none</span>}</td>
                <td className="small">{d.webhook ?? "—"}</td>
                <td>{d.email ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
