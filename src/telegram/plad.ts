// Plain-language addresses (PLADs): the station a post numbers its cables under.
import { normaliseStation } from "../core/index.ts";

/**
 * The station that numbers cables from a PLAD: `AMEMBASSY PARIS` -> `PARIS`, `SECSTATE WASHDC` -> `STATE`,
 * `USEU BRUSSELS` -> `BRUSSELS`, `USMISSION USUN NEW YORK` -> `USUNNEWYORK`. Null for agencies and others
 * that do not number in the State series.
 * @example stationOfPlad("AMEMBASSY RIO DE JANEIRO") // "RIODEJANEIRO"
 */
export function stationOfPlad(plad: string): string | null {
  const name = plad.toUpperCase().replace(/\s+/g, " ").trim();
  if (/^SECSTATE\b/.test(name)) return "STATE";
  const m = /^(?:AMEMBASSY|AMEMB|AMCONSUL|USMISSION|USOFFICE|USINT|USLO|USEU|USDEL|AMCONGEN)\s+(.+)$/.exec(name);
  if (!m) return null;
  const rest = name.startsWith("USEU") ? m[1]! : m[1]!;
  return normaliseStation(rest);
}
