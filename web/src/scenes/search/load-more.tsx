// More results: a button, and the same when the end of the list scrolls into view (IntersectionObserver).
import { useEffect, useRef } from "react";

type Props = {
  /** Whether the server has more. */
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shown: number;
};

export function LoadMore({ hasMore, loading, onLoadMore, shown }: Props) {
  const sentinel = useRef<HTMLDivElement | null>(null);
  const load = useRef(onLoadMore);
  useEffect(() => {
    load.current = onLoadMore;
  }, [onLoadMore]);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) load.current();
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, shown]);

  if (!hasMore) return shown > 0 ? <p className="muted results-end">End of the results.</p> : null;
  return (
    <div className="load-more" ref={sentinel}>
      <button type="button" onClick={onLoadMore} disabled={loading}>
        {loading ? "Loading…" : "Load more"}
      </button>
    </div>
  );
}
