// A remove button that asks first and shows the server's refusal (a post still in use, say) in words.
import { useState } from "react";
import { api } from "../../../api/client.ts";

type Props = { what: string; path: string; onRemoved: () => void };

export function RemoveButton({ what, path, onRemoved }: Props) {
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(`Remove ${what}?`)) return;
    try {
      await api("DELETE", path);
      onRemoved();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <>
      <button type="button" className="danger small-button" onClick={() => void remove()} aria-label={`Remove ${what}`}>
        Remove
      </button>
      {error && (
        <span className="problem-inline" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
