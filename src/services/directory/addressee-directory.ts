// Addressees against the directory, one way for drafting and for distribution: a post by PLAD, station or routing
// indicator, a collective with its member posts, or an office of a post (`EUR/SCE`). Loaded in a few queries for
// all of a cable's addressees at once, then answered from memory.
import type { Kysely } from "kysely";
import { collectiveAdmits, collectiveRule, type IsoDate } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import { oneOf } from "../../store/one-of.ts";
import { chanceryFirst, stationKey } from "./chancery-first.ts";
import { normalisePlad } from "./directory-schema.ts";

/** An addressee as written: a PLAD, station, routing indicator or office code, and the routing indicator given. */
export type AddresseeRef = { name: string; route?: string | null };

/** A post as addressing needs it. */
export type AddressedPost = { name: string; station: string | null; routingIndicator: string | null; kind: string };

/** What an addressee is in the directory: a post (or an office of it), or a collective and its posts. */
export type ResolvedAddressee =
  | { type: "post"; post: AddressedPost; office: string | null }
  | {
      type: "collective";
      name: string;
      routingIndicator: string | null;
      members: AddressedPost[];
      /** How the members were derived ("embassies in the members of UNSC on the release date"); null: as listed. */
      derivation: string | null;
    };

/** The part of the directory some addressees can mean, with the one rule that resolves each of them. */
export type AddresseeDirectory = {
  /** The day collectives were derived for: the release date, or today for a draft. */
  asOf: IsoDate;
  /**
   * What `ref` names, trying in turn: a post by its PLAD, a collective by its name, an office by its code (`EUR/SCE`,
   * `IO`), a collective then a post by the routing indicator given, a post by station (the chancery first), and a
   * post by a routing indicator written as the name (`RUEHFR`). Null when none matches.
   */
  resolve(ref: AddresseeRef): ResolvedAddressee | null;
};

// Names per query: well under SQLite's bound-parameter limit.
const CHUNK = 500;
const OFFICE_CODE = /\/|^[A-Z]{1,4}$/;
const ROUTING_INDICATOR = /^R[A-Z]{4,6}$/;

type PostRow = { name: string; station: string | null; routing_indicator: string | null; kind: string };

const POST_COLUMNS = ["name", "station", "routing_indicator", "kind", "country"] as const;

/**
 * Loads what `refs` can mean: the posts named exactly (one query for a cable whose addressees are directory names,
 * the usual case), the collectives named or routed to and their posts, and only for the rest, offices and posts
 * by station or routing indicator. A collective that corresponds to a bloc, a country or a kind of post
 * (`collectiveRule`) has the posts its rule admits on `asOf` (the release date; default today), not a stored list.
 * @example (await loadAddresseeDirectory(db, [{ name: "PARIS" }])).resolve({ name: "PARIS" }) // { type: "post", post: { name: "AMEMBASSY PARIS", ... }, office: null }
 */
