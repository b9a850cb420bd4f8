// The header of a cable as a reader takes it in: who sent it to whom at what precedence, TAGS with what they
// mean, the subject, the references (links, with their subjects where the reader may read them), and who
// classified it until when.
import { Link } from "react-router";
import { describeTag, type Addressee, type Cable } from "../../../../../src/core/index.ts";
import type { CableReferences } from "../../../api/types.ts";
import { dateTimeGroup } from "../../../components/format-time.ts";
import { PrecedenceBadge } from "../../../components/precedence-badge.tsx";

type Props = { cable: Cable; references: CableReferences | undefined };

export function CableHeader({ cable, references }: Props) {
  return (
    <dl className="cable-head">
      <dt>Date-time</dt>
      <dd className="mono">
        {dateTimeGroup(cable.dtg)} {cable.precedence && <PrecedenceBadge precedence={cable.precedence} />}
      </dd>
      <dt>From</dt>
      <dd>{cable.from ? <AddresseeLine addressee={cable.from} /> : <span className="muted">not given</span>}</dd>
      <dt>To (action)</dt>
      <dd>
        <AddresseeList addressees={cable.to} />
      </dd>
      {cable.info.length > 0 && (
        <>
          <dt>Info</dt>
          <dd>
            <AddresseeList addressees={cable.info} />
          </dd>
        </>
      )}
      {cable.exclusions.length > 0 && (
        <>
          <dt>Excluded (XMT)</dt>
          <dd>{cable.exclusions.map((a) => a.name).join(", ")}</dd>
        </>
      )}
      {cable.handling.length > 0 && (
        <>
          <dt>Handling</dt>
          <dd>{cable.handling.join(" · ")}</dd>
        </>
      )}
      <dt>TAGS</dt>
      <dd className="tags">
        {cable.tags.length === 0 && <span className="muted">none</span>}
        {cable.tags.map((tag) => {
          const entry = describeTag(tag);
          return (
            <Link
              key={tag}
              className="tag"
              to={`/search?q=${encodeURIComponent(`tag:${entry.code}`)}`}
              title={entry.description ?? entry.kind}
            >
              {tag}
              {entry.description && <span className="tag-description"> {entry.description}</span>}
            </Link>
          );
        })}
      </dd>
      <dt>Subject</dt>
      <dd className="subject">{cable.subject ?? <span className="muted">no subject</span>}</dd>
      {cable.references.length > 0 && (
        <>
          <dt>Ref</dt>
          <dd>
            <ReferenceList cable={cable} references={references} />
          </dd>
        </>
      )}
      {cable.classifiedBy && (
        <>
          <dt>Classified by</dt>
          <dd>
            {[cable.classifiedBy.title, cable.classifiedBy.name].filter(Boolean).join(" ")}
            {cable.classifiedBy.reasons.length > 0 && `, reasons ${cable.classifiedBy.reasons.join(" and ")}`}
          </dd>
        </>
      )}
      {cable.eo && (
        <>
          <dt>E.O. {cable.eo.order}</dt>
          <dd>{cable.eo.decl ? `declassify on ${cable.eo.decl}` : cable.eo.text}</dd>
        </>
      )}
      {cable.section && (
        <>
          <dt>Sections</dt>
          <dd>{cable.section.total} (shown whole)</dd>
        </>
      )}
    </dl>
  );
}

function AddresseeLine({ addressee }: { addressee: Addressee }) {
  return (
    <>
      {addressee.name}
      {addressee.office && <span className="muted"> {addressee.office}</span>}
      {addressee.route && <span className="muted mono small"> {addressee.route}</span>}
    </>
  );
}

function AddresseeList({ addressees }: { addressees: Addressee[] }) {
  if (addressees.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="addressees">
      {addressees.map((a, i) => (
        <li key={`${a.name}-${i}`}>
          <PrecedenceBadge precedence={a.precedence} />
          <AddresseeLine addressee={a} />
          {a.mcn && <span className="muted mono small">{a.mcn}</span>}
        </li>
      ))}
    </ul>
  );
}

function ReferenceList({ cable, references }: Props) {
  const rows = references?.references ?? cable.references.map((r) => ({ ...r, resolved: null }));
  return (
    <ol className="references">
      {rows.map((r, i) => (
        <li key={i}>
          {r.label && <span className="ref-label">{r.label}. </span>}
          {r.resolved ? (
            <>
              <Link to={`/cables/${encodeURIComponent(r.resolved.id)}`} className="mono">
                {r.resolved.id}
              </Link>{" "}
              <span className="muted">{r.resolved.subject}</span>
            </>
          ) : (
            <span title={r.id ? "Not in the archive, or not readable by you" : "Not a cable"}>{r.text}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
