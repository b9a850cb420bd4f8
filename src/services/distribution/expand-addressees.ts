// Who gets a released cable: addressees resolved against the directory, collectives expanded to their posts,
// XMT exclusions applied, duplicates removed (action beats info, the higher precedence wins).
import type { Kysely } from "kysely";
import { precedenceRank, type Addressee, type Cable, type Precedence } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import { oneOf } from "../../store/one-of.ts";
import { normalisePlad } from "../directory/directory-schema.ts";
import { CablegramError } from "../errors.ts";

/** One copy to make: a post (or an office of it), its role and precedence. */
export type DeliveryTarget = {
  post: string;
  station: string | null;
  /** Office inside the post, '' for the post itself. */
  office: string;
  role: "action" | "info";
  precedence: Precedence;
};

type PostRow = { name: string; station: string | null; routing_indicator: string | null; kind: string };
type Directory = {
  byName: Map<string, PostRow>;
  byRoute: Map<string, PostRow>;
  byStation: Map<string, PostRow>;
  collectives: Map<string, string[]>;
  collectiveByRoute: Map<string, string>;
};

// The chancery first where posts share a station, as findPost does.
const KIND_ORDER = ["headquarters", "embassy", "mission", "consulate", "agency", "military"];

/**
 * The deliveries a cable calls for, one per post and office, in addressee order. Throws UNKNOWN_ADDRESSEE, naming
 * the addressee and close directory matches, when a name is neither a post nor a collective.
 * @example await expandAddressees(tx, cable) // [{ post: "AMEMBASSY OUAGADOUGOU", role: "action", precedence: "NIACT IMMEDIATE", ... }, ...]
 */
export async function expandAddressees(db: Kysely<Database>, cable: Cable): Promise<DeliveryTarget[]> {
  const all = [...cable.to, ...cable.info, ...cable.exclusions];
  const dir = await loadDirectory(db, all);
  const excluded = new Set<string>();
  for (const x of cable.exclusions) for (const post of await resolve(db, dir, x)) excluded.add(post.name);

  const targets = new Map<string, DeliveryTarget>();
  const add = (a: Addressee, role: "action" | "info", posts: PostRow[], fromCollective: boolean) => {
    const precedence: Precedence = a.precedence ?? cable.precedence ?? "ROUTINE";
    for (const post of posts) {
      if (fromCollective && excluded.has(post.name)) continue;
      const office = fromCollective ? "" : (a.office?.trim().toUpperCase() ?? "");
      const key = `${post.name}\u0000${office}`;
      const had = targets.get(key);
      const target: DeliveryTarget = { post: post.name, station: post.station, office, role, precedence };
      if (!had) targets.set(key, target);
      else {
        if (role === "action") had.role = "action";
        if (precedenceRank(precedence) < precedenceRank(had.precedence)) had.precedence = precedence;
      }
    }
  };
  for (const [list, role] of [
    [cable.to, "action"],
    [cable.info, "info"],
  ] as const) {
    for (const a of list) {
      const collective = collectiveOf(dir, a);
      const posts = collective ? (dir.collectives.get(collective) ?? []).map((n) => dir.byName.get(n)!) : null;
      add(a, role, posts ?? (await resolve(db, dir, a)), posts !== null);
    }
  }
  return [...targets.values()];
}

function collectiveOf(dir: Directory, a: Addressee): string | null {
  const name = normalisePlad(a.name);
  if (dir.collectives.has(name)) return name;
  return a.route ? (dir.collectiveByRoute.get(a.route.toUpperCase()) ?? null) : null;
}

async function resolve(db: Kysely<Database>, dir: Directory, a: Addressee): Promise<PostRow[]> {
  const collective = collectiveOf(dir, a);
  if (collective) return (dir.collectives.get(collective) ?? []).map((n) => dir.byName.get(n)!);
  const name = normalisePlad(a.name);
  const post =
    dir.byName.get(name) ??
    (a.route ? dir.byRoute.get(a.route.toUpperCase()) : undefined) ??
    dir.byStation.get(name.replace(/[^A-Z0-9]/g, ""));
  if (post) return [post];
  throw new CablegramError("UNKNOWN_ADDRESSEE", `${JSON.stringify(a.name)} is neither a post nor a collective.`, {
    addressee: a.name,
    hints: await closeMatches(db, name),
  });
}

