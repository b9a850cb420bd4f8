// What release computes from a draft, the clock and its numbers: sections, the transmission header, the DTG. Pure.
import {
  bodyOfParagraphs,
  canonicalCableId,
  PROSIGN,
  precedenceRank,
  transmissionPrecedenceOf,
  type Addressee,
  type Cable,
  type Classification,
  type Precedence,
  type TransmissionPrecedence,
} from "../../core/index.ts";

/** Body characters a section holds at most: a longer body is sent as SECTION 01 OF nn, 02 OF nn, ... */
export const SECTION_CHARS = 3000;

/**
 * How many sections a body takes: one per SECTION_CHARS characters, at least one.
 * @example sectionCount("x".repeat(3664)) // 2
 */
export function sectionCount(body: string): number {
  return Math.max(1, Math.ceil(body.length / SECTION_CHARS));
}

const WARNING: Record<Classification, string> = {
  UNCLASSIFIED: "ZNR UUUUU ZZH",
  "LIMITED OFFICIAL USE": "ZNR UUUUU ZZH",
  CONFIDENTIAL: "ZNY CCCCC ZZH",
  SECRET: "ZNY SSSSS ZZH",
  "TOP SECRET": "ZNY TTTTT ZZH",
};

/**
 * The security warning line of a classification: `ZNR UUUUU ZZH`, `ZNY CCCCC ZZH`, ...
 * @example securityWarning("SECRET") // "ZNY SSSSS ZZH"
 */
export function securityWarning(classification: Classification | null): string {
  return WARNING[classification ?? "SECRET"];
}

/**
 * Julian day and filing time of the DE line, `DDDHHMM` in UTC.
 * @example filingTime(new Date("2008-02-16T23:22:00Z")) // "0472322"
 */
export function filingTime(at: Date): string {
  const start = Date.UTC(at.getUTCFullYear(), 0, 1);
  const day = Math.floor((at.getTime() - start) / 86_400_000) + 1;
  return `${pad(day, 3)}${pad(at.getUTCHours(), 2)}${pad(at.getUTCMinutes(), 2)}`;
}

/** The highest precedence on a list (null when empty); an addressee without one counts as ROUTINE. */
function highest(list: readonly Addressee[]): Precedence | null {
  let best: Precedence | null = null;
  for (const a of list) {
    const p = a.precedence ?? "ROUTINE";
    if (best === null || precedenceRank(p) < precedenceRank(best)) best = p;
  }
  return best;
}

/**
 * The transmission precedence of a cable (its highest addressee's) and the DTG prosigns: `O`, or `O P` when the
 * information addressees travel lower than the action ones.
 * @example precedenceOfAddressees(seed) // { precedence: "IMMEDIATE", prosigns: "O" }
 */
export function precedenceOfAddressees(cable: Pick<Cable, "to" | "info">): {
  precedence: TransmissionPrecedence;
  prosigns: string;
} {
  const action = highest(cable.to) ?? highest(cable.info) ?? "ROUTINE";
  const info = highest(cable.info);
  const top = transmissionPrecedenceOf(info !== null && precedenceRank(info) < precedenceRank(action) ? info : action);
  const a = PROSIGN[transmissionPrecedenceOf(action)];
  const i = info === null ? a : PROSIGN[transmissionPrecedenceOf(info)];
  return { precedence: top, prosigns: i === a ? a : `${a} ${i}` };
}

/** What release has numbered: the message serial and each addressee's channel serial (by routing indicator). */
export type ReleaseNumbers = {
  serial: number;
  /** First channel serial per addressee routing indicator; a sectioned cable takes one per section. */
  channels: ReadonlyMap<string, number>;
};

/** Where the cable comes from: the station that numbers it, its routing indicator and its PLAD. */
export type Origin = { station: string; route: string | null; name: string };

/**
 * The released cable: numbered, dated to the minute, sectioned, with its transmission header and channel serials.
 * @example releasedCable(draft, new Date("2008-02-16T23:19:00Z"), { station: "STATE", route: "RUEHC", name: "SECSTATE WASHDC" }, numbers).id // "08STATE16245"
 */
export function releasedCable(draft: Cable, at: Date, origin: Origin, numbers: ReleaseNumbers): Cable {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const body = draft.paragraphs.length > 0 ? bodyOfParagraphs(draft.paragraphs) : draft.body;
  const sections = sectionCount(body);
  const channel = (a: Addressee): Addressee => {
    const first = a.route === null ? undefined : numbers.channels.get(a.route);
    if (first === undefined) return { ...a, mcn: null };
    const last = first + sections - 1;
    return { ...a, mcn: sections > 1 ? `${serial4(first)}-${serial4(last)}` : serial4(first) };
  };
  const { precedence, prosigns } = precedenceOfAddressees(draft);
  // The station serial is the message number's last four digits (FORMAT.md §1).
  const stationSerial = pad(numbers.serial % 10_000, 4);
  const relay = PROSIGN[precedence].repeat(2);
  return {
    ...draft,
    id: canonicalCableId(minute.getUTCFullYear(), origin.station, numbers.serial),
    origin: origin.station,
    serial: numbers.serial,
    dtg: minute.toISOString().replace(/\.\d{3}Z$/, "Z"),
    precedence,
    from: { route: null, name: origin.name, office: null, precedence: null, mcn: null },
    to: draft.to.map(channel),
    info: draft.info.map(channel),
    exclusions: draft.exclusions.map((a) => ({ ...a, mcn: null })),
    body,
    section: sections > 1 ? { index: 1, total: sections } : null,
    transmission: {
      startOfMessage: `VZCZCXRO${stationSerial}`,
      relayPrecedence: relay,
      relayRoutes: draft.to.flatMap((a) => (a.route ? [a.route] : [])).slice(0, 1),
      station: origin.route,
      stationSerial,
      part: sections > 1 ? "01" : null,
      filingTime: filingTime(minute),
      securityWarning: securityWarning(draft.classification),
      prosigns,
      signals: null,
    },
    warnings: [],
  };
}

/** Channel serials: four digits, 0001 to 9999, wrapping. */
function serial4(n: number): string {
  return pad(((n - 1) % 9999) + 1, 4);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
