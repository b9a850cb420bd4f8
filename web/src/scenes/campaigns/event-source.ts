// How a position event's source reads and where it leads: a cable opens in the reader, a web address opens as a
// link, a UN document symbol and any other text are shown as they are.
import type { EventSource } from "../../../../src/core/campaigns/position-event.ts";

/**
 * The words that name a source.
 * @example sourceLabel({ kind: "un_document", symbol: "A/63/L.2" }) // "UN document A/63/L.2"
 */
export function sourceLabel(source: EventSource): string {
  switch (source.kind) {
    case "cable":
      return `cable ${source.cableId}`;
    case "un_document":
      return `UN document ${source.symbol}`;
    case "text":
      return source.text;
  }
}

/**
 * Where a source leads: the reader's page of a cable, a web address, or nowhere (null).
 * @example sourceHref({ kind: "cable", cableId: "09STATE39345" }) // { href: "/cables/09STATE39345", internal: true }
 * @example sourceHref({ kind: "text", text: "Kosovo MFA list" }) // null
 */
export function sourceHref(source: EventSource): { href: string; internal: boolean } | null {
  if (source.kind === "cable") return { href: `/cables/${encodeURIComponent(source.cableId)}`, internal: true };
  if (source.kind === "text" && /^https?:\/\/\S+$/.test(source.text)) return { href: source.text, internal: false };
  return null;
}

/**
 * A source's name in a narrow column: a web address by its host, anything else as `sourceLabel` has it.
 * @example shortSourceLabel({ kind: "text", text: "https://www.mfa-ks.net/?page=2,224" }) // "www.mfa-ks.net"
 */
export function shortSourceLabel(source: EventSource): string {
  const target = sourceHref(source);
  if (target === null || target.internal) return sourceLabel(source);
  try {
    return new URL(target.href).host;
  } catch {
    return sourceLabel(source);
  }
}
