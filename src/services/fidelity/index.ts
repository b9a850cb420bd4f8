// The fidelity report: how truly the parser reads a collection, against its index and against its own text.
export { directoryNames, type AddresseeCheck } from "./directory-names.ts";
export { compareWithIndex, indexClassificationOf, tagCodes, type IndexFacts } from "./index-agreement.ts";
export {
  INDEX_ERRATA,
  INDEX_ERROR_RULES,
  errataHolds,
  excusedWithEvidence,
  indexErrorRule,
  isExcused,
  type AgreementField,
} from "./index-errata.ts";
export { CONSISTENCY_FIELDS, consistencyChecks, type ConsistencyField } from "./self-consistency.ts";
export {
  FIDELITY_TARGETS,
  fidelityTally,
  share,
  type FidelityInput,
  type FidelityMiss,
  type FidelityReport,
  type FieldFigures,
} from "./fidelity-tally.ts";
export { formatFidelity, meetsTargets } from "./format-fidelity.ts";
export { corpusInputs, openCorpusFolder, type CorpusFolder } from "./read-corpus-folder.ts";
