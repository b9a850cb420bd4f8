// Loads the default directory (posts, offices and collectives seen in the seeds and the corpus) into an empty store.
import { readFileSync } from "node:fs";
import { sectionsOf } from "../../core/post-sections.ts";
import type { Store } from "../../store/open-store.ts";
import { postToRow } from "./directory-rows.ts";
import { DirectorySchema, type Directory } from "./directory-schema.ts";

const DEFAULT_FILE = new URL("./default-directory.json", import.meta.url);

/**
 * Reads the default directory shipped with Cablegram (written by scripts/build-directory.ts), with the usual
 * sections of every embassy, consulate and mission (POST_SECTIONS) among its offices.
 * @example readDefaultDirectory().posts.find((p) => p.station === "PARIS")?.routingIndicator // "RUEHFR"
 * @example readDefaultDirectory().offices.filter((o) => o.post === "AMEMBASSY PANAMA").map((o) => o.code) // ["FO", "POL", ...]
 */
export function readDefaultDirectory(): Directory {
  const file = DirectorySchema.parse(JSON.parse(readFileSync(DEFAULT_FILE, "utf8")));
  const listed = new Set(file.offices.map((o) => `${o.post} ${o.code}`));
  const sections = file.posts.flatMap((post) =>
    sectionsOf(post.kind)
      .filter((s) => !listed.has(`${post.name} ${s.code}`))
      .map((s) => ({ code: s.code, name: s.name, post: post.name })),
  );
  return { ...file, offices: [...file.offices, ...sections] };
}

/** What loading did: whether the directory was empty (so it was loaded) and how many entries it now holds. */
export type LoadDirectoryResult = { loaded: boolean; posts: number; offices: number; collectives: number };

/**
 * Fills an empty directory in one transaction; leaves a directory that has any post alone, so that an
 * administrator's changes survive restarts.
 * @example await loadDefaultDirectory(store) // { loaded: true, posts: 426, offices: 1798, collectives: 64 }
 */
export async function loadDefaultDirectory(
  store: Store,
  directory: Directory = readDefaultDirectory(),
): Promise<LoadDirectoryResult> {
  const existing = await store.db.selectFrom("posts").select("name").limit(1).execute();
  if (existing.length > 0) return { loaded: false, ...(await countDirectory(store)) };
  await store.db.transaction().execute(async (tx) => {
    for (const rows of chunks(directory.posts.map(postToRow))) await tx.insertInto("posts").values(rows).execute();
    for (const rows of chunks(directory.offices)) await tx.insertInto("offices").values(rows).execute();
    const collectives = directory.collectives.map((c) => ({ name: c.name, routing_indicator: c.routingIndicator }));
    for (const rows of chunks(collectives)) await tx.insertInto("collectives").values(rows).execute();
    const members = directory.collectives.flatMap((c) => c.members.map((post) => ({ collective: c.name, post })));
    for (const rows of chunks(members)) await tx.insertInto("collective_members").values(rows).execute();
  });
  return { loaded: true, ...(await countDirectory(store)) };
}

async function countDirectory(store: Store): Promise<Omit<LoadDirectoryResult, "loaded">> {
  const count = async (table: "posts" | "offices" | "collectives") =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { posts: await count("posts"), offices: await count("offices"), collectives: await count("collectives") };
}

// Multi-row inserts stay well under SQLite's and PostgreSQL's bound-parameter limits.
function chunks<T>(rows: T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
