// Exports: one cable as telegram text, JSON or PDF; a search's results as JSON Lines, CSV or a ZIP of telegrams.
export { exportCable, type CableExport } from "./export-cable.ts";
export {
  exportSearch,
  exportSize,
  type ExportSize,
  type SearchExport,
  type SearchExportOptions,
} from "./export-search.ts";
export { DEFAULT_EXPORT_MAX, EXPORT_MAX_VARIABLE, exportMaxFromEnv } from "./export-limit.ts";
export { cableExportFileName, contentDisposition, searchExportFileName } from "./export-file-name.ts";
export { cablePdf, pdfSafe } from "./cable-pdf.ts";
export { csvRow } from "./csv-chunks.ts";
