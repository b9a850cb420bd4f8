// The transmission header a released cable is sent with (ACP-127): start of message, relay precedence, the DE
// line's station, serial and filing time, the security warning, the date-time group's prosigns; and its sections.
import {
  PROSIGN,
  precedenceRank,
  transmissionPrecedenceOf,
  type Addressee,
  type Cable,
  type Precedence,
  type Transmission,
  type TransmissionPrecedence,
} from "../core/index.ts";
import { securityWarning } from "./security-warning.ts";

/** Body characters a section holds at most: a longer body is sent as SECTION 01 OF nn, 02 OF nn, ... */
export const SECTION_CHARS = 3000;

/**
 * How many sections a body takes: one per SECTION_CHARS characters, at least one.
 * @example sectionCount("x".repeat(3664)) // 2
 */
export function sectionCount(body: string): number {
  return Math.max(1, Math.ceil(body.length / SECTION_CHARS));
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

/** What the header of a numbered cable is made from. */
export type OutgoingHeader = {
  /** The cable as drafted: its addressees and classification. */
  cable: Pick<Cable, "to" | "info" | "classification">;
  /** The originating station's routing indicator (the DE line's station), null when it has none. */
  station: string | null;
  /** The message serial. */
  serial: number;
  /** When it is filed, to the minute. */
  at: Date;
  sections: number;
};

/**
 * The transmission header of a numbered cable. The station serial is the message number's last four digits
 * (FORMAT.md §1).
 * @example transmissionHeader({ cable, station: "RUEHC", serial: 16245, at, sections: 1 }).startOfMessage // "VZCZCXRO6245"
 */
export function transmissionHeader({ cable, station, serial, at, sections }: OutgoingHeader): Transmission {
  const { precedence, prosigns } = precedenceOfAddressees(cable);
  const stationSerial = pad(serial % 10_000, 4);
  return {
    startOfMessage: `VZCZCXRO${stationSerial}`,
    relayPrecedence: PROSIGN[precedence].repeat(2),
    relayRoutes: cable.to.flatMap((a) => (a.route ? [a.route] : [])).slice(0, 1),
    station,
    stationSerial,
    part: sections > 1 ? "01" : null,
    filingTime: filingTime(at),
    securityWarning: securityWarning(cable.classification),
    prosigns,
    signals: null,
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
