// One addressee list (TO, INFO or XMT): each addressee with its precedence and a remove button, and an input that
// suggests posts, collectives and offices from the directory. NIACT IMMEDIATE is picked per addressee. An
// addressee the directory does not know is marked at once, with the close matches to take instead.
import { useCallback } from "react";
import { isAlerting, PRECEDENCES } from "../../../../../src/core/index.ts";
import type { Finding } from "../../../api/types.ts";
import { closeAddressees, isKnownAddressee, suggestAddressees, type DirectoryLists } from "../addressee-suggestions.ts";
import { asPrecedence, DEFAULT_PRECEDENCE, rowKey, type AddresseeList, type AddresseeRow } from "../draft-form.ts";
import { findingsOn, findingsUnder } from "../form-findings.ts";
import { AutocompleteInput, type Suggestion } from "./autocomplete-input.tsx";
import { FieldFindings } from "./field-findings.tsx";

type Props = {
  list: AddresseeList;
  legend: string;
  rows: AddresseeRow[];
  onChange: (rows: AddresseeRow[]) => void;
  directory: DirectoryLists;
  findings: readonly Finding[];
  /** XMT exclusions carry no precedence. */
  withPrecedence: boolean;
};

export function AddresseeField({ list, legend, rows, onChange, directory, findings, withPrecedence }: Props) {
  const suggest = useCallback(
    (text: string): Suggestion[] =>
      suggestAddressees(directory, text).map((s) => ({
        value: s.value,
        label: (
          <>
            <span className="suggestion-value">{s.value}</span> <span className="muted">{s.detail}</span>
          </>
        ),
      })),
    [directory],
  );
  const add = (name: string) => {
    const upper = name.toUpperCase();
    if (rows.some((r) => r.name.toUpperCase() === upper)) return;
    // A new action addressee takes the list's last precedence: drafters add several at the same one.
    const precedence = rows.at(-1)?.precedence ?? DEFAULT_PRECEDENCE;
    onChange([...rows, { key: rowKey(), name: upper, office: null, precedence }]);
  };
  const update = (key: string, change: Partial<AddresseeRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  return (
    <fieldset className="addressee-field" aria-describedby={`${list}-findings`}>
      <legend>{legend}</legend>
      {rows.length > 0 && (
        <ul className="addressee-rows">
          {rows.map((r, i) => (
            <li key={r.key}>
              <div className="addressee-row">
                <span className="addressee-name mono">
                  {r.name}
                  {r.office ? `//${r.office}//` : ""}
                </span>
                {withPrecedence && (
                  <select
                    aria-label={`Precedence for ${r.name}`}
                    value={r.precedence}
                    className={isAlerting(r.precedence) ? "urgent" : undefined}
                    onChange={(e) => update(r.key, { precedence: asPrecedence(e.target.value) })}
                  >
                    {PRECEDENCES.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${r.name} from ${legend}`}
                  onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                >
                  ×
                </button>
              </div>
              {directory.posts.length > 0 && !isKnownAddressee(directory, r.name) && (
                <UnknownAddressee
                  name={r.name}
                  near={closeAddressees(directory, r.name)}
                  onTake={(name) => update(r.key, { name })}
                />
              )}
              <FieldFindings findings={findingsUnder(findings, [list, i])} />
            </li>
          ))}
        </ul>
      )}
      <AutocompleteInput
        label={`Add ${legend} addressee`}
        hideLabel
        placeholder="Post, station, routing indicator, collective or office"
        suggest={suggest}
        onPick={add}
      />
      <FieldFindings id={`${list}-findings`} findings={findingsOn(findings, [list])} />
    </fieldset>
  );
}

type UnknownProps = { name: string; near: string[]; onTake: (name: string) => void };

/** The mark on an addressee the directory does not know, with its close matches as buttons that replace it. */
function UnknownAddressee({ name, near, onTake }: UnknownProps) {
  return (
    <p className="unknown-addressee" role="status">
      {name} is not in the directory.
      {near.length > 0 ? (
        <>
          {" "}
          Did you mean{" "}
          {near.map((n) => (
            <button key={n} type="button" className="link-button" onClick={() => onTake(n)}>
              {n}
            </button>
          ))}
          ?
        </>
      ) : (
        " Check the spelling, or ask an administrator to add it to the directory."
      )}
    </p>
  );
}
