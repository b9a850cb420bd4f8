// The cable's classification block: overall level, captions and caveats, Classified By (who and for which
// reasons of E.O. section 1.4) and the E.O. line with its declassification date or instruction.
import { useId } from "react";
import { CLASSIFICATIONS, isClassification, isClassified, KNOWN_CAVEATS } from "../../../../../src/core/index.ts";
import type { Finding } from "../../../api/types.ts";
import { EXECUTIVE_ORDERS, type DraftForm } from "../draft-form.ts";
import { findingsUnder } from "../form-findings.ts";
import { FieldFindings } from "./field-findings.tsx";

type Props = {
  form: Pick<DraftForm, "classification" | "caveats" | "classifiedBy" | "eo">;
  onChange: (change: Partial<DraftForm>) => void;
  findings: readonly Finding[];
};

const CAVEAT_HELP: Record<(typeof KNOWN_CAVEATS)[number], string> = {
  SENSITIVE: "sensitive but unclassified",
  SIPDIS: "may go to the SIPRNet archive",
  NOFORN: "no foreign nationals",
  NODIS: "no distribution beyond addressees",
  EXDIS: "exclusive distribution",
  LIMDIS: "limited distribution",
  STADIS: "State distribution only",
};

export function ClassificationFields({ form, onChange, findings }: Props) {
  const id = useId();
  const classified = isClassified(form.classification);
  const extraCaveats = form.caveats.filter((c) => !(KNOWN_CAVEATS as readonly string[]).includes(c));
  const toggle = (caveat: string, on: boolean) =>
    onChange({ caveats: on ? [...form.caveats, caveat] : form.caveats.filter((c) => c !== caveat) });
  const classifiedBy = (change: Partial<DraftForm["classifiedBy"]>) =>
    onChange({ classifiedBy: { ...form.classifiedBy, ...change } });
  const eo = (change: Partial<DraftForm["eo"]>) => onChange({ eo: { ...form.eo, ...change } });

  return (
    <fieldset className="classification-fields">
      <legend className="visually-hidden">Classification and handling</legend>
      <div className="field-row">
        <div className="classification-select">
          <label htmlFor={`${id}-level`}>Classification</label>
          <select
            id={`${id}-level`}
            value={form.classification}
            onChange={(e) => {
              if (isClassification(e.target.value)) onChange({ classification: e.target.value });
            }}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="caveats">
          <legend>Captions and caveats</legend>
          {[...KNOWN_CAVEATS, ...extraCaveats].map((c) => (
            <label
              key={c}
              className="checkbox"
              title={c in CAVEAT_HELP ? CAVEAT_HELP[c as keyof typeof CAVEAT_HELP] : undefined}
            >
              <input type="checkbox" checked={form.caveats.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
              {c}
            </label>
          ))}
        </fieldset>
      </div>
      <FieldFindings
        findings={[...findingsUnder(findings, ["classification"]), ...findingsUnder(findings, ["caveats"])]}
      />

      <fieldset className="classified-by">
        <legend>
          Classified By{" "}
          <span className="muted">{classified ? "(required for this level)" : "(only for classified cables)"}</span>
        </legend>
        <div className="field-row">
          <label className="grow">
            Title or office
            <input
              value={form.classifiedBy.title}
              placeholder="e.g. IO A/S"
              onChange={(e) => classifiedBy({ title: e.target.value })}
            />
          </label>
          <label className="grow">
            Name
            <input
              value={form.classifiedBy.name}
              placeholder="e.g. First SURNAME"
              onChange={(e) => classifiedBy({ name: e.target.value })}
            />
          </label>
          <label>
            Reasons
            <input
              value={form.classifiedBy.reasons}
              placeholder="e.g. 1.4(b) 1.4(d)"
              onChange={(e) => classifiedBy({ reasons: e.target.value })}
            />
          </label>
        </div>
        <FieldFindings findings={findingsUnder(findings, ["classifiedBy"])} />
      </fieldset>

      <fieldset className="executive-order">
        <legend>E.O. and declassification</legend>
        <div className="field-row">
          <div>
            <label htmlFor={`${id}-order`}>Executive order</label>
            <select id={`${id}-order`} value={form.eo.order} onChange={(e) => eo({ order: e.target.value })}>
              {[...new Set([...EXECUTIVE_ORDERS, form.eo.order])].map((o) => (
                <option key={o} value={o}>
                  E.O. {o}
                </option>
              ))}
            </select>
          </div>
          <label>
            Declassify on (DECL)
            <input type="date" value={form.eo.decl} onChange={(e) => eo({ decl: e.target.value })} />
          </label>
          <label className="grow">
            Or instruction
            <input
              value={form.eo.instruction}
              disabled={form.eo.decl !== ""}
              placeholder={classified ? "e.g. 25X1" : "N/A"}
              onChange={(e) => eo({ instruction: e.target.value })}
            />
          </label>
        </div>
        <FieldFindings findings={findingsUnder(findings, ["eo"])} />
      </fieldset>
    </fieldset>
  );
}
