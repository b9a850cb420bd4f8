// The workflow of a cable before it is sent: drafts, clearances, release (numbering, sections, transmission
// header, archive, chain, outbox), replies and corrections, and each user's queue.
export * from "./draft-schema.ts";
export { createDraft, updateDraft, discardDraft, type DraftOrigin, type SavedDraft } from "./save-draft.ts";
export { readDraft } from "./read-draft.ts";
export { requestClearance, decideClearance, type ClearanceRequest } from "./clearances.ts";
export { submitDraft, type Submission } from "./submit-draft.ts";
export { releaseDraft, CORRECTED_COPY } from "./release-draft.ts";
export { replyDraft, correctionDraft, cancellationDraft } from "./reply-draft.ts";
export { queueOf, type Queue, type QueueItem } from "./queue.ts";
export { paragraphsOfBody } from "./body-paragraphs.ts";
export { releasedCable } from "./released-cable.ts";
export type { WorkflowDeps } from "./workflow-deps.ts";
export { cableVersions, type CableVersions } from "./cable-versions.ts";
export { cableHistory, type CableHistory } from "./cable-history.ts";
export { myDrafts, MY_DRAFTS_LIMIT, type MyDraft, type MyDraftStatus } from "./my-drafts.ts";
export { sentCables, SENT_LIMIT, type SentCable } from "./sent-cables.ts";
