// Addressees against the directory: a post by PLAD, station or routing indicator, a collective, or an office
// (written `EUR/SCE`, sent to its post with the office suffix). Unknown ones become findings with close matches.
import type { Addressee } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import { oneOf } from "../../store/one-of.ts";
import { findPost, normalisePlad } from "../directory/index.ts";
import type { AddresseeInput, DraftFinding } from "./draft-schema.ts";

/** The three addressee lists of a draft. */
export type AddresseeList = "to" | "info" | "exclusions";

/** What resolution gives: addressees in the model's form (directory names and routes) and the unknown ones. */
export type Resolution = { addressees: Addressee[]; findings: DraftFinding[] };

/**
 * Resolves one list of addressees. A known one gets the directory's PLAD and routing indicator; an unknown one is
 * kept as written, with an `unknown_addressee` error naming it and the closest directory names as the hint.
 * @example await resolveAddressees(store, "to", ["PARIS"]) // { addressees: [{ route: "RUEHFR", name: "AMEMBASSY PARIS", ... }], findings: [] }
 */
export async function resolveAddressees(
  store: Store,
  list: AddresseeList,
  inputs: readonly AddresseeInput[],
  known?: Map<string, KnownPost>,
): Promise<Resolution> {
  const addressees: Addressee[] = [];
  const findings: DraftFinding[] = [];
  known ??= await knownPosts(store, inputs);
  for (const [index, input] of inputs.entries()) {
    const given = typeof input === "string" ? { name: input } : input;
    const base: Addressee = {
      route: given.route ?? null,
      name: normalisePlad(given.name),
      office: given.office ? given.office.trim().toUpperCase() : null,
      precedence: given.precedence ?? null,
      mcn: null,
    };
    const found = known.get(base.name) ?? (await lookUp(store, base.name));
    if (found) {
      addressees.push({ ...base, name: found.name, route: found.route, office: base.office ?? found.office });
      continue;
    }
    addressees.push(base);
    const near = await closeMatches(store, base.name);
    findings.push({
      code: "unknown_addressee",
      severity: "error",
      path: [list, index],
      message: `no post, collective or office named ${JSON.stringify(base.name)} in the directory`,
      hint: near.length > 0 ? `did you mean ${near.join(", ")}?` : "see `cablegram directory post list`",
    });
  }
  return { addressees, findings };
}

type Found = { name: string; route: string | null; office: string | null };

/** A post found by its exact name. */
export type KnownPost = Found;

/**
 * Posts named exactly, in one query: the usual case, so a cable to 280 posts costs one lookup, not 280. A caller
 * resolving several lists looks them all up at once and hands the answer to `resolveAddressees`.
 * @example (await knownPosts(store, ["AMEMBASSY PARIS"])).get("AMEMBASSY PARIS")?.route // "RUEHFR"
 */
export async function knownPosts(store: Store, inputs: readonly AddresseeInput[]): Promise<Map<string, KnownPost>> {
  const names = [...new Set(inputs.map((i) => normalisePlad(typeof i === "string" ? i : i.name)))];
  const found = new Map<string, Found>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await store.db
      .selectFrom("posts")
      .select(["name", "routing_indicator"])
      .where(oneOf(store.db, "name", names.slice(i, i + 500)))
      .execute();
    for (const r of rows) found.set(r.name, { name: r.name, route: r.routing_indicator, office: null });
  }
  return found;
}

async function lookUp(store: Store, name: string): Promise<Found | null> {
  const collective = await store.db
    .selectFrom("collectives")
    .select(["name", "routing_indicator"])
    .where("name", "=", name)
    .executeTakeFirst();
  if (collective) return { name: collective.name, route: collective.routing_indicator, office: null };
  if (name.includes("/") || /^[A-Z]{1,4}$/.test(name)) {
    const office = await store.db
      .selectFrom("offices as o")
      .innerJoin("posts as p", "p.name", "o.post")
      .select(["o.code", "p.name", "p.routing_indicator"])
      .where("o.code", "=", name)
      .executeTakeFirst();
    if (office) return { name: office.name, route: office.routing_indicator, office: office.code };
  }
  const post = await findPost(store, name);
  if (post) return { name: post.name, route: post.routingIndicator ?? null, office: null };
  if (/^R[A-Z]{4,6}$/.test(name)) {
    const byRoute = await store.db
      .selectFrom("posts")
      .select(["name", "routing_indicator"])
      .where("routing_indicator", "=", name)
      .orderBy("name")
      .executeTakeFirst();
    if (byRoute) return { name: byRoute.name, route: byRoute.routing_indicator, office: null };
  }
  return null;
}

/** Up to three directory names nearest to `name` by edit distance over the place part of the PLAD. */
async function closeMatches(store: Store, name: string): Promise<string[]> {
  const rows = await store.db.selectFrom("posts").select("name").execute();
  const target = place(name);
  return rows
    .map((r) => ({ name: r.name, d: distance(place(r.name), target) }))
    .filter((r) => r.d <= Math.max(2, Math.floor(target.length / 3)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((r) => r.name);
}

function place(plad: string): string {
  return plad.replace(/^(AMEMBASSY|AMCONSUL|USMISSION|USOFFICE|SECSTATE|USEU|USINT)\s+/, "");
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length]!;
}
