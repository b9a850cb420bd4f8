// Where my notifications are mailed: my e-mail address, set or removed by me (the server checks it is one).
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api/client.ts";
import type { Session } from "../../api/types.ts";
import { useUser } from "../../stores/session.tsx";

export function EmailSetting() {
  const user = useUser();
  const [email, setEmail] = useState(user.email ?? "");
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
