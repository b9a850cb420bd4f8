// Collectives and their members: add a post to one, take one out. A collective derived from a bloc, a country or
// a kind of post shows today's members and how they are derived; its members are not edited by hand.
import { useState, type FormEvent } from "react";
import { api, segment } from "../../../api/client.ts";
import type { Collective } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";

type Props = { collectives: Collective[]; onChanged: () => void };

export function CollectivesTable({ collectives, onChanged }: Props) {
  if (collectives.length === 0) return <p className="muted">No collectives.</p>;
  return (
    <table aria-label="Collectives">
      <thead>
        <tr>
          <th scope="col">Collective</th>
          <th scope="col">Routing indicator</th>
          <th scope="col">Members</th>
        </tr>
      </thead>
      <tbody>
        {collectives.map((c) => (
          <CollectiveRow key={String(c.name)} collective={c} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}

function CollectiveRow({ collective, onChanged }: { collective: Collective; onChanged: () => void }) {
  const [post, setPost] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const name = String(collective.name);
  const base = `/api/directory/collectives/${segment(name)}/members`;

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api("POST", base, { post: post.trim() });
      setPost("");
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  }
  async function remove(member: string) {
    setError(null);
    try {
      await api("DELETE", `${base}/${segment(member)}`);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  }

  if (collective.derivation) {
    return (
      <tr>
        <th scope="row">{name}</th>
        <td className="mono">{collective.routingIndicator}</td>
        <td>
          <p className="muted">Derived: {collective.derivation}</p>
          {collective.members.length === 0 ? (
            <p className="empty-collective">empty: a release to it is refused</p>
          ) : (
            <ul className="chips">
              {collective.members.map((m) => (
                <li key={String(m)}>{String(m)}</li>
              ))}
            </ul>
          )}
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="mono">{collective.routingIndicator}</td>
      <td>
        {collective.members.length === 0 && <p className="empty-collective">empty: a release to it is refused</p>}
        <ul className="chips">
          {collective.members.map((m) => (
            <li key={String(m)}>
              {String(m)}
              <button
                type="button"
                className="chip-remove"
                onClick={() => void remove(String(m))}
                aria-label={`Take ${String(m)} out of ${name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="inline-form" onSubmit={(e) => void add(e)} aria-label={`Add a member to ${name}`}>
          <label className="visually-hidden" htmlFor={`add-${name}`}>
            Post to add to {name}
          </label>
          <input id={`add-${name}`} value={post} onChange={(e) => setPost(e.target.value)} placeholder="post to add" />
          <button type="submit" disabled={!post.trim()}>
            Add
          </button>
        </form>
        <Problem error={error} />
      </td>
    </tr>
  );
}
