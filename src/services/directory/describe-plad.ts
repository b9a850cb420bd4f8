// Reads what a plain-language address says about its post: station, kind, country and time zone.
import { isMilitaryPlad, matchPladKind } from "../../core/index.ts";
import { normalisePlad, type Post, type PostKind } from "./directory-schema.ts";
import { placeOfCity, placeOfPlad } from "./post-places.ts";

// Missions that number their traffic under their own short name rather than their city.
const MISSION_CITY: Record<string, string> = { USNATO: "BRUSSELS", USEU: "BRUSSELS", USOSCE: "VIENNA" };

/** What a PLAD tells: a post without its routing indicator. */
export type PladFacts = Omit<Post, "routingIndicator">;

/**
 * Describes a post from its PLAD: State posts by their prefix and city, SECSTATE as headquarters, defence
 * addressees as military, everything else as an agency. Country and time zone are null where the city is not in
 * the table of post places; null altogether for a collective.
 * @example describePlad("AMEMBASSY PARIS") // { name: "AMEMBASSY PARIS", station: "PARIS", kind: "embassy", country: "FR", timeZone: "Europe/Paris" }
 * @example describePlad("CIA WASHINGTON DC") // { name: "CIA WASHDC", station: null, kind: "agency", country: "US", ... }
 */
export function describePlad(plad: string): PladFacts | null {
  const name = normalisePlad(plad);
  if (isCollectiveName(name)) return null;
  if (name === "SECSTATE WASHDC") {
    return { name, station: "STATE", kind: "headquarters", country: "US", timeZone: "America/New_York" };
  }
  // State's own posts: after the kind word comes the city (or, for missions, the mission's short name).
  const state = matchPladKind(name);
  if (state && state.kind !== "headquarters" && state.rest !== "") {
    const { kind, rest } = state;
    if (kind !== "mission") {
      const place = placeOfCity(rest);
      return {
        name,
        station: rest.replace(/ /g, ""),
        kind,
        country: place?.country ?? null,
        timeZone: place?.timeZone ?? null,
      };
    }
    const station = missionStation(rest);
    const place = placeOfCity(MISSION_CITY[station] ?? "") ?? placeOfPlad(rest);
    return { name, station, kind, country: place?.country ?? null, timeZone: place?.timeZone ?? null };
  }
  const place = placeOfPlad(name);
  const kind: PostKind = isMilitaryPlad(name) ? "military" : "agency";
  return { name, station: null, kind, country: place?.country ?? null, timeZone: place?.timeZone ?? null };
}

// USEU BRUSSELS numbers as BRUSSELS, USMISSION USUN NEW YORK as USUNNEWYORK, USMISSION USNATO BRUSSELS BE as USNATO.
function missionStation(rest: string): string {
  const words = rest.split(" ");
  if (words[0] && words[0] in MISSION_CITY) return words[0];
  if (words.length > 1 && /^[A-Z]{2}$/.test(words.at(-1) ?? "")) words.pop();
  return words.join("");
}

/**
 * Whether an addressee names a collective rather than a post: `EUROPEAN POLITICAL COLLECTIVE`,
 * `ALL NATO POST COLLECTIVE`, `EU MEMBER STATES`.
 * @example isCollectiveName("NATO EU COLLECTIVE") // true
 */
export function isCollectiveName(name: string): boolean {
  const n = normalisePlad(name);
  return /\bCOLLECTIVE\b/.test(n) || /^ALL /.test(n) || /\b(?:POSTS|MEMBER STATES|CANDIDATE STATES)$/.test(n);
}
