// What release makes of a draft, the clock and its numbers: the cable numbered, dated, sectioned, with its
// transmission header (src/telegram knows its format) and channel serials. Pure.
import { bodyOfParagraphs, canonicalCableId, type Addressee, type Cable } from "../../core/index.ts";
import { precedenceOfAddressees, sectionCount, transmissionHeader } from "../../telegram/outgoing-transmission.ts";

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
  return {
    ...draft,
    id: canonicalCableId(minute.getUTCFullYear(), origin.station, numbers.serial),
    origin: origin.station,
    serial: numbers.serial,
    dtg: minute.toISOString().replace(/\.\d{3}Z$/, "Z"),
    precedence: precedenceOfAddressees(draft).precedence,
    from: { route: null, name: origin.name, office: null, precedence: null, mcn: null },
    to: draft.to.map(channel),
    info: draft.info.map(channel),
    exclusions: draft.exclusions.map((a) => ({ ...a, mcn: null })),
    body,
    section: sections > 1 ? { index: 1, total: sections } : null,
    transmission: transmissionHeader({
      cable: draft,
      station: origin.route,
      serial: numbers.serial,
      at: minute,
      sections,
    }),
    warnings: [],
  };
}

/** Channel serials: four digits, 0001 to 9999, wrapping. */
function serial4(n: number): string {
  return String(((n - 1) % 9999) + 1).padStart(4, "0");
}
