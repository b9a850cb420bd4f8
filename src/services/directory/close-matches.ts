// The hint of an unknown addressee: the directory names nearest to what was written.
import type { Kysely } from "kysely";
import { matchPladKind } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import { normalisePlad } from "./directory-schema.ts";

/**
 * Up to three directory post names nearest to `name` by edit distance over the place part of the PLAD (what follows
 * its kind word), nearest first: the hint for a typo.
 * @example await closeMatches(db, "AMEMBASSY OUAGADOUGU") // ["AMEMBASSY OUAGADOUGOU"]
 */
export async function closeMatches(db: Kysely<Database>, name: string): Promise<string[]> {
  const rows = await db.selectFrom("posts").select("name").execute();
  const target = place(normalisePlad(name));
  return rows
    .map((r) => ({ name: r.name, d: distance(place(r.name), target) }))
    .filter((r) => r.d <= Math.max(2, Math.floor(target.length / 3)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((r) => r.name);
}

function place(plad: string): string {
  const kind = matchPladKind(plad);
  return kind && kind.rest !== "" ? kind.rest : plad;
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
