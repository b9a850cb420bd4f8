// One cable in the reading room: its released version in the telegram format, withheld portions marked where they
// were, or its withdrawal card. No sign-in.
import { Link, useParams } from "react-router";
import type { ReadingRoomItem } from "../../api/types.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { PublicFrame } from "./public-frame.tsx";
import { WithdrawalCardView } from "./withdrawal-card.tsx";

// A marker a released version holds in place of what is not released (core/declass-review.ts withheldMarker).
const MARKER = /(\[[^\]\n]* (?:withheld: [^\]\n]*|referred to [^\]\n]*)\])/;

export function ReleasedScene() {
  const { id = "" } = useParams();
  const item = useApi<ReadingRoomItem>(`/api/reading-room/${encodeURIComponent(id)}`);
  return (
    <PublicFrame>
      <p>
        <Link to="/reading-room">Back to the reading room</Link>
      </p>
      <Problem error={item.error} />
      {item.loading && !item.data && <Loading what="Opening the released version" />}
      {item.data?.kind === "withdrawn" && <WithdrawalCardView card={item.data.card} />}
      {item.data?.kind === "released" && (
        <article aria-label={`Released version of ${item.data.version.id}`}>
          <h1>
            {item.data.version.id}: {item.data.version.cable.subject ?? ""}
          </h1>
          <p className="muted">
            {item.data.version.outcome === "release-in-full" ? "Released in full" : "Released in part"} on{" "}
            {item.data.version.reviewDate}
            {item.data.version.exemptions.length > 0
              ? `; withheld under ${item.data.version.exemptions.join(", ")}`
              : ""}
          </p>
          <pre className="telegram released-telegram">
            {item.data.version.telegram.split(MARKER).map((part, i) =>
              i % 2 === 1 ? (
                <mark key={i} className="withheld-marker">
                  {part}
                </mark>
              ) : (
                part
              ),
            )}
          </pre>
        </article>
      )}
    </PublicFrame>
  );
}
