// An error as the user sees it: what went wrong and, for validation errors, which fields; never a stack trace.
import type { ApiError } from "../api/client.ts";

type Props = { error: ApiError | Error | undefined | null };

export function Problem({ error }: Props) {
  if (!error) return null;
  const issues = "problem" in error && Array.isArray(error.problem.issues) ? (error.problem.issues as unknown[]) : [];
  return (
    <div className="problem" role="alert">
      <strong>{error.message}</strong>
      {issues.length > 0 && (
        <ul>
          {issues.slice(0, 8).map((issue, i) => (
            <li key={i}>{describeIssue(issue)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function describeIssue(issue: unknown): string {
  if (typeof issue !== "object" || issue === null) return String(issue);
  const { path, message } = issue as { path?: unknown; message?: unknown };
  const where = Array.isArray(path) && path.length > 0 ? `${path.join(".")}: ` : "";
  return `${where}${typeof message === "string" ? message : JSON.stringify(issue)}`;
}

/** A quiet loading line, announced to screen readers. */
export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      {what}…
    </p>
  );
}
