// Factories for tests that need a user, a draft or a cable but not any particular one: plain valid values that need
// no seed, each field replaceable. A test states only what it is about ("a SECRET NOFORN cable to PARIS").
import { bodyOfParagraphs, emptyCable, type Cable } from "../../src/core/index.ts";
import type { NewUser } from "../../src/services/users/index.ts";
import type { DraftFields } from "../../src/services/workflow/index.ts";

/** The password of every test user (`buildUser`, the test servers' users), long enough for the password rules. */
export const PASSWORD = "a long enough passphrase";

/**
 * A new user for `createUser`: a reader at STATE cleared for UNCLASSIFIED, with a password; `overrides` replace fields.
 * @example await createUser(deps, buildUser({ username: "ada", roles: ["reader", "approver"], clearance: "SECRET" }))
 */
export function buildUser(overrides: Partial<NewUser> = {}): NewUser {
  return {
    username: "user",
    roles: ["reader"],
    clearance: "UNCLASSIFIED",
    post: "STATE",
    password: PASSWORD,
    ...overrides,
  };
}

/**
 * The fields of a small valid draft: from the drafter's post to PARIS at PRIORITY, unclassified, one paragraph;
 * `overrides` replace fields. Posted as it is to POST /api/drafts, or given to the createDraft service.
 * @example buildDraft({ subject: "FRANCE: ANOTHER" }).to // [{ name: "PARIS", precedence: "PRIORITY" }]
 */
export function buildDraft(overrides: Partial<DraftFields> = {}): DraftFields {
  return {
    to: [{ name: "PARIS", precedence: "PRIORITY" }],
    classification: "UNCLASSIFIED",
    eo: { order: "12958", decl: null, text: "N/A" },
    tags: ["PREL", "FR"],
    subject: "FRANCE: A DRAFT",
    body: "1. (U) Please deliver.",
    signers: ["RICE"],
    ...overrides,
  };
}

/**
 * A valid released cable, 26STATE1 from the Secretary to AMEMBASSY PARIS at PRIORITY, unclassified, one paragraph;
 * `overrides` replace fields, and the body follows the paragraphs unless given too.
 * @example buildCable({ id: "26STATE7", classification: "SECRET", caveats: ["NOFORN"] }).origin // "STATE"
 */
export function buildCable(overrides: Partial<Cable> = {}): Cable {
  const paragraphs = overrides.paragraphs ?? [{ number: 1, marking: "U", text: "Please deliver." }];
  return {
    ...emptyCable(),
    id: "26STATE1",
    origin: "STATE",
    serial: 1,
    dtg: "2026-02-16T23:19:00Z",
    precedence: "PRIORITY",
    from: { route: null, name: "SECSTATE WASHDC", office: null, precedence: null, mcn: null },
    to: [{ route: null, name: "AMEMBASSY PARIS", office: null, precedence: "PRIORITY", mcn: null }],
    classification: "UNCLASSIFIED",
    eo: { order: "12958", decl: null, text: "N/A" },
    tags: ["PREL", "FR"],
    subject: "FRANCE: A CABLE",
    signers: ["RICE"],
    paragraphs,
    body: bodyOfParagraphs(paragraphs),
    ...overrides,
  };
}
