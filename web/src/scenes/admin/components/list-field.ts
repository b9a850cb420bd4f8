// Lists typed as text in admin forms: "NOFORN, NODIS-KOSOVO" <-> ["NOFORN", "NODIS-KOSOVO"].

/**
 * @example splitList(" noforn, nodis-kosovo ,") // ["NOFORN", "NODIS-KOSOVO"]
 */
export function splitList(text: string, { upper = true }: { upper?: boolean } = {}): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (upper ? s.toUpperCase() : s));
}

/** @example joinList(["NOFORN", "EXDIS"]) // "NOFORN, EXDIS" */
export function joinList(items: readonly string[]): string {
  return items.join(", ");
}
