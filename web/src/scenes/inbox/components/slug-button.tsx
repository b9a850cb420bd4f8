// A communicator slugs a cable received at the post to offices for handling: offices of the post, chosen here.
import { useState, type FormEvent } from "react";
import { api, query, segment } from "../../../api/client.ts";
import type { Delivery, Office } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";
import { useApi } from "../../../stores/use-api.ts";

type Props = { delivery: Delivery; onSlugged: () => void };

export function SlugButton({ delivery, onSlugged }: Props) {
  const [open, setOpen] = useState(false);
  const offices = useApi<Office[]>(open ? `/api/directory/offices${query({ post: delivery.post })}` : null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<Error | null>(null);

  if (!open) {
    return (
      <button type="button" className="link-button slug-toggle" onClick={() => setOpen(true)}>
        Slug…
      </button>
    );
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api("POST", `/api/deliveries/${segment(delivery.id)}/slug`, { offices: chosen });
      setOpen(false);
      setChosen([]);
      onSlugged();
    } catch (e) {
      setError(e as Error);
    }
  }
  const list = offices.data ?? [];
  return (
    <form className="slug-form" onSubmit={(e) => void submit(e)} aria-label={`Slug ${delivery.cableId} to offices`}>
      {offices.loading && <span className="muted">Loading offices…</span>}
      {!offices.loading && list.length === 0 && (
        <span className="muted">This post has no offices in the directory.</span>
      )}
      {list.map((o) => (
        <label key={o.code} className="inline-check">
          <input
            type="checkbox"
            checked={chosen.includes(o.code)}
            onChange={(e) => setChosen(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))}
          />
          {o.code}
        </label>
      ))}
      <Problem error={error ?? offices.error} />
      <button type="submit" disabled={chosen.length === 0}>
        Slug
      </button>
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
