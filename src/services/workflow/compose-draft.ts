// Turns what a drafter sent into the draft's cable: addressees resolved, body read into paragraphs, release
// fields cleared; and the findings of every save (validateCable plus directory and action-request checks).
import {
  actionRequestIssues,
  bodyOfParagraphs,
  emptyCable,
  validateCable,
  type ActionRequest,
  type Addressee,
  type Cable,
  type IsoDate,
} from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import { findPost, loadAddresseeDirectory, type AddresseeDirectory } from "../directory/index.ts";
import { paragraphsOfBody } from "./body-paragraphs.ts";
import type { DraftFields, DraftFinding } from "./draft-schema.ts";
import { refOf, resolveAddressees, type AddresseeList } from "./resolve-addressees.ts";

/** A composed draft: its cable, its action requests, its originating post (PLAD) and the findings. */
export type ComposedDraft = {
  cable: Cable;
  actionRequests: ActionRequest[];
  originPost: string | null;
  findings: DraftFinding[];
  /** The directory the addressees were resolved against: release hands it on to distribution. */
  directory: AddresseeDirectory;
};

/**
 * Applies `fields` over `base` (an empty cable for a new draft) and resolves what changed. `homePost` (a PLAD or
 * station) is the origin when the draft names none. Collectives are derived for `asOf`: the release date (today
 * for a draft being saved).
 * @example await composeDraft(store, null, { subject: "HELLO", to: ["PARIS"] }, "STATE")
 */
export async function composeDraft(
  store: Store,
  base: { cable: Cable; actionRequests: ActionRequest[] } | null,
  fields: DraftFields,
  homePost: string | null,
  asOf?: IsoDate,
): Promise<ComposedDraft> {
  const cable: Cable = { ...(base?.cable ?? emptyCable()) };
  const findings: DraftFinding[] = [];
  const copy = <K extends keyof Cable & keyof DraftFields>(key: K) => {
    if (fields[key] !== undefined) (cable as Record<string, unknown>)[key] = fields[key];
  };
  for (const key of [
    "classification",
    "caveats",
    "handling",
    "eo",
    "tags",
    "subject",
    "references",
    "classifiedBy",
    "signers",
  ] as const) {
    copy(key);
  }
  if (fields.paragraphs !== undefined) cable.paragraphs = fields.paragraphs;
  else if (fields.body !== undefined) cable.paragraphs = paragraphsOfBody(fields.body);
  cable.body = bodyOfParagraphs(cable.paragraphs);
  const lists = ["to", "info", "exclusions"] as const satisfies AddresseeList[];
  // Every list is resolved on every save, so an unknown addressee stays a finding until it is fixed; the
  // addressees of all three are looked up at once.
  const directory = await loadAddresseeDirectory(
    store.db,
    lists.flatMap((list) => (fields[list] ?? cable[list]).map(refOf)),
    asOf,
  );
  for (const list of lists) {
    const given = fields[list] ?? cable[list];
    const resolved = await resolveAddressees(store, list, given, directory);
    cable[list] = resolved.addressees;
    findings.push(...resolved.findings);
  }
  const origin = await resolveOrigin(store, fields, cable.from, homePost);
  cable.from = origin.from;
  if (origin.finding) findings.push(origin.finding);
  Object.assign(cable, { id: null, origin: null, serial: null, dtg: null, section: null, transmission: null });
  cable.warnings = [];
  cable.precedence = null;
  const actionRequests = fields.actionRequests ?? base?.actionRequests ?? [];
  findings.push(...actionRequestIssues(cable.to, actionRequests));
  findings.push(
    ...validateCable(cable).issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      path: i.path,
      message: i.message,
      hint: i.hint,
    })),
  );
  return { cable, actionRequests, originPost: origin.from?.name ?? null, findings, directory };
}

/**
 * Findings of a stored draft, recomputed (directory lookups included) for a draft read back or about to be released.
 * @example (await draftFindings(store, cable, requests)).filter((f) => f.severity === "error")
 */
export async function draftFindings(
  store: Store,
  cable: Cable,
  actionRequests: ActionRequest[],
): Promise<DraftFinding[]> {
  return (await composeDraft(store, { cable, actionRequests }, {}, null)).findings;
}

async function resolveOrigin(
  store: Store,
  fields: DraftFields,
  current: Addressee | null,
  homePost: string | null,
): Promise<{ from: Addressee | null; finding: DraftFinding | null }> {
  const given = fields.from === undefined ? (current?.name ?? homePost) : fields.from;
  const name = given === null ? null : typeof given === "string" ? given : given.name;
  if (name === null) {
    return {
      from: null,
      finding: {
        code: "missing_origin",
        severity: "error",
        path: ["from"],
        message: "the draft names no originating post, and you have no home post",
        hint: 'set "from" to your post, e.g. "SECSTATE WASHDC"',
      },
    };
  }
  const post = await findPost(store, name);
  if (post?.station) {
    return { from: { route: null, name: post.name, office: null, precedence: null, mcn: null }, finding: null };
  }
  return {
    from: { route: null, name: name.toUpperCase(), office: null, precedence: null, mcn: null },
    finding: {
      code: "unknown_origin",
      severity: "error",
      path: ["from"],
      message: `${JSON.stringify(name)} is not a post that numbers cables`,
      hint: "originate from a post of the directory that has a station (PARIS, STATE)",
    },
  };
}
