// A withdrawal card: what the public sees of a cable withheld in full, and nothing of its text.
import { Link } from "react-router";
import type { Withdrawals } from "../../api/types.ts";
import { shortTime } from "../../components/format-time.ts";

type Card = Withdrawals["cards"][number];

export function WithdrawalCardView({ card }: { card: Card }) {
  return (
    <article className="card withdrawal-card" aria-label={`Withdrawal card ${card.id}`}>
      <h3>
        <Link to={`/reading-room/${encodeURIComponent(card.id)}`}>{card.id}</Link>: withheld in full
      </h3>
      <dl>
        <dt>Date</dt>
        <dd>{shortTime(card.dtg)}</dd>
        <dt>Origin</dt>
        <dd>{card.origin ?? "unknown"}</dd>
        <dt>Subject</dt>
        <dd>{card.subject ?? "withheld"}</dd>
        <dt>Exemptions</dt>
        <dd>{card.exemptions.join(", ")}</dd>
        <dt>Review date</dt>
        <dd>{card.reviewDate}</dd>
      </dl>
    </article>
  );
}
