// The public reading room: search the released versions of declassified cables (the archive's query language and
// facets, over released text only), and the withdrawal cards of cables withheld in full. No sign-in.
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { query } from "../../api/client.ts";
import type { ReadingRoomResult, Withdrawals } from "../../api/types.ts";
import { shortTime } from "../../components/format-time.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { Snippet } from "../search/snippet.tsx";
import { PublicFrame } from "./public-frame.tsx";
import { WithdrawalCardView } from "./withdrawal-card.tsx";

const FACET_FIELDS = { tags: "tag", origin: "origin", classification: "class", year: "from" } as const;

export function ReadingRoomScene() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [typed, setTyped] = useState(q);
  const results = useApi<ReadingRoomResult>(`/api/reading-room${query({ q, limit: 50 })}`);
  const cards = useApi<Withdrawals>(`/api/reading-room/withdrawals${query({ limit: 20 })}`);
  const search = (text: string) => {
    setTyped(text);
    setParams(text.trim() === "" ? {} : { q: text.trim() });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search(typed);
  };
  const filter = (field: string, value: string) =>
    field === "from" ? `from:${value} to:${value}` : `${field}:${/\s/.test(value) ? `"${value}"` : value}`;
  return (
    <PublicFrame>
      <h1>Reading room</h1>
      <p className="muted">
        Cables declassified by review. Where a portion is still withheld, a marker stands in its place and names the
        exemption.
      </p>
      <form role="search" aria-label="Search released cables" className="toolbar" onSubmit={submit}>
        <label>
          Search released cables
          <input name="q" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="kosovo tag:PREL" />
        </label>
        <button type="submit">Search</button>
      </form>
      <Problem error={results.error} />
      {results.loading && !results.data && <Loading what="Searching the reading room" />}
      {results.data && (
        <div className="room-results">
          <section aria-label="Released cables">
            <p className="result-count">
              {results.data.total}
              {results.data.totalIsLowerBound ? "+" : ""} released {results.data.total === 1 ? "cable" : "cables"}
            </p>
            <ol className="room-list">
              {results.data.results.map((hit) => (
                <li key={hit.id} className="card">
                  <Link to={`/reading-room/${encodeURIComponent(hit.id)}`}>
                    <strong>{hit.id}</strong> {hit.subject ?? ""}
                  </Link>
                  <div className="muted">
                    {shortTime(hit.dtg)} · {hit.classification ?? "unknown"} ·{" "}
                    {hit.outcome === "release-in-full" ? "released in full" : "released in part"} on {hit.reviewDate}
                  </div>
                  <Snippet html={hit.snippet} />
                </li>
              ))}
            </ol>
          </section>
          <aside aria-label="Facets" className="room-facets">
            {(Object.keys(FACET_FIELDS) as (keyof typeof FACET_FIELDS)[]).map((facet) =>
              results.data!.facets[facet].length === 0 ? null : (
                <section key={facet} aria-label={facet}>
                  <h2>{facet}</h2>
                  <ul>
                    {results.data!.facets[facet].map((f) => (
                      <li key={f.value}>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => search(`${q} ${filter(FACET_FIELDS[facet], f.value)}`.trim())}
                        >
                          {f.value}
                        </button>{" "}
                        <span className="muted">{f.count}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ),
            )}
          </aside>
        </div>
      )}
      <section aria-labelledby="withdrawn-title">
        <h2 id="withdrawn-title">Withdrawn: withheld in full</h2>
        <Problem error={cards.error} />
        {cards.data && cards.data.cards.length === 0 && <p className="muted">No cable is withheld in full.</p>}
        {cards.data?.cards.map((card) => (
          <WithdrawalCardView key={card.id} card={card} />
        ))}
      </section>
    </PublicFrame>
  );
}
