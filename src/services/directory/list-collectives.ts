// Lists the collectives of the directory with their member posts.
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { normalisePlad, type Collective } from "./directory-schema.ts";

/**
 * Every collective with its members (PLADs, sorted); with `name`, only that one (an empty list when missing).
 * @example await listCollectives(store) // [{ name: "EUROPEAN POLITICAL COLLECTIVE", routingIndicator: "RUEHZL", members: [...] }]
 */
export async function listCollectives(store: Store, filter: { name?: string } = {}): Promise<Collective[]> {
  let query = store.db.selectFrom("collectives").selectAll().orderBy("name");
  let members = store.db.selectFrom("collective_members").selectAll().orderBy("post");
  if (filter.name) {
    query = query.where("name", "=", normalisePlad(filter.name));
    members = members.where("collective", "=", normalisePlad(filter.name));
  }
  const byCollective = new Map<string, string[]>();
  for (const m of await members.execute()) {
    const list = byCollective.get(m.collective) ?? [];
    list.push(m.post);
    byCollective.set(m.collective, list);
  }
  return (await query.execute()).map((c) => ({
    name: c.name,
    routingIndicator: c.routing_indicator,
    members: byCollective.get(c.name) ?? [],
  }));
}

/**
 * The collective of that name, or COLLECTIVE_NOT_FOUND.
 * @example await requireCollective(store, "nato eu collective") // { name: "NATO EU COLLECTIVE", ... }
 */
export async function requireCollective(store: Store, name: string): Promise<Collective> {
  const [found] = await listCollectives(store, { name });
  if (found) return found;
  throw new CablegramError("COLLECTIVE_NOT_FOUND", `No collective named ${JSON.stringify(normalisePlad(name))}.`);
}