export async function loadAddresseeDirectory(
  db: Kysely<Database>,
  refs: readonly AddresseeRef[],
  asOf: IsoDate = new Date().toISOString().slice(0, 10),
): Promise<AddresseeDirectory> {
  const names = unique(refs.map((r) => normalisePlad(r.name)));
  const routes = unique(refs.flatMap((r) => (r.route ? [r.route.toUpperCase()] : [])));
  const byName = new Map<string, AddressedPost>();
  for (const p of await postsNamed(db, names)) byName.set(p.name, p);

  const collectives = new Map<
    string,
    { name: string; routingIndicator: string | null; members: AddressedPost[]; derivation: string | null }
  >();
  const collectiveByRoute = new Map<string, string>();
  const collectiveRows =
    names.length === 0
      ? []
      : await db
          .selectFrom("collectives")
          .select(["name", "routing_indicator"])
          .where((eb) =>
            eb.or([oneOf(db, "name", names), ...(routes.length > 0 ? [oneOf(db, "routing_indicator", routes)] : [])]),
          )
          .execute();
  for (const c of collectiveRows) {
    const derivation = collectiveRule(c.name)?.describe ?? null;
    collectives.set(c.name, { name: c.name, routingIndicator: c.routing_indicator, members: [], derivation });
    if (c.routing_indicator) collectiveByRoute.set(c.routing_indicator, c.name);
  }
  const listed = [...collectives.values()].filter((c) => c.derivation === null).map((c) => c.name);
  const derived = [...collectives.values()].filter((c) => c.derivation !== null);
  if (derived.length > 0) {
    const posts = await db.selectFrom("posts").select(POST_COLUMNS).orderBy("name").execute();
    for (const c of derived) {
      const admits = collectiveAdmits(collectiveRule(c.name)!, asOf);
      c.members = posts.filter(admits).map(postOf);
    }
  }
  if (listed.length > 0) {
    const members = await db
      .selectFrom("collective_members")
      .select(["collective", "post"])
      .where("collective", "in", listed)
      .orderBy("post")
      .execute();
    const missing = unique(members.map((m) => m.post).filter((p) => !byName.has(p)));
    for (const p of await postsNamed(db, missing)) byName.set(p.name, p);
    for (const m of members) {
      const post = byName.get(m.post);
      if (post) collectives.get(m.collective)!.members.push(post);
    }
  }

  // Drafts carry directory names, so the name finds nearly every addressee; only what it misses is looked for
  // as an office, by station or by routing indicator.
  const missed = refs.filter((r) => {
    const name = normalisePlad(r.name);
    return !byName.has(name) && !collectives.has(name);
  });
  const offices = new Map<string, AddressedPost>();
  const byStation = new Map<string, AddressedPost>();
  const byRoute = new Map<string, AddressedPost>();
  if (missed.length > 0) {
    const missedNames = unique(missed.map((r) => normalisePlad(r.name)));
    const codes = missedNames.filter((n) => OFFICE_CODE.test(n));
    if (codes.length > 0) {
      const rows = await db
        .selectFrom("offices as o")
        .innerJoin("posts as p", "p.name", "o.post")
        .select(["o.code", "p.name", "p.station", "p.routing_indicator", "p.kind"])
        .where(oneOf(db, "o.code", codes))
        .execute();
      // Offices are keyed per post: a bare code (`EUR/SCE`) is the Department's office, or the one post's that has
      // it; `POL`, at every embassy, names no post alone.
      const seen = new Map<string, number>();
      for (const r of rows) seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
      for (const r of rows) {
        if (r.kind === "headquarters" || (seen.get(r.code) === 1 && !offices.has(r.code)))
          offices.set(r.code, postOf(r));
      }
      for (const [code, n] of seen) {
        if (n > 1 && offices.get(code)?.kind !== "headquarters") offices.delete(code);
      }
    }
    const stations = unique(missedNames.map(stationKey));
    const missedRoutes = unique([
      ...missed.flatMap((r) => (r.route ? [r.route.toUpperCase()] : [])),
      ...missedNames.filter((n) => ROUTING_INDICATOR.test(n)),
    ]);
    const rows = await db
      .selectFrom("posts")
      .select(["name", "station", "routing_indicator", "kind"])
      .where((eb) =>
        eb.or([
          oneOf(db, "station", stations),
          ...(missedRoutes.length > 0 ? [oneOf(db, "routing_indicator", missedRoutes)] : []),
        ]),
      )
      .execute();
    for (const p of rows.map(postOf).sort(chanceryFirst)) {
      if (p.station && !byStation.has(p.station)) byStation.set(p.station, p);
      if (p.routingIndicator && !byRoute.has(p.routingIndicator)) byRoute.set(p.routingIndicator, p);
    }
  }

  const post = (p: AddressedPost | undefined, office: string | null = null): ResolvedAddressee | null =>
    p ? { type: "post", post: p, office } : null;
  const collective = (name: string | undefined): ResolvedAddressee | null => {
    const c = name === undefined ? undefined : collectives.get(name);
    return c ? { type: "collective", ...c } : null;
  };
  return {
    asOf,
    resolve(ref) {
      const name = normalisePlad(ref.name);
      const route = ref.route ? ref.route.toUpperCase() : null;
      return (
        post(byName.get(name)) ??
        collective(name) ??
        (OFFICE_CODE.test(name) ? post(offices.get(name), name) : null) ??
        (route ? (collective(collectiveByRoute.get(route)) ?? post(byRoute.get(route))) : null) ??
        post(byStation.get(stationKey(name))) ??
        (ROUTING_INDICATOR.test(name) ? post(byRoute.get(name)) : null)
      );
    },
  };
}

async function postsNamed(db: Kysely<Database>, names: readonly string[]): Promise<AddressedPost[]> {
  const found: AddressedPost[] = [];
  for (let i = 0; i < names.length; i += CHUNK) {
    const rows = await db
      .selectFrom("posts")
      .select(["name", "station", "routing_indicator", "kind"])
      .where(oneOf(db, "name", names.slice(i, i + CHUNK)))
      .execute();
    found.push(...rows.map(postOf));
  }
  return found;
}

function postOf(row: PostRow): AddressedPost {
  return { name: row.name, station: row.station, routingIndicator: row.routing_indicator, kind: row.kind };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
