// What cites this cable, among the cables the reader may read (the server applies the access rule).
import { Link } from "react-router";
import type { CableReferences } from "../../../api/types.ts";
import { ClassificationTag } from "../../../components/classification-banner.tsx";

type Props = { references: CableReferences | undefined; loading: boolean };

export function CitedBy({ references, loading }: Props) {
  const citing = references?.citedBy ?? [];
  return (
    <section className="card" aria-labelledby="cited-by">
      <h2 id="cited-by">Cited by</h2>
      {loading && !references && <p className="muted small">Loading…</p>}
      {references && citing.length === 0 && <p className="muted small">No archived cable you may read cites it.</p>}
      <ul className="side-list">
        {citing.map((c) => (
          <li key={c.id}>
            <ClassificationTag classification={c.classification} />{" "}
            <Link to={`/cables/${encodeURIComponent(c.id)}`} className="mono">
              {c.id}
            </Link>
            <div className="small muted">{c.subject}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
