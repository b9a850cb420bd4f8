// Archive test data: seed cables as parsed, variants of them with chosen fields, and readers.
import type { Addressee, Cable } from "../../src/core/index.ts";
import type { Reader } from "../../src/services/access/index.ts";
import { parseTelegram } from "../../src/telegram/index.ts";
import { readSeed, type SeedId } from "./seeds.ts";

/** A seed cable as parsed, with its raw text. */
export function seed(id: SeedId): { cable: Cable; raw: string } {
  const raw = readSeed(id);
  const cable = parseTelegram(raw);
  cable.id ??= id;
  return { cable, raw };
}

/**
 * A copy of `base` with the given fields replaced, for tests whose cables must keep a seed's text (its words,
 * addressees or references) with chosen captions, tags or dates; `buildCable` (factories.ts) makes one from nothing.
 * @example variantOf(seed("08STATE16245").cable, { id: "08STATE90001", caveats: ["NODIS"] })
 */
export function variantOf(base: Cable, patch: Partial<Cable> & { id: string }): Cable {
  return { ...structuredClone(base), warnings: [], ...patch };
}

/**
 * An addressee line for tests.
 * @example addressee("AMEMBASSY PARIS", "POL") // { route: null, name: "AMEMBASSY PARIS", office: "POL", ... }
 */
export function addressee(name: string, office: string | null = null): Addressee {
  return { route: null, name, office, precedence: "PRIORITY", mcn: null };
}

/**
 * A reader with nothing but what `patch` grants (UNCLASSIFIED clearance by default).
 * @example buildReader({ clearance: "SECRET", accesses: ["NOFORN"] })
 */
export function buildReader(patch: Partial<Reader> = {}): Reader {
  return { userId: "u-test", clearance: "UNCLASSIFIED", accesses: [], lists: [], offices: [], post: null, ...patch };
}
