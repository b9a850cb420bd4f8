// Bulk import of telegrams, JSON Lines and corpus folders into the archive.
export { importPaths, type ImportOptions, type ImportProgress, type ImportSummary } from "./import-paths.ts";
export { IMPORT_PROBLEMS, type ImportProblem, type ImportProblemCode, type ImportWarning } from "./import-problems.ts";
