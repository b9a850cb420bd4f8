// The E.O. line: `E.O. 12958: DECL: 04/16/2019`, `EO 12958 DECL: 12/10/2019`, `E.O. 11652: GDS`.
import type { ExecutiveOrder } from "../core/index.ts";
import { declDate, formatDeclDate } from "./date-time-group.ts";
import { collapse } from "./lines.ts";

export const EO_LINE = /^(?:E\.?\s?O\.?|EXECUTIVE\s+ORDER)\s*:?\s*(\d{5})\b\s*:?\s*(.*)$/i;
const DECL = /\bDECL(?:ASSIFY)?\s*(?:ON)?\s*:?\s*(\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})\b/i;

/**
 * Reads an E.O. line; null when the line is not one.
 * @example readExecutiveOrder("E.O. 12958: DECL: 04/16/2019")
 * // { order: "12958", decl: "2019-04-16", text: "DECL: 04/16/2019" }
 */
export function readExecutiveOrder(line: string): ExecutiveOrder | null {
  const m = EO_LINE.exec(line.trim());
  if (!m) return null;
  const text = collapse(m[2]!);
  const d = DECL.exec(text);
  return { order: m[1]!, decl: d ? declDate(d[1]!) : null, text };
}

/**
 * Writes the E.O. line.
 * @example formatExecutiveOrder({ order: "12958", decl: null, text: "N/A" }) // "E.O. 12958: N/A"
 */
export function formatExecutiveOrder(eo: ExecutiveOrder): string {
  return `E.O. ${eo.order}: ${eo.text}`.trimEnd();
}

/**
 * The E.O. text for a declassification date, as release writes it.
 * @example declText("2019-04-16") // "DECL: 04/16/2019"
 */
export function declText(isoDate: string): string {
  return `DECL: ${formatDeclDate(isoDate)}`;
}
