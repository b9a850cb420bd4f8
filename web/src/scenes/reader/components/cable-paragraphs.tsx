// The body: headings, numbered paragraphs with their portion marks, then the signature.
import type { Cable } from "../../../../../src/core/index.ts";
import { isHeading } from "../is-heading.ts";

type Props = { cable: Cable };

export function CableParagraphs({ cable }: Props) {
  return (
    <section aria-label="Text" className="cable-body">
      {cable.paragraphs.length === 0 && <p className="muted">This cable has no text.</p>}
      {cable.paragraphs.map((p, i) =>
        isHeading(p) ? (
          <h2 key={i} className="cable-heading">
            {p.marking && <span className="portion">({p.marking}) </span>}
            {p.text}
          </h2>
        ) : (
          <p key={i} className="paragraph">
            {p.number !== null && <span className="para-number">{p.number}. </span>}
            {p.marking && <span className="portion">({p.marking}) </span>}
            {p.text}
          </p>
        ),
      )}
      {cable.signers.length > 0 && <p className="signature mono">{cable.signers.join(" ")}</p>}
    </section>
  );
}
