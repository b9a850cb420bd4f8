// Routing hints of a reply draft, from the cable it answers ("slug responses for IO/UNP"): what the drafter should
// do with the addressees or the handling line before release.
type Props = { hints: readonly string[] };

export function RoutingHints({ hints }: Props) {
  if (hints.length === 0) return null;
  return (
    <aside className="routing-hints" aria-label="Routing hints">
      <strong>Routing hints from the cable replied to:</strong>
      <ul>
        {hints.map((h) => (
          <li key={h}>{h}</li>
        ))}
      </ul>
    </aside>
  );
}
