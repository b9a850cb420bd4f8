// Which of several posts sharing a station an addressee means: the chancery before its consulates and agencies.

// USEU BRUSSELS numbers as BRUSSELS too, and so do agencies at the embassy: the embassy is who `BRUSSELS` means.
const KIND_ORDER = ["headquarters", "embassy", "mission", "consulate", "agency", "military"];

/**
 * Orders posts headquarters, embassies, missions, consulates, agencies, military, then by name: the first of posts
 * sharing a station is the one its station names.
 * @example rows.sort(chanceryFirst)[0].name // "AMEMBASSY BRUSSELS", before "USEU BRUSSELS"
 */
export function chanceryFirst(a: { kind: string; name: string }, b: { kind: string; name: string }): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name);
}

/**
 * The station key a reference is looked up by: its letters and digits, as stations are stored.
 * @example stationKey("RIO DE JANEIRO") // "RIODEJANEIRO"
 */
export function stationKey(ref: string): string {
  return ref.replace(/[^A-Z0-9]/g, "");
}
