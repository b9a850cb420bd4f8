// Action requests: what the action addressees must do and by when; each may be narrowed to some of the TO posts.
// Release turns them into tasks that the action dashboard follows.
import type { Finding } from "../../../api/types.ts";
import { localDateTime, rowKey, type ActionRequestRow, type AddresseeRow } from "../draft-form.ts";
import { findingsUnder } from "../form-findings.ts";
import { FieldFindings } from "./field-findings.tsx";

type Props = {
  rows: ActionRequestRow[];
  actionPosts: AddresseeRow[];
  onChange: (rows: ActionRequestRow[]) => void;
  findings: readonly Finding[];
};

export function ActionRequestsField({ rows, actionPosts, onChange, findings }: Props) {
  const update = (key: string, change: Partial<ActionRequestRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset className="action-requests-field">
      <legend className="visually-hidden">Action requests</legend>
      {rows.length === 0 && <p className="muted small">None: the cable asks nothing of its action addressees.</p>}
      {rows.map((r, i) => (
        <div key={r.key} className="action-request">
          <div className="field-row">
            <label className="grow">
              What is asked ({i + 1})
              <input
                value={r.what}
                placeholder="e.g. Deliver the demarche; report the response"
                onChange={(e) => update(r.key, { what: e.target.value })}
              />
            </label>
            <label>
              Due ({i + 1})
              <input type="datetime-local" value={r.due} onChange={(e) => update(r.key, { due: e.target.value })} />
            </label>
            <button
              type="button"
              className="icon-button align-end"
              aria-label={`Remove action request ${i + 1}`}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              ×
            </button>
          </div>
          {actionPosts.length > 0 && (
            <fieldset className="action-posts">
              <legend>
                For <span className="muted">(none ticked: every action addressee)</span>
              </legend>
              {actionPosts.map((p) => (
                <label key={p.key} className="checkbox">
                  <input
                    type="checkbox"
                    checked={r.posts.includes(p.name)}
                    onChange={(e) =>
                      update(r.key, {
                        posts: e.target.checked ? [...r.posts, p.name] : r.posts.filter((x) => x !== p.name),
                      })
                    }
                  />
                  {p.name}
                </label>
              ))}
            </fieldset>
          )}
          <FieldFindings findings={findingsUnder(findings, ["actionRequests", i])} />
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...rows,
            { key: rowKey(), what: "", posts: [], due: localDateTime(new Date(Date.now() + 86_400_000).toISOString()) },
          ])
        }
      >
        Add action request
      </button>
    </fieldset>
  );
}
