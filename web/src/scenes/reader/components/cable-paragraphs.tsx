// The body: numbered paragraphs with their portion marks, then the signature.
import type { Cable } from "../../../../../src/core/index.ts";

type Props = { cable: Cable };

export function CableParagraphs({ cable }: Props) {
  return (
    <section aria-label="Text" className="cable-body">
      {cable.paragraphs.length === 0 && <p className="muted">This cable has no text.</p>}
      {cable.paragraphs.map((p, i) => (
        <p key={i} className="paragraph">
          {p.number !== null && <span className="para-number">{p.number}. </span>}
          {p.marking && <span className="portion">({p.marking}) </span>}
          {p.text}
        </p>
      ))}
      {cable.signers.length > 0 && <p className="signature mono">{cable.signers.join(" ")}</p>}
    </section>
  );
}
