// The query language in brief, from the server's own SEARCH_HELP text: a list of examples and what they find.
import { helpLines } from "./help-lines.ts";

type Props = { id: string };

export function QueryHelp({ id }: Props) {
  const { lines, note } = helpLines();
  return (
    <section id={id} className="query-help card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Search syntax</h2>
      <p className="muted">All parts must match; case does not matter.</p>
      <dl className="query-help-list">
        {lines.map((line) => (
          <div key={line.example} className="query-help-row">
            <dt>
              <code>{line.example}</code>
            </dt>
            <dd>{line.meaning}</dd>
          </div>
        ))}
      </dl>
      {note && <p className="muted">{note}</p>}
    </section>
  );
}
