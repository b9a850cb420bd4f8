// The form of a draft, top to bottom in the order of a telegram: addressees, classification and handling, TAGS,
// subject, references, text, signature, the action requests and a reply's position report. Each field shows its
// own findings.
import type { Finding } from "../../../api/types.ts";
import type { DirectoryLists } from "../addressee-suggestions.ts";
import type { DraftForm } from "../draft-form.ts";
import { findingsUnder } from "../form-findings.ts";
import { ActionRequestsField } from "./action-requests-field.tsx";
import { AddresseeField } from "./addressee-field.tsx";
import { ClassificationFields } from "./classification-fields.tsx";
import { ParagraphsField } from "./paragraphs-field.tsx";
import { PositionReportField } from "./position-report-field.tsx";
import { ReferencesField } from "./references-field.tsx";
import { TagsField } from "./tags-field.tsx";
import { TextField } from "./text-field.tsx";

type Props = {
  form: DraftForm;
  onChange: (change: Partial<DraftForm>) => void;
  directory: DirectoryLists;
  findings: readonly Finding[];
  /** Read only: the user may not edit this draft (a clearer, an approver), or it is released. */
  readOnly: boolean;
  /** A stored draft keeps its originating post. */
  originFixed: boolean;
};

export function ComposerForm({ form, onChange, directory, findings, readOnly, originFixed }: Props) {
  return (
    <fieldset className="composer-form" disabled={readOnly} aria-label="Draft">
      <section className="card form-section" aria-labelledby="addressees-title">
        <h2 id="addressees-title">Addressees</h2>
        <TextField
          label="FROM"
          value={form.from}
          onChange={(from) => onChange({ from })}
          findings={findingsUnder(findings, ["from"])}
          disabled={originFixed}
          hint={originFixed ? "A draft keeps its originating post." : "Your post; cables are numbered by it."}
        />
        <AddresseeField
          list="to"
          legend="TO (action)"
          rows={form.to}
          onChange={(to) => onChange({ to })}
          directory={directory}
          findings={findings}
          withPrecedence
        />
        <AddresseeField
          list="info"
          legend="INFO"
          rows={form.info}
          onChange={(info) => onChange({ info })}
          directory={directory}
          findings={findings}
          withPrecedence
        />
        <AddresseeField
          list="exclusions"
          legend="XMT (excluded from a collective)"
          rows={form.exclusions}
          onChange={(exclusions) => onChange({ exclusions })}
          directory={directory}
          findings={findings}
          withPrecedence={false}
        />
      </section>

      <section className="card form-section" aria-labelledby="marking-title">
        <h2 id="marking-title">Marking</h2>
        <ClassificationFields form={form} onChange={onChange} findings={findings} />
        <TagsField tags={form.tags} onChange={(tags) => onChange({ tags })} findings={findings} />
      </section>

      <section className="card form-section" aria-labelledby="content-title">
        <h2 id="content-title">Content</h2>
        <TextField
          label="SUBJECT"
          className="subject-field"
          value={form.subject}
          onChange={(subject) => onChange({ subject })}
          findings={findingsUnder(findings, ["subject"])}
          placeholder="e.g. COUNTRY: WHAT THE CABLE IS ABOUT"
        />
        <ReferencesField
          rows={form.references}
          onChange={(references) => onChange({ references })}
          findings={findings}
        />
        <ParagraphsField
          rows={form.paragraphs}
          classification={form.classification}
          onChange={(paragraphs) => onChange({ paragraphs })}
          findings={findings}
        />
        <TextField
          label="Signature"
          value={form.signers}
          onChange={(signers) => onChange({ signers })}
          findings={findingsUnder(findings, ["signers"])}
          placeholder="e.g. SURNAME"
          hint="The signing officer's name as it closes the cable; several separated by commas."
        />
      </section>

      <section className="card form-section" aria-labelledby="actions-title">
        <h2 id="actions-title">Action requests</h2>
        <ActionRequestsField
          rows={form.actionRequests}
          actionPosts={form.to}
          onChange={(actionRequests) => onChange({ actionRequests })}
          findings={findings}
        />
      </section>

      <section className="card form-section" aria-labelledby="position-report-title">
        <h2 id="position-report-title">Position report</h2>
        <PositionReportField
          row={form.positionReport}
          onChange={(positionReport) => onChange({ positionReport })}
          findings={findings}
        />
      </section>
    </fieldset>
  );
}
