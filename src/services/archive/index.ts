// The archive: store cables, read them back and follow their references, always as some reader.
export { archiveCables, type ArchiveItem } from "./archive-cables.ts";
export { decodeModel, encodeModel, type ArchivedCable, type CableSummary } from "./archived-cable.ts";
export { countCables } from "./count-cables.ts";
export { cableNotFound, readCable, requireReadableCable } from "./read-cable.ts";
export { referencesOf, type CableReferences, type ResolvedReference } from "./references-of.ts";
export { parserVersion } from "./parser-version.ts";
export {
  rederiveArchive,
  REDERIVED_FIELDS,
  staleCount,
  type RederivedField,
  type RederiveReport,
} from "./rederive-archive.ts";
export { repairSearchIndex } from "./repair-search-index.ts";
