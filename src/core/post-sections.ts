// The usual sections of a post abroad: the offices every embassy, consulate or mission of the default directory has.
import type { PladKind } from "./plad-kinds.ts";

/** A section of a post: its office code, what it is called, and the kinds of post that have one. */
export type PostSection = {
  code: string;
  name: string;
  kinds: readonly SectionedKind[];
};

/** The kinds of post that have the usual sections; headquarters' offices are its bureaus. */
export type SectionedKind = Exclude<PladKind, "headquarters">;

/**
 * The sections a post usually has, in the order a communicator slugs to them. Consulates have no defence attache,
 * security office or economic section of their own (the embassy's serve them); missions to organisations have no
 * consular section and no defence attache.
 */
export const POST_SECTIONS: readonly PostSection[] = [
  { code: "FO", name: "Front office (chief of mission and deputy)", kinds: ["embassy", "consulate", "mission"] },
  { code: "POL", name: "Political section", kinds: ["embassy", "consulate", "mission"] },
  { code: "ECON", name: "Economic section", kinds: ["embassy", "mission"] },
  { code: "CONS", name: "Consular section", kinds: ["embassy", "consulate"] },
  { code: "MGT", name: "Management section", kinds: ["embassy", "consulate", "mission"] },
  { code: "PAS", name: "Public affairs section", kinds: ["embassy", "consulate", "mission"] },
  { code: "RSO", name: "Regional security office", kinds: ["embassy", "mission"] },
  { code: "DAO", name: "Defense attache office", kinds: ["embassy"] },
];

/**
 * The usual sections of a post of that kind; none for headquarters, agencies and commands, whose offices are
 * their own.
 * @example sectionsOf("consulate").map((s) => s.code) // ["FO", "POL", "CONS", "MGT", "PAS"]
 */
export function sectionsOf(kind: string): PostSection[] {
  return POST_SECTIONS.filter((s) => (s.kinds as readonly string[]).includes(kind));
}
