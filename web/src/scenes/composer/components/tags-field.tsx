// TAGS: the subject and country codes of the cable, each shown with what it means, added from the registry's
// autocomplete (`pre` finds PREL, `koso` finds KV); codes the registry does not know may still be typed.
import { describeTag, searchTags } from "../../../../../src/core/index.ts";
import type { Finding } from "../../../api/types.ts";
import { findingsUnder } from "../form-findings.ts";
import { AutocompleteInput, type Suggestion } from "./autocomplete-input.tsx";
import { FieldFindings } from "./field-findings.tsx";

type Props = { tags: string[]; onChange: (tags: string[]) => void; findings: readonly Finding[] };

function suggestTags(text: string): Suggestion[] {
  return searchTags(text, { limit: 10 }).map((t) => ({
    value: t.code,
    label: (
      <>
        <span className="suggestion-value mono">{t.code}</span> <span className="muted">{t.description ?? t.kind}</span>
        <span className="tag-kind">{t.kind}</span>
      </>
    ),
  }));
}

export function TagsField({ tags, onChange, findings }: Props) {
  const add = (text: string) => {
    // A pasted line (`UNSC PREL YI`) adds each code.
    const codes = text
      .toUpperCase()
      .split(/[\s,]+/)
      .filter((c) => c !== "" && !tags.includes(c));
    if (codes.length > 0) onChange([...tags, ...codes]);
  };
  return (
    <fieldset className="tags-field">
      <legend>TAGS</legend>
      {tags.length > 0 && (
        <ul className="chips" aria-label="Tags of the cable">
          {tags.map((tag) => {
            const entry = describeTag(tag);
            return (
              <li key={tag} className={`chip${entry.kind === "unknown" ? " chip-unknown" : ""}`}>
                <span className="mono">{tag}</span>
                <span className="chip-detail">{entry.description ?? entry.kind}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => onChange(tags.filter((t) => t !== tag))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <AutocompleteInput
        label="Add tag"
        hideLabel
        placeholder="Code or meaning: PREL, Kosovo, UNSC…"
        suggest={suggestTags}
        onPick={add}
      />
      <FieldFindings findings={findingsUnder(findings, ["tags"])} />
    </fieldset>
  );
}
