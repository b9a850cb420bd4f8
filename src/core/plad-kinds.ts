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

// Defence addressees: commands, staffs, attaches, services, ships and bases (`CDR USCENTCOM MACDILL AFB FL`,
// `HQ EUCOM VAIHINGEN GE`, `DEPT OF ARMY WASHDC`, `PACOM IDHS HONOLULU HI`, `39ABG INCIRLIK AB TU`).
const MILITARY_PLAD =
  /^(?:CDR|HQS?|COM[A-Z]*|USCINC[A-Z]*|CJCS|JCS|JOINT STAFF|CSG JOINT STAFF|SECDEF|OSD|OSAF|SECNAV|CNO|USDAO|ODC|ODRP|USNMR|CJTF|AFSOUTH|USCENT[A-Z]*|USSOUTHCOM|SOUTHCOM|USAFE|USAREUR|USEUCOM|EUCOM|USSOCOM|USDEL[A-Z]+|CHUSMTM|TSR|TLO|AFLO|AFOSI|DET|MNF|NAVSUPPFAC|JAC|JICCENT|DTRA[A-Z-]*|DISA|DIRJIATF|UDITDUSAREUR|DOD|DIRNSA|NSACSS|\d)|^(?:USPACOM|PACOM|HQDA|DA|DEPT OF (?:THE )?(?:ARMY|NAVY|AIR FORCE)|ARMY|NAVY|JICPAC|JTLO|USS|CCGD[A-Z]*|COGARD|USSOUTHAF)\b/;

/**
 * Whether a PLAD names a defence addressee: by its opening word (a command, staff or service) or an air base in it.
 * @example isMilitaryPlad("COMUSNAVEUR LONDON UK") // true
 * @example isMilitaryPlad("CIA WASHDC") // false
 */
export function isMilitaryPlad(plad: string): boolean {
  const name = plad.toUpperCase().replace(/\s+/g, " ").trim();
  return MILITARY_PLAD.test(name) || / AF?B /.test(` ${name} `);
}