/** Up to three directory names sharing the last word of `name` (the city, usually): hints for a typo. */
async function closeMatches(db: Kysely<Database>, name: string): Promise<string[]> {
  const word = name.split(" ").pop() ?? name;
  if (word.length < 3) return [];
  const rows = await db
    .selectFrom("posts")
    .select("name")
    .where("name", "like", `%${word.slice(0, Math.max(3, word.length - 2))}%`)
    .orderBy("name")
    .limit(3)
    .execute();
  return rows.map((r) => r.name);
}

/** Loads, in a handful of queries, every post and collective the addressees can mean. */
async function loadDirectory(db: Kysely<Database>, addressees: Addressee[]): Promise<Directory> {
  const names = [...new Set(addressees.map((a) => normalisePlad(a.name)))];
  const routes = [...new Set(addressees.flatMap((a) => (a.route ? [a.route.toUpperCase()] : [])))];
  const dir: Directory = {
    byName: new Map(),
    byRoute: new Map(),
    byStation: new Map(),
    collectives: new Map(),
    collectiveByRoute: new Map(),
  };
  if (names.length === 0) return dir;
  const collectiveRows = await db
    .selectFrom("collectives")
    .select(["name", "routing_indicator"])
    .where((eb) =>
      eb.or([oneOf(db, "name", names), ...(routes.length > 0 ? [oneOf(db, "routing_indicator", routes)] : [])]),
    )
    .execute();
  for (const c of collectiveRows) {
    dir.collectives.set(c.name, []);
    if (c.routing_indicator) dir.collectiveByRoute.set(c.routing_indicator, c.name);
  }
  const collectiveNames = [...dir.collectives.keys()];
  const members =
    collectiveNames.length === 0
      ? []
      : await db
          .selectFrom("collective_members")
          .select(["collective", "post"])
          .where("collective", "in", collectiveNames)
          .orderBy("post")
          .execute();
  for (const m of members) dir.collectives.get(m.collective)!.push(m.post);
  const memberNames = members.map((m) => m.post);
  const posts = await db
    .selectFrom("posts")
    .select(["name", "station", "routing_indicator", "kind"])
    .where(oneOf(db, "name", [...new Set([...names, ...memberNames])]))
    .execute();
  // Drafts carry directory names, so the name finds nearly every post by its key; only what it misses is looked
  // for by station or routing indicator (a scan of the directory).
  const named = new Set(posts.map((p) => p.name));
  const missed = addressees.filter(
    (a) => !named.has(normalisePlad(a.name)) && !dir.collectives.has(normalisePlad(a.name)),
  );
  if (missed.length > 0) {
    const stations = [...new Set(missed.map((a) => normalisePlad(a.name).replace(/[^A-Z0-9]/g, "")))];
    const routes = [...new Set(missed.flatMap((a) => (a.route ? [a.route.toUpperCase()] : [])))];
    const more = await db
      .selectFrom("posts")
      .select(["name", "station", "routing_indicator", "kind"])
      .where((eb) =>
        eb.or([eb("station", "in", stations), ...(routes.length > 0 ? [eb("routing_indicator", "in", routes)] : [])]),
      )
      .execute();
    posts.push(...more.filter((p) => !named.has(p.name)));
  }
  posts.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
  for (const p of posts) {
    dir.byName.set(p.name, p);
    if (p.routing_indicator && !dir.byRoute.has(p.routing_indicator)) dir.byRoute.set(p.routing_indicator, p);
    if (p.station && !dir.byStation.has(p.station)) dir.byStation.set(p.station, p);
  }
  return dir;
}
