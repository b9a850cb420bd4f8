// The addressee names a directory answers to, held in memory, so that a fidelity report can ask it of every parsed
// addressee without a store. The same names the directory resolves (PLAD, collective, office, routing indicator,
// station), not its full rule; and, for a collection that names posts the directory has not met yet, the addressees
// it can add from their PLAD alone (as `cablegram directory add-post` does): a collective by its name, or a post
// whose kind and country its PLAD tells.
import type { Addressee } from "../../core/index.ts";
import type { Directory } from "../directory/directory-schema.ts";
import { describePlad, isCollectiveName } from "../directory/describe-plad.ts";
import { normalisePlad } from "../directory/directory-schema.ts";

/** Whether an addressee names something the directory knows. */
export type AddresseeCheck = (addressee: Pick<Addressee, "name" | "route">) => boolean;

/**
 * A check that answers whether the directory knows an addressee: by PLAD, collective name, office code, station
 * (`PARIS`), or routing indicator, written as the route or as the name.
 * @example directoryNames(readDefaultDirectory())({ name: "AMEMBASSY PARIS", route: "RUEHFR" }) // true
 */
export function directoryNames(directory: Directory): AddresseeCheck {
  const names = new Set<string>();
  const routes = new Set<string>();
  for (const post of directory.posts) {
    names.add(normalisePlad(post.name));
    if (post.station) names.add(post.station.toUpperCase());
    if (post.routingIndicator) routes.add(post.routingIndicator.toUpperCase());
  }
  for (const office of directory.offices) names.add(office.code.toUpperCase());
  for (const collective of directory.collectives) {
    names.add(normalisePlad(collective.name));
    if (collective.routingIndicator) routes.add(collective.routingIndicator.toUpperCase());
  }
  return ({ name, route }) => {
    const plad = normalisePlad(name);
    if (names.has(plad) || routes.has(plad) || (route !== null && routes.has(route.toUpperCase()))) return true;
    return describable(plad);
  };
}

/**
 * Whether the directory could add an addressee from its PLAD: a collective by name, a State post whose city the
 * directory places (`AMCONSUL SAPPORO`), a defence addressee, or an agency whose place its PLAD gives (`NRC WASHDC`).
 */
function describable(plad: string): boolean {
  if (isCollectiveName(plad) || /\bDIPL POSTS$/.test(plad)) return true;
  const facts = describePlad(plad);
  return facts !== null && (facts.kind === "military" || facts.country !== null);
}
