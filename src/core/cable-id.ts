// Canonical cable ids: two-digit year + station without spaces + serial without leading zeros (08STATE16245).

/** A canonical cable id. Only `canonicalCableId` and `parseCableId` make one. */
export type CableId = string & { readonly __brand: "CableId" };

const CABLE_ID = /^(\d{2})([A-Z][A-Z]*)(\d{1,7})$/;

/**
 * Normalises a station as written on a classification line or in a reference: upper case, no spaces,
 * SECSTATE numbered as STATE.
 * @example normaliseStation("Rio de Janeiro") // "RIODEJANEIRO"
 */
export function normaliseStation(station: string): string {
  const s = station.toUpperCase().replace(/[^A-Z]/g, "");
  return s === "SECSTATE" ? "STATE" : s;
}

/**
 * Builds the canonical id of a cable from its year, station and serial.
 * @example canonicalCableId(2008, "STATE", 16245) // "08STATE16245"
 * @example canonicalCableId(2005, "RIO DE JANEIRO", 1238) // "05RIODEJANEIRO1238"
 */
export function canonicalCableId(year: number, station: string, serial: number): CableId {
  const yy = String(((year % 100) + 100) % 100).padStart(2, "0");
  return `${yy}${normaliseStation(station)}${serial}` as CableId;
}

/**
 * Reads a canonical id, accepting leading zeros in the serial and any case; null when it is not one.
 * @example parseCableId("08state016245") // { id: "08STATE16245", year: 2008, station: "STATE", serial: 16245 }
 */
export function parseCableId(text: string): { id: CableId; year: number; station: string; serial: number } | null {
  const m = CABLE_ID.exec(text.trim().toUpperCase());
  if (!m) return null;
  const yy = Number(m[1]);
  const year = fullYear(yy);
  const station = m[2] === "SECSTATE" ? "STATE" : m[2]!;
  const serial = Number(m[3]);
  return { id: canonicalCableId(year, station, serial), year, station, serial };
}

/**
 * Expands a two-digit year: 66 and later are 19xx (the corpus starts in 1966), earlier ones 20xx.
 * @example fullYear(8) // 2008
 */
export function fullYear(yy: number): number {
  if (yy >= 100) return yy;
  return yy >= 66 ? 1900 + yy : 2000 + yy;
}
