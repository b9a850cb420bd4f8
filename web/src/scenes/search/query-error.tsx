// A query the search language cannot read: the reason, and the query with the place it went wrong marked.
import type { ApiError } from "../../api/client.ts";
import { splitAt } from "./split-at.ts";

type Props = {
  id: string;
  /** The query the error is about. */
  query: string;
  /** A BAD_QUERY error; its problem carries the 0-based `position`. */
  error: ApiError;
};

export function QueryError({ id, query, error }: Props) {
  const position = typeof error.problem.position === "number" ? error.problem.position : null;
  const message = error.message.replace(/\s*\(at \d+\)$/, "");
  const where = position === null ? null : splitAt(query, position);
  return (
    <div id={id} className="problem query-error" role="alert">
      <strong>
        The query cannot be read{position === null ? "" : ` at character ${position + 1}`}: {message}.
      </strong>
      {where && (
        <pre className="query-error-text" aria-hidden="true">
          {where.before}
          <mark className="query-error-at">{where.at}</mark>
          {where.after}
          {"\n"}
          {" ".repeat(where.before.length)}^
        </pre>
      )}
    </div>
  );
}
