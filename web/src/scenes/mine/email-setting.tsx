// Where my notifications are mailed: my e-mail address, set or removed by me (the server checks it is one).
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api/client.ts";
import type { Session } from "../../api/types.ts";
import { useApi } from "../../stores/use-api.ts";

/** The form, once the address saved now is known (read afresh: the session loaded at sign-in may be older). */
export function EmailSetting() {
  const session = useApi<Session>("/api/session");
  if (!session.data) return null;
  return <EmailForm saved={session.data.user.email ?? ""} />;
}

function EmailForm({ saved: initial }: { saved: string }) {
  const [email, setEmail] = useState(initial);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { user: saved } = await api<Session>("PUT", "/api/session/email", { email: email.trim() || null });
      setEmail(saved.email ?? "");
      setSaid({ ok: true, text: saved.email ? `Notifications are mailed to ${saved.email} too.` : "No e-mail." });
    } catch (error) {
      setSaid({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    }
  };
  return (
    <form className="card email-setting" onSubmit={(e) => void save(e)}>
      <label>
        E-mail my notifications to
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="name@example.org" />
      </label>
      <button type="submit">Save</button>
      {said && (
        <p role="status" className={said.ok ? "muted small" : "problem small"}>
          {said.text}
        </p>
      )}
    </form>
  );
}
