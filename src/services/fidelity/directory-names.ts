// The addressee names a directory answers to, held in memory, so that a fidelity report can ask it of every parsed
// addressee without a store. The same names the directory resolves (PLAD, collective, office, routing indicator,
// station), not its full rule.
import type { Addressee } from "../../core/index.ts";
import type { Directory } from "../directory/directory-schema.ts";
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
    return names.has(plad) || routes.has(plad) || (route !== null && routes.has(route.toUpperCase()));
  };
}
