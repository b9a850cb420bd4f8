// The two seed cables, read from the project's own copy in examples/, so that every test built on them runs on a
// bare clone; only the corpus lives in ../shared (see shared-data.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the folder holding the seed telegrams (examples/ at the project root). */
export const SEEDS_DIR = fileURLToPath(new URL("../../examples/", import.meta.url));

/** The two seed cables every capability is first tested on. */
export const SEED_IDS = ["08STATE16245", "09STATE39345"] as const;
export type SeedId = (typeof SEED_IDS)[number];

/**
 * The absolute path of a seed telegram, for tests that hand a file to a command.
 * @example seedPath("09STATE39345") // "/…/examples/09STATE39345.txt"
 */
export function seedPath(id: SeedId): string {
  return join(SEEDS_DIR, `${id}.txt`);
}

/**
 * The text of a seed cable, as published.
 * @example readSeed("08STATE16245").includes("DE RUEHC #6245 0472322") // true
 */
export function readSeed(id: SeedId): string {
  return readFileSync(seedPath(id), "utf8");
}
