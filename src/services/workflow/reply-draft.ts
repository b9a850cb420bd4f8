// Drafts that start from an archived cable: a reply (REF, subject and addressee pre-filled) or a correction
// (the released text, to be fixed and released as a CORRECTED COPY that supersedes it).
import type { Addressee, Cable } from "../../core/index.ts";
import { readCable } from "../archive/read-cable.ts";
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
  const { cable } = await readable(deps, user, cableId);
  const chained = await deps.store.db
    .selectFrom("chain_links")
    .select("cable_id")
    .where("cable_id", "=", cable.id)
    .executeTakeFirst();
  if (!chained) {
    throw new CablegramError(
      "INVALID_INPUT",
      `${cable.id} was not released here; only Cablegram's own cables are corrected.`,
    );
  }
  const { id: _id, serial: _serial, dtg: _dtg, transmission: _t, section: _s, warnings: _w, ...fields } = cable;
  const handling = fields.handling.filter((h) => h !== "CORRECTED COPY");
  return createDraft(deps, user, { ...fields, handling }, { supersedes: cable.id });
}

async function readable(deps: WorkflowDeps, user: User, cableId: string) {
  const cited = await readCable(deps.store, readerOf(user), cableId);
  if (!cited) {
    throw new CablegramError(
      "CABLE_NOT_FOUND",
      `No cable ${JSON.stringify(cableId)} (it may not exist, or you may not read it).`,
      { id: cableId },
    );
  }
  return cited;
}

/** `08 STATE 16245`, as REF lines cite a cable. */
function referenceText(c: Cable): string {
  if (c.dtg && c.origin && c.serial !== null) return `${c.dtg.slice(2, 4)} ${c.origin} ${c.serial}`;
  return c.id ?? "";
}
