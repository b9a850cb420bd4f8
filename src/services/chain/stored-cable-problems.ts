// Compares an archived cable's stored rows with the cable its link chained: the model bytes, and every column and
// side row the access rule and search read, recomputed from the chained cable.
import type { Cable } from "../../core/index.ts";
import type { CableDeclassTable, CablesTable, CableTextsTable } from "../../store/tables/cables.ts";
import { decodeModel, encodeModel } from "../archive/archived-cable.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import { parserVersion } from "../archive/parser-version.ts";
import { modelOf } from "../archive/stored-model.ts";
import type { TelegramHints } from "../archive/cable-from-telegram.ts";
import { cableHash, storedCableHash } from "./link-hash.ts";

/** An archived cable as stored: its cables row, texts, and the access rule's side rows. */
export type StoredCable = Omit<CablesTable, "seq" | "archived_at"> &
  Pick<CableTextsTable, "model" | "raw" | "parse_hints"> & {
    caveats: string[];
    grants: string[];
    /** PostgreSQL's copy of the locks beside the search vector (cable_fts), which search filters on. */
    fts?: Pick<CablesTable, "class_rank" | "needs_access" | "captioned"> | null;
    /** The declassification schedule's row (migration 0027), with its copy of the locks the due list filters on. */
    declass?: Pick<CableDeclassTable, "review_on" | "class_rank" | "needs_access" | "captioned"> | null;
  };

/** How the cable was chained: released (the canonical JSON of its model) or imported (its stored form). */
export type ChainedAs = { kind: "released" | "imported"; hash: string };

/**
 * What in the stored cable disagrees with the chained one, one sentence each naming the cable, the row and both
 * values; empty when it all agrees.
 * @example storedCableProblems(row, { kind: "imported", hash })
 * // ["08STATE16245: classification in the cables row is UNCLASSIFIED, the chained cable says CONFIDENTIAL"]
 */
export function storedCableProblems(row: StoredCable, chained: ChainedAs): string[] {
  const cable = chainedCable(row, chained);
  if (typeof cable === "string") return [`${row.id}: ${cable}`];
  // Derived by another parser, its rows are those of that parser's reading (and no one may read it meanwhile).
  if (row.parser_version !== null && row.parser_version !== parserVersion()) {
    return [
      `${row.id}: its rows were derived by another parser (${row.parser_version || "unrecorded"}, this is ` +
        `${parserVersion()}); \`cablegram archive reparse\` derives them again`,
    ];
  }
  const hints = row.parse_hints === null ? undefined : (JSON.parse(row.parse_hints) as TelegramHints);
  const record = cableRecordOf(cable, row.raw, row.source, "", hints);
  const problems: string[] = [];
  const compare = (field: string, table: string, stored: unknown, expected: unknown) => {
    if (stored !== expected) {
      const verb = table.endsWith("rows") ? "are" : "is";
      problems.push(
        `${row.id}: ${field} in the ${table} ${verb} ${shown(stored)}, the chained cable says ${shown(expected)}`,
      );
    }
  };
  if (record.id !== row.id) compare("id", "cables row", row.id, record.id);
  compare("classification", "cables row", row.classification, record.classification);
  compare("class_rank", "cables row", Number(row.class_rank), record.classRank);
  compare("needs_access", "cables row", Number(row.needs_access), record.caveats.length > 0 ? 1 : 0);
  compare("captioned", "cables row", Number(row.captioned), record.captioned ? 1 : 0);
  compare("caveats", "cable_caveats rows", listOf(row.caveats), listOf(record.caveats));
  compare("grants", "cable_grants rows", listOf(row.grants), listOf(record.grants));
  compare("subject", "cables row", row.subject, record.subject);
  compare("dtg", "cables row", row.dtg, record.dtg);
  compare("year", "cables row", row.year === null ? null : Number(row.year), record.year);
  compare("origin", "cables row", row.origin, record.origin);
  compare("precedence", "cables row", row.precedence, record.precedence);
  if (row.fts) {
    compare("class_rank", "cable_fts row", Number(row.fts.class_rank), record.classRank);
    compare("needs_access", "cable_fts row", Number(row.fts.needs_access), record.caveats.length > 0 ? 1 : 0);
    compare("captioned", "cable_fts row", Number(row.fts.captioned), record.captioned ? 1 : 0);
  }
  if (row.declass === null) problems.push(`${row.id}: the cable has no cable_declass row (the due list omits it)`);
  else if (row.declass) {
    compare("review_on", "cable_declass row", row.declass.review_on, record.declass.reviewOn);
    compare("class_rank", "cable_declass row", Number(row.declass.class_rank), record.classRank);
    compare("needs_access", "cable_declass row", Number(row.declass.needs_access), record.caveats.length > 0 ? 1 : 0);
    compare("captioned", "cable_declass row", Number(row.declass.captioned), record.captioned ? 1 : 0);
  }
  return problems;
}

/** The chained cable read back from its stored form, or why it cannot be. */
function chainedCable(row: StoredCable, chained: ChainedAs): Cable | string {
  if (chained.kind === "imported") {
    if (storedCableHash({ model: row.model, raw: row.raw, parseHints: row.parse_hints }) !== chained.hash) {
      return "the stored cable (model, text or parse hints) does not hash to the chained hash";
    }
    try {
      return modelOf(row);
    } catch {
      return "the stored cable no longer reads back";
    }
  }
  if (row.raw !== null || row.parse_hints !== null) return "original text was added to a cable released in Cablegram";
  let cable: Cable;
  try {
    cable = decodeModel(row.model);
  } catch {
    return "the stored cable is not readable JSON any more";
  }
  // Re-encoding gives the stored bytes back exactly, so any changed byte shows, even one the hash would not see.
  if (encodeModel(cable) !== row.model) return "the stored cable's bytes were changed";
  if (cableHash(cable) !== chained.hash) return "the stored cable's content does not hash to the chained hash";
  return cable;
}

function listOf(values: readonly string[]): string {
  return values.length === 0 ? "(none)" : [...new Set(values)].sort().join(", ");
}

function shown(value: unknown): string {
  return value === null || value === undefined ? "(none)" : String(value);
}
