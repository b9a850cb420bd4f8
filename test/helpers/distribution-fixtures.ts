// Released cables for distribution tests: a seed's demarche with fields changed, drafted and released through the
// workflow (createDraft, releaseDraft) as an approver at the originating post, so that numbering, archive and the
// deliveries queued are the release's own, in its one transaction.
import type { Cable } from "../../src/core/index.ts";
import { SYSTEM_ACTING } from "../../src/services/acting.ts";
import { createUser, findUser } from "../../src/services/users/index.ts";
import { createDraft, releaseDraft, type DraftFields, type WorkflowDeps } from "../../src/services/workflow/index.ts";
import { buildUser } from "./factories.ts";
import type { SeedId } from "./seeds.ts";
import { seedDraft } from "./workflow-world.ts";

/**
 * A seed as draft fields with some replaced (what release assigns left out).
 * @example seedFields("08STATE16245", { to: ["AMEMBASSY PARIS"], info: [] })
 */
export function seedFields(seed: SeedId = "08STATE16245", changes: Partial<DraftFields> = {}): DraftFields {
  return { ...seedDraft(seed), ...changes };
}

const PORTION_MARKS = { CONFIDENTIAL: "C", SECRET: "S", "TOP SECRET": "TS" } as const;

/**
 * `fields` classified at `level` as a release requires: who classified it and why, a declassification date after
 * any test's clock, and every paragraph portion-marked at that level.
 * @example classifiedFields("SECRET", seedFields()).paragraphs?.[0]?.marking // "S"
 */
export function classifiedFields(level: keyof typeof PORTION_MARKS, fields: DraftFields): DraftFields {
  return {
    ...fields,
    classification: level,
    classifiedBy: { name: "Esther Brimmer", title: "IO A/S", reasons: ["1.4(b)"] },
    eo: { order: "12958", decl: "2051-02-16", text: "DECL: 02/16/2051" },
    paragraphs: (fields.paragraphs ?? []).map((p) => ({ ...p, marking: PORTION_MARKS[level] })),
  };
}

/**
 * Drafts `fields` and releases them as an approver of `post` (a drafter and approver there holding every clearance,
 * made on first use), with the store's clock; answers the new cable's id and model.
 * @example const { id } = await releaseFields(deps, seedFields()) // "26STATE1"
 */
export async function releaseFields(
  deps: WorkflowDeps,
  fields: DraftFields,
  post = "STATE",
): Promise<{ id: string; cable: Cable }> {
  const username = `releaser-${post.toLowerCase()}`;
  const releaser =
    (await findUser(deps.store, username)) ??
    (await createUser(
      deps,
      SYSTEM_ACTING,
      buildUser({
        username,
        roles: ["reader", "drafter", "approver"],
        clearance: "TOP SECRET",
        accesses: ["NOFORN"],
        post,
      }),
    ));
  const draft = await createDraft(deps, releaser, fields);
  return releaseDraft(deps, releaser, draft.id);
}

/** The five action posts and nine info posts of seed 08STATE16245. */
export const SEED08_ACTION = [
  "AMEMBASSY OUAGADOUGOU",
  "AMEMBASSY PANAMA",
  "AMEMBASSY PRETORIA",
  "AMEMBASSY SAN JOSE",
  "AMEMBASSY TRIPOLI",
];
