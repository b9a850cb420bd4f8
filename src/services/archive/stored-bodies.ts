// The text of archived cables for search snippets, parsed once: a bounded memory of bodies by cable id. A telegram
// import stores its verbatim text and parses it again on every read (stored-model.ts), and a page of results is
// twenty parses, more than the search's SQL costs. The same cables come back in search after search (the newest,
// the most relevant to a popular word), and an archived cable never changes, so its body is remembered.
import { modelOf, type StoredModel } from "./stored-model.ts";

/** A stored cable as a search page fetches it: its id and the columns its model is read from. */
export type StoredBody = StoredModel & { id: string };

/** The bodies of archived cables, most recently asked for kept. */
export type StoredBodies = {
  /** The cable's body text, from memory when the stored columns are the ones remembered. */
  bodyOf(row: StoredBody): string;
};

type Remembered = StoredModel & { body: string };

/** Bodies remembered by default: a few hundred pages of results, some megabytes of text. */
export const REMEMBERED_BODIES = 2_000;

/**
 * A memory of up to `capacity` bodies, the least recently asked for forgotten first. A remembered body is used only
 * when the row's stored columns are equal to those it was parsed from, so that two archives with one cable id (two
 * stores in one process) or a repaired row never get another text's snippet. `parse` is `modelOf(row).body`.
 * @example const bodies = storedBodies(); bodies.bodyOf(row) // parses; bodies.bodyOf(row) again // remembered
 */
export function storedBodies(
  capacity = REMEMBERED_BODIES,
  parse: (row: StoredModel) => string = (row) => modelOf(row).body,
): StoredBodies {
  const remembered = new Map<string, Remembered>();
  return {
    bodyOf(row) {
      const known = remembered.get(row.id);
      if (known) remembered.delete(row.id);
      const same =
        known !== undefined &&
        known.raw === row.raw &&
        known.parse_hints === row.parse_hints &&
        known.model === row.model;
      const entry = same ? known : { model: row.model, raw: row.raw, parse_hints: row.parse_hints, body: parse(row) };
      // Re-inserted, it is the newest in the Map's order; the oldest goes first.
      remembered.set(row.id, entry);
      if (remembered.size > capacity) remembered.delete(remembered.keys().next().value!);
      return entry.body;
    },
  };
}
