// Exports one cable for a user, as its telegram text, as JSON or as a PDF: read under their access (a cable they may
// not read is "not found", as everywhere), and recorded in the audit log whatever its classification.
import { EXPORT_FORMAT_INFO, type CableExportFormat } from "../../core/index.ts";
import type { Reader } from "../access/index.ts";
import { cableNotFound, readCable } from "../archive/read-cable.ts";
import type { Actor } from "../audit/audit-entry.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { cablePdf } from "./cable-pdf.ts";
import { cableExportFileName } from "./export-file-name.ts";
import { cableJson, telegramTextOf } from "./exported-cable.ts";

/** One cable's export: the file and how to offer it. */
export type CableExport = { fileName: string; contentType: string; body: Buffer };

/**
 * Exports the cable `id` in `format`, recording `cable.export` (the id, the format, the classification and
 * `detail`). Throws CABLE_NOT_FOUND for a cable that is missing or that the reader may not read.
 * @example (await exportCable(deps, actor, reader, "08STATE16245", "pdf")).fileName // "08STATE16245.pdf"
 */
export async function exportCable(
  deps: Deps,
  actor: Actor,
  reader: Reader,
  id: string,
  format: CableExportFormat,
  detail: Record<string, unknown> = {},
): Promise<CableExport> {
  const archived = await readCable(deps.store, reader, id);
  if (!archived) throw cableNotFound(id);
  const cableId = archived.cable.id ?? id;
  const body =
    format === "json"
      ? Buffer.from(`${JSON.stringify(cableJson(archived), null, 2)}\n`, "utf8")
      : format === "telegram"
        ? Buffer.from(telegramTextOf(archived), "utf8")
        : await cablePdf(archived.cable, telegramTextOf(archived), deps.clock.now());
  await recordAudit(deps, {
    actor,
    action: "cable.export",
    target: cableId,
    resultCount: 1,
    detail: { format, classification: archived.cable.classification ?? "UNKNOWN", ...detail },
  });
  return { fileName: cableExportFileName(cableId, format), contentType: EXPORT_FORMAT_INFO[format].contentType, body };
}
