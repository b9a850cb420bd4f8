// The kind words that open a plain-language address (PLAD): `AMEMBASSY PARIS`, `AMCONSUL LYON`, `USMISSION USUN
// NEW YORK`. One list, and the one matcher every reader of a PLAD uses.

/** The words that say what kind of post a PLAD names; what follows them is the post's place (or mission name). */
export const PLAD_KIND_WORDS = {
  headquarters: ["SECSTATE"],
  embassy: ["AMEMBASSY", "AMEMB"],
  consulate: ["AMCONSUL", "AMCONGEN"],
  // USEU is at once the kind word and the mission's own name (`USEU BRUSSELS`).
  mission: ["USMISSION", "USEU", "USINT", "USOFFICE", "USLO", "USDEL", "AIT"],
} as const satisfies Record<string, readonly string[]>;

export type PladKind = keyof typeof PLAD_KIND_WORDS;

/** What a PLAD's kind word tells: the kind, the word as written, and the rest of the address. */
export type PladKindMatch = { kind: PladKind; word: string; rest: string };

const KIND_OF_WORD = new Map<string, PladKind>(
  Object.entries(PLAD_KIND_WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind as PladKind] as const)),
);

/**
 * Reads the kind word a PLAD opens with, in any case and spacing: null when it opens with none (agencies,
 * commands, collectives). `rest` is the address after the word, "" when there is nothing after it.
 * @example matchPladKind("amembassy  rio de janeiro") // { kind: "embassy", word: "AMEMBASSY", rest: "RIO DE JANEIRO" }
 * @example matchPladKind("SECSTATE WASHDC") // { kind: "headquarters", word: "SECSTATE", rest: "WASHDC" }
 * @example matchPladKind("CIA WASHDC") // null
 */
export function matchPladKind(plad: string): PladKindMatch | null {
  const name = plad.toUpperCase().replace(/\s+/g, " ").trim();
  const space = name.indexOf(" ");
  const word = space === -1 ? name : name.slice(0, space);
  const kind = KIND_OF_WORD.get(word);
  return kind === undefined ? null : { kind, word, rest: space === -1 ? "" : name.slice(space + 1) };
}
