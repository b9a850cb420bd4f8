// Lists the collectives of the directory with their member posts: those listed, or for a collective that
// corresponds to a bloc, a country or a kind of post, those its rule derives for the day asked.
import { collectiveAdmits, collectiveRule, type IsoDate } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { normalisePlad, type Collective } from "./directory-schema.ts";

/**
 * Every collective with its members (PLADs, sorted); with `name`, only that one (an empty list when missing).
 * A derived collective's members are those of `asOf` (default today), and `derivation` says how they are derived.
 * @example await listCollectives(store) // [{ name: "EUROPEAN POLITICAL COLLECTIVE", routingIndicator: "RUEHZL", members: [...], derivation: null }]
 * @example (await listCollectives(store, { name: "UN SECURITY COUNCIL COLLECTIVE", asOf: "2009-04-07" }))[0].members // ["AMEMBASSY BEIJING", ...]
 */
export async function listCollectives(
  store: Store,
  filter: { name?: string; asOf?: IsoDate } = {},
): Promise<Collective[]> {
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
  const rows = await query.execute();
  const asOf = filter.asOf ?? new Date().toISOString().slice(0, 10);
  const posts = rows.some((c) => collectiveRule(c.name) !== undefined)
    ? await store.db.selectFrom("posts").select(["name", "country", "kind"]).orderBy("name").execute()
    : [];
  return rows.map((c) => {
    const rule = collectiveRule(c.name);
    if (rule === undefined) {
      return {
        name: c.name,
        routingIndicator: c.routing_indicator,
        members: byCollective.get(c.name) ?? [],
        derivation: null,
      };
    }
    const admits = collectiveAdmits(rule, asOf);
    const members = posts.filter(admits).map((p) => p.name);
    return { name: c.name, routingIndicator: c.routing_indicator, members, derivation: rule.describe };
  });
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
