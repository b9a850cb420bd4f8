// Forms that add to the directory: a post (what is left out is read from its plain-language address) and an office.
import { useState, type FormEvent } from "react";
// The post kinds are directory vocabulary whose home is src/core, beside the PLAD kinds and their words.
// eslint-disable-next-line no-restricted-imports -- until they move there with them
import { POST_KINDS } from "../../../../../src/services/directory/directory-schema.ts";
import { api } from "../../../api/client.ts";
import { Problem } from "../../../components/problem.tsx";

type Props = { onAdded: () => void };

export function AddPostForm({ onAdded }: Props) {
  const [name, setName] = useState("");
  const [station, setStation] = useState("");
  const [routingIndicator, setRoutingIndicator] = useState("");
  const [country, setCountry] = useState("");
  const [kind, setKind] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [error, setError] = useState<Error | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const optional = (v: string) => (v.trim() ? v.trim().toUpperCase() : undefined);
    try {
      await api("POST", "/api/directory/posts", {
        name: name.trim(),
        station: optional(station),
        routingIndicator: optional(routingIndicator),
        country: optional(country),
        ...(kind ? { kind } : {}),
        ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
      });
      setName("");
      setStation("");
      setRoutingIndicator("");
      setCountry("");
      setTimeZone("");
      onAdded();
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <details className="card">
      <summary>Add a post</summary>
      <form onSubmit={(e) => void submit(e)} aria-label="Add a post">
        <div className="form-grid">
          <label>
            Plain-language address
            <input
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. AMEMBASSY REYKJAVIK"
            />
          </label>
          <label>
            Station
            <input value={station} onChange={(e) => setStation(e.target.value)} placeholder="e.g. REYKJAVIK" />
          </label>
          <label>
            Routing indicator
            <input
              value={routingIndicator}
              onChange={(e) => setRoutingIndicator(e.target.value)}
              placeholder="e.g. RUEHRK"
            />
          </label>
          <label>
            Country (FIPS)
            <input value={country} onChange={(e) => setCountry(e.target.value)} placeholder="e.g. IC" maxLength={2} />
          </label>
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">From the address</option>
              {POST_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            Time zone
            <input
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
              placeholder="e.g. Atlantic/Reykjavik"
            />
          </label>
        </div>
        <Problem error={error} />
        <button type="submit" className="primary">
          Add post
        </button>
      </form>
    </details>
  );
}

export function AddOfficeForm({ onAdded }: Props) {
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [post, setPost] = useState("");
  const [error, setError] = useState<Error | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api("POST", "/api/directory/offices", {
        code: code.trim().toUpperCase(),
        name: name.trim() || null,
        post: post.trim() || null,
      });
      setCode("");
      setName("");
      setPost("");
      onAdded();
    } catch (e) {
      setError(e as Error);
    }
  }

  return (
    <details className="card">
      <summary>Add an office</summary>
      <form onSubmit={(e) => void submit(e)} aria-label="Add an office">
        <div className="form-grid">
          <label>
            Code
            <input required value={code} onChange={(e) => setCode(e.target.value)} placeholder="e.g. EUR/SCE" />
          </label>
          <label>
            Name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. South Central European Affairs"
            />
          </label>
          <label>
            Post
            <input value={post} onChange={(e) => setPost(e.target.value)} placeholder="e.g. STATE" />
          </label>
        </div>
        <Problem error={error} />
        <button type="submit" className="primary">
          Add office
        </button>
      </form>
    </details>
  );
}
