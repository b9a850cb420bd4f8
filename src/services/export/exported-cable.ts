// One cable as an export reads it: the archive's columns, and its model read only when a format asks for it (a ZIP of
// verbatim telegrams never parses them).
import type { PageRow } from "../../store/search-engine.ts";
import type { Cable } from "../../core/index.ts";
import { renderTelegram } from "../../telegram/index.ts";
import { modelOf } from "../archive/stored-model.ts";

/** A cable on its way into an export. */
export type ExportedCable = {
  id: string;
  /** The original telegram text; null for cables created in Cablegram. */
  raw: string | null;
  archivedAt: string;
  source: string | null;
  /** The model, read (or parsed from the verbatim text) on first call. */
  cable(): Cable;
};

/**
 * An exported cable from a search page's row.
 * @example exportedCableOf(row).cable().subject
 */
export function exportedCableOf(row: PageRow): ExportedCable {
  let model: Cable | undefined;
  return {
    id: row.id,
    raw: row.raw,
    archivedAt: row.archived_at,
    source: row.source,
    cable: () => (model ??= modelOf(row)),
  };
}

/**
 * The cable as GET /api/cables/:id answers it: the model with its archive metadata.
 * @example cableJson({ cable, raw: null, archivedAt, source: "seeds" }).hasOriginalText // false
 */
export function cableJson(archived: { cable: Cable; raw: string | null; archivedAt: string; source: string | null }): {
  cable: Cable;
  archivedAt: string;
  source: string | null;
  hasOriginalText: boolean;
} {
  return {
    cable: archived.cable,
    archivedAt: archived.archivedAt,
    source: archived.source,
    hasOriginalText: archived.raw !== null,
  };
}

/**
 * The telegram text of a cable: the original, byte for byte, or the rendering of one created in Cablegram.
 * @example telegramTextOf(exported) // "VZCZCXRO0350\n..."
 */
export function telegramTextOf(archived: { raw: string | null; cable: Cable | (() => Cable) }): string {
  if (archived.raw !== null) return archived.raw;
  return renderTelegram(typeof archived.cable === "function" ? archived.cable() : archived.cable);
}
