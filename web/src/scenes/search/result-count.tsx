// The number of matching cables, announced to screen readers as it changes ("10,000+" past the exact count).
import { formatTotal } from "./format-total.ts";

type Props = {
  total: number | undefined;
  isLowerBound: boolean;
  loading: boolean;
  /** Whether there is a query at all. */
  searched: boolean;
  /** The query cannot be read, so nothing was searched. */
  invalid: boolean;
};

export function ResultCount({ total, isLowerBound, loading, searched, invalid }: Props) {
  let text = "";
  if (invalid) text = "Nothing searched: correct the query above.";
  else if (!searched) text = "Enter a query to search the cables you may read.";
  else if (loading) text = "Searching…";
  else if (total !== undefined) text = `${formatTotal(total, isLowerBound)} match`;
  return (
    <p className="result-count" role="status" aria-live="polite">
      {text}
    </p>
  );
}
