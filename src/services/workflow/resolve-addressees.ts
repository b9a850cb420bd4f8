// Addressees of a draft against the directory (see addressee-directory.ts): each known one written in the model's
// form, each unknown one a finding with the close matches as its hint.
import { makeIssue, type Addressee } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import {
  closeMatches,
  loadAddresseeDirectory,
  normalisePlad,
  type AddresseeDirectory,
  type AddresseeRef,
} from "../directory/index.ts";
import type { AddresseeInput, DraftFinding } from "./draft-schema.ts";

/** The three addressee lists of a draft. */
export type AddresseeList = "to" | "info" | "exclusions";

/** What resolution gives: addressees in the model's form (directory names and routes) and the unknown ones. */
export type Resolution = { addressees: Addressee[]; findings: DraftFinding[] };

/**
 * Resolves one list of addressees. A known one gets the directory's PLAD and routing indicator (an office, its
 * post's, with the office kept); an unknown one is kept as written, with an `unknown_addressee` error naming it and
 * the closest directory names as the hint. A caller resolving several lists loads `directory` once for all of them.
 * @example await resolveAddressees(store, "to", ["PARIS"]) // { addressees: [{ route: "RUEHFR", name: "AMEMBASSY PARIS", ... }], findings: [] }
 */
export async function resolveAddressees(
  store: Store,
  list: AddresseeList,
  inputs: readonly AddresseeInput[],
  directory?: AddresseeDirectory,
): Promise<Resolution> {
  const addressees: Addressee[] = [];
  const findings: DraftFinding[] = [];
  directory ??= await loadAddresseeDirectory(store.db, inputs.map(refOf));
  for (const [index, input] of inputs.entries()) {
    const given = typeof input === "string" ? { name: input } : input;
    const base: Addressee = {
      route: given.route ?? null,
      name: normalisePlad(given.name),
      office: given.office ? given.office.trim().toUpperCase() : null,
      precedence: given.precedence ?? null,
      mcn: null,
    };
    const found = directory.resolve(base);
    if (found?.type === "post") {
      const { post, office } = found;
      addressees.push({ ...base, name: post.name, route: post.routingIndicator, office: base.office ?? office });
      continue;
    }
    if (found?.type === "collective") {
      addressees.push({ ...base, name: found.name, route: found.routingIndicator });
      // An excluded collective that reaches nobody excludes nobody; one addressed would deliver to nobody.
      if (found.members.length === 0 && list !== "exclusions") {
        const { code, severity, path, message, hint } = makeIssue({
          code: "empty_collective",
          path: [list, index],
          collective: found.name,
          asOf: directory.asOf,
          derivation: found.derivation,
        });
        findings.push({ code, severity, path, message, hint });
      }
      continue;
    }
    addressees.push(base);
    const near = await closeMatches(store.db, base.name);
    findings.push({
      code: "unknown_addressee",
      severity: "error",
      path: [list, index],
      message: `no post, collective or office named ${JSON.stringify(base.name)} in the directory`,
      hint:
        near.length > 0
          ? `did you mean ${near.join(", ")}?`
          : "check the spelling, or ask an administrator to add it to the directory",
    });
  }
  return { addressees, findings };
}

/**
 * What the directory is asked about an addressee as a drafter gives it.
 * @example refOf({ name: "paris", precedence: "ROUTINE" }) // { name: "paris", route: null }
 */
export function refOf(input: AddresseeInput): AddresseeRef {
  return typeof input === "string" ? { name: input } : { name: input.name, route: input.route ?? null };
}
