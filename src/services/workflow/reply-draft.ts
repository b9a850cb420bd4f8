// Drafts that start from an archived cable: a reply (REF, subject and addressee pre-filled), a correction (the
// released text, to be fixed and released as a CORRECTED COPY that supersedes it) or a cancellation (to the same
// addressees, withdrawing it).
import type { Addressee, Cable } from "../../core/index.ts";
import { requireReadableCable } from "../archive/read-cable.ts";
import { CablegramError } from "../errors.ts";
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import type { DraftFields } from "./draft-schema.ts";
import { createDraft, type SavedDraft } from "./save-draft.ts";
import type { WorkflowDeps } from "./workflow-deps.ts";

/**
 * A reply draft to a cable the user may read: addressed TO its originator at the cable's precedence, citing it as
 * REF, with its subject, classification, caveats and TAGS. `fields` override any of that.
 * @example await replyDraft(deps, pat, "08STATE16245", { body: "1. (SBU) Demarche delivered." }) // { id, findings }
 */
export async function replyDraft(
  deps: WorkflowDeps,
  user: User,
  cableId: string,
  fields: DraftFields = {},
): Promise<SavedDraft> {
  const cited = await readable(deps, user, cableId);
  const c = cited.cable;
  const to: Addressee[] = c.from
    ? [{ route: null, name: c.from.name, office: null, precedence: c.precedence ?? "ROUTINE", mcn: null }]
    : [];
  const prefilled: DraftFields = {
    to,
    subject: c.subject,
    classification: c.classification,
    caveats: c.caveats,
    eo: c.eo,
    tags: c.tags,
    references: [{ label: null, id: c.id, text: referenceText(c) }],
  };
  return createDraft(deps, user, { ...prefilled, ...fields }, { replyTo: c.id });
}

/**
 * A correction draft of a cable released here: its text and addressees, to be fixed, cleared and released again
 * as a CORRECTED COPY that supersedes it.
 * @example await correctionDraft(deps, dana, "24STATE1") // { id, findings }
 */
export async function correctionDraft(deps: WorkflowDeps, user: User, cableId: string): Promise<SavedDraft> {
  const { cable } = await releasedHere(deps, user, cableId, "corrected");
  const { id: _id, serial: _serial, dtg: _dtg, transmission: _t, section: _s, warnings: _w, ...fields } = cable;
  const handling = fields.handling.filter((h) => h !== "CORRECTED COPY");
  return createDraft(deps, user, { ...fields, handling }, { supersedes: cable.id });
}

/**
 * A cancellation draft of a cable released here: to the same addressees (TO and INFO, at their precedence), at its
 * classification, caveats and TAGS, citing it as REF, saying it is withdrawn. Cleared and approved like any draft.
 * @example await cancellationDraft(deps, dana, "24STATE1") // { id, findings }
 */
export async function cancellationDraft(deps: WorkflowDeps, user: User, cableId: string): Promise<SavedDraft> {
  const { cable: c } = await releasedHere(deps, user, cableId, "cancelled");
  const fields: DraftFields = {
    to: c.to,
    info: c.info,
    subject: `CANCELLATION: ${c.subject}`.slice(0, 200),
    classification: c.classification,
    caveats: c.caveats,
    eo: c.eo,
    tags: c.tags,
    references: [{ label: null, id: c.id, text: referenceText(c) }],
    body: "1. (U) Please cancel reftel. It is withdrawn: take no action on it, and destroy copies held.",
  };
  return createDraft(deps, user, fields, { replyTo: c.id });
}

async function releasedHere(deps: WorkflowDeps, user: User, cableId: string, what: "corrected" | "cancelled") {
  const cited = await readable(deps, user, cableId);
  const chained = await deps.store.db
    .selectFrom("chain_links")
    .select("cable_id")
    .where("cable_id", "=", cited.cable.id)
    .executeTakeFirst();
  if (!chained) {
    throw new CablegramError(
      "INVALID_INPUT",
      `${cited.cable.id} was not released here; only Cablegram's own cables are ${what}.`,
    );
  }
  return cited;
}

async function readable(deps: WorkflowDeps, user: User, cableId: string) {
  const cited = await requireReadableCable(deps.store, readerOf(user), cableId);
  return cited;
}

/** `08 STATE 16245`, as REF lines cite a cable. */
function referenceText(c: Cable): string {
  if (c.dtg && c.origin && c.serial !== null) return `${c.dtg.slice(2, 4)} ${c.origin} ${c.serial}`;
  return c.id ?? "";
}
