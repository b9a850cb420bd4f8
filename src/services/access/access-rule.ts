// The access rule, in one place: what a cable demands of its reader, and whether a reader meets it.
// The store applies the same rule inside its queries (readable-by.ts); mayRead is its in-memory form.
import { CAPTIONS, classificationRank, type Cable, type Classification } from "../../core/index.ts";
import { EVERYTHING, type Reader } from "./reader.ts";

/** The rule as the README quotes it. */
export const ACCESS_RULE = `A reader may read a cable only if all three hold:
1. Level: the reader's clearance is at least the cable's classification. A cable whose classification
   is unknown counts as SECRET.
2. Caveats: every caveat on the cable is among the reader's accesses (NOFORN needs the NOFORN access,
   held by nationals). SIPDIS and SENSITIVE do not restrict; captions are rule 3.
3. Captions: a cable captioned NODIS, EXDIS, LIMDIS or STADIS is readable only by readers in one of the
   offices it is addressed to (an addressee's office suffix, as in AMEMBASSY PARIS//POL//, or a handling
   line such as DEPT FOR EUR/SCE) or on one of the distribution lists it names (a caption followed by a
   name, as in NODIS-KOSOVO or NODIS KOSOVO).
A cable a reader may not read does not exist for that reader: it is "not found", and no list, total,
facet count, snippet or reference reveals it.`;

/** Caveats that only say where a copy may go or that it is sensitive: they restrict nobody. */
const NON_RESTRICTIVE = new Set(["SIPDIS", "SENSITIVE"]);

const LIST_CAPTION = new RegExp(`^(${CAPTIONS.join("|")})[\\s-]+([A-Z0-9][A-Z0-9 -]*)$`);
// "DEPT FOR INL, EUR/SCE", "DEPARTMENT FOR EUR/NCE", "PASS TO USTR": the offices after FOR or PASS TO.
const OFFICE_SLUG = /\b(?:FOR|PASS TO)\s+(.+)$/;

/** What a cable demands of its reader; computed once when the cable is archived and stored beside it. */
export type CableLocks = {
  /** Rank of the classification (unknown counts as SECRET). */
  classRank: number;
  /** Caveats the reader must hold as accesses, normalised, e.g. ["NOFORN"]. */
  caveats: string[];
  /** True when the cable carries a caption (NODIS, EXDIS, LIMDIS, STADIS). */
  captioned: boolean;
  /** For a captioned cable, what grants it: `office:EUR/SCE`, `list:NODIS-KOSOVO`. Empty otherwise. */
  grants: string[];
};

/**
 * Normalises a caveat, office or list name as both cables and readers are compared: upper case, single spaces.
 * @example normaliseName(" nodis  kosovo ") // "NODIS KOSOVO"
 */
export function normaliseName(name: string): string {
  return name.trim().toUpperCase().replace(/\s+/g, " ");
}

/**
 * Normalises a distribution list name: `NODIS KOSOVO` and `nodis-kosovo` are both `NODIS-KOSOVO`.
 * @example normaliseListName("nodis kosovo") // "NODIS-KOSOVO"
 */
export function normaliseListName(name: string): string {
  return normaliseName(name).replace(/[\s-]+/g, "-");
}

/**
 * The classification rank the rule uses: unknown (null) counts as SECRET, so an unparsed cable fails closed.
 * @example effectiveClassRank(null) // 3
 */
export function effectiveClassRank(classification: Classification | null): number {
  return classificationRank(classification ?? "SECRET");
}

/**
 * What a cable demands of its reader under ACCESS_RULE. The archive stores these beside the cable, so the
 * queries and `mayRead` decide from the same facts.
 * @example locksOf(nodisCable) // { classRank: 2, caveats: [], captioned: true, grants: ["office:EUR/SCE", "list:NODIS-KOSOVO"] }
 */
export function locksOf(cable: Cable): CableLocks {
  const caveats = new Set<string>();
  const lists = new Set<string>();
  let captioned = false;
  for (const raw of [...cable.caveats, ...cable.handling]) {
    const name = normaliseName(raw);
    // A caption is a caption wherever the parser put it: fail closed.
    if ((CAPTIONS as readonly string[]).includes(name)) captioned = true;
    if (LIST_CAPTION.test(name)) {
      captioned = true;
      lists.add(normaliseListName(name));
    }
  }
  for (const raw of cable.caveats) {
    const name = normaliseName(raw);
    if (name === "" || NON_RESTRICTIVE.has(name)) continue;
    if (!(CAPTIONS as readonly string[]).includes(name) && !LIST_CAPTION.test(name)) caveats.add(name);
  }
  const grants = new Set<string>();
  if (captioned) {
    for (const office of officesOf(cable)) grants.add(`office:${office}`);
    for (const list of lists) grants.add(`list:${list}`);
  }
  return {
    classRank: effectiveClassRank(cable.classification),
    caveats: [...caveats].sort(),
    captioned,
    grants: [...grants].sort(),
  };
}

/** Offices a cable is addressed to: addressees' office suffixes and the offices handling lines slug it for. */
function officesOf(cable: Cable): string[] {
  const offices: string[] = [];
  for (const a of [...cable.to, ...cable.info]) if (a.office) offices.push(normaliseName(a.office));
  for (const line of cable.handling) {
    const slug = OFFICE_SLUG.exec(normaliseName(line));
    if (!slug) continue;
    for (const part of slug[1]!.split(/,|;|\bAND\b/)) {
      const office = normaliseName(part).replace(/[.:]+$/, "");
      if (office !== "") offices.push(office);
    }
  }
  return offices.filter((o) => o !== "");
}

/**
 * Whether a reader meets a cable's locks: the decision of ACCESS_RULE once the locks are known.
 * @example readerMeets(SYSTEM_READER, anyLocks) // true
 */
export function readerMeets(reader: Reader, locks: CableLocks): boolean {
  if (classificationRank(reader.clearance) < locks.classRank) return false;
  const accesses = new Set(reader.accesses.map(normaliseName));
  if (!accesses.has(EVERYTHING) && !locks.caveats.every((c) => accesses.has(c))) return false;
  if (!locks.captioned) return true;
  const keys = readerGrantKeys(reader);
  if (keys === EVERYTHING) return true;
  return locks.grants.some((g) => keys.has(g));
}

/**
 * The grant keys a reader holds (`office:EUR/SCE`, `list:NODIS-KOSOVO`), or EVERYTHING for the system.
 * @example readerGrantKeys({ ...reader, offices: ["eur/sce"], lists: [] }) // Set { "office:EUR/SCE" }
 */
export function readerGrantKeys(reader: Reader): Set<string> | typeof EVERYTHING {
  if (reader.offices.includes(EVERYTHING) || reader.lists.includes(EVERYTHING)) return EVERYTHING;
  return new Set([
    ...reader.offices.map((o) => `office:${normaliseName(o)}`),
    ...reader.lists.map((l) => `list:${normaliseListName(l)}`),
  ]);
}

/**
 * Whether `reader` may read `cable` under ACCESS_RULE. Pure; the archive's queries must agree with it
 * (the access property test checks that they do).
 * @example mayRead({ ...reader, clearance: "UNCLASSIFIED" }, confidentialCable) // false
 */
export function mayRead(reader: Reader, cable: Cable): boolean {
  return readerMeets(reader, locksOf(cable));
}
