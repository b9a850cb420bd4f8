// Plain-language addresses (PLADs): the station a post numbers its cables under.
import { matchPladKind, normaliseStation } from "../core/index.ts";

/**
 * The station that numbers cables from a PLAD: `AMEMBASSY PARIS` -> `PARIS`, `SECSTATE WASHDC` -> `STATE`,
 * `USEU BRUSSELS` -> `BRUSSELS`, `USMISSION USUN NEW YORK` -> `USUNNEWYORK`. Null for agencies and others
 * that do not number in the State series.
 * @example stationOfPlad("AMEMBASSY RIO DE JANEIRO") // "RIODEJANEIRO"
 */
export function stationOfPlad(plad: string): string | null {
  const match = matchPladKind(plad);
  if (match?.kind === "headquarters") return "STATE";
  if (!match || match.rest === "") return null;
  return normaliseStation(match.rest);
}
