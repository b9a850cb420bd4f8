// A result's highlighted snippet: the server's <mark>s become <mark> elements and everything else text, so no
// markup from a cable can ever reach the page (no dangerouslySetInnerHTML).
import { snippetSegments } from "./snippet-segments.ts";

type Props = { html: string };

export function Snippet({ html }: Props) {
  return (
    <p className="snippet">
      {snippetSegments(html).map((segment, i) => (segment.marked ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </p>
  );
}
