// Table types for the archive of cables: owned by the archive (storage, search, references).
// Other areas never write to these tables directly. The full-text table (cable_fts) differs by dialect and is
// reached only through raw SQL in src/store/full-text.ts, so it is not typed here; nor is PostgreSQL's
// cable_seq_tops (migration 0016), which only cable-writes.ts reads and writes.
/** One archived cable: the columns search and access need (its texts are in cable_texts). */
export interface CablesTable {
  /** Row number in date order (see date-seq.ts); also the full-text row id. PostgreSQL returns it as a string. */
  seq: number;
  /** Canonical id, `08STATE16245`; unique. */
  id: string;
  subject: string | null;
  /** Date-time group, ISO 8601 UTC, or null when unknown. */
  dtg: string | null;
  year: number | null;
  origin: string | null;
  classification: string | null;
  /** Rank of the classification, unknown counted as SECRET (the access rule fails closed). */
  class_rank: number;
  precedence: string | null;
  /** 1 when cable_caveats holds caveats the reader must have as accesses. */
  needs_access: number;
  /** 1 when the cable carries a caption; cable_grants then says who may read it. */
  captioned: number;
  /** Where the cable came from (a file path, "cablegate"); null when not said. */
  source: string | null;
  archived_at: string;
  /**
   * The parser that derived this row from the telegram (parserVersion); null for a cable stored as its model. A row
   * another parser derived is readable by no one until derived again (migration 0032).
   */
  parser_version: string | null;
}

/** The bulky part of a cable, apart so that scans and joins over `cables` stay in a few pages. */
export interface CableTextsTable {
  seq: number;
  /**
   * The cable model as JSON (without `body` when it equals the paragraphs' text); '' when `parse_hints` is set,
   * the model being then what `raw` parses to (migration 0014).
   */
  model: string;
  /** The original telegram text, verbatim; null for cables created in Cablegram. */
  raw: string | null;
  /** For a telegram import, the hints (JSON) `raw` was parsed with: the model is parsed again when read. */
  parse_hints: string | null;
  /** For a telegram import, hashes of what its record derives beyond the columns (derived-digest.ts); null before. */
  derived_digest: string | null;
}

/** TAGS of a cable, as written (for facets). */
export interface CableTagsTable {
  seq: number;
  tag: string;
}

/** REF entries of a cable in order; `ref_id` null for non-cable references. Resolved by id at query time. */
export interface CableRefsTable {
  seq: number;
  ord: number;
  label: string | null;
  ref_id: string | null;
  text: string;
}

/** Caveats a reader must hold as accesses to read the cable (NOFORN, ...). */
export interface CableCaveatsTable {
  seq: number;
  caveat: string;
}

/** For captioned cables, what grants them: `office:EUR/SCE`, `list:NODIS-KOSOVO`. */
export interface CableGrantsTable {
  seq: number;
  grant_key: string;
}

/**
 * A cable's place in the declassification schedule (migration 0027), with copies of the cable's columns the due
 * list groups by and its access locks, so the due list reads this table alone.
 */
export interface CableDeclassTable {
  seq: number;
  /** ISO date the cable is due for review; null when it never is (unclassified) or its date is unknown. */
  review_on: string | null;
  /** Why (DECLASS_BASES in core). */
  basis: string;
  /** Where the date came from: `line`, `25-year` or `none` (DECLASS_SOURCES). */
  source: string;
  /** The reason in a sentence. */
  reason: string;
  origin: string | null;
  classification: string | null;
  class_rank: number;
  needs_access: number;
  captioned: number;
  /** The cable's locks as one string (store/lock-key.ts, migration 0033). */
  lock_key: string;
  /** The new review date the latest extension set; null when none did. */
  extended_to: string | null;
  /** The day the cable is next due for review: extended_to, else review_on; null once in the reading room. */
  due_on: string | null;
}

/** How many schedule rows are due in a month, by origin, classification and lock key (migration 0033). */
export interface DeclassDueCountsTable {
  /** YYYY-MM of due_on. */
  month: string;
  /** '' when the cable has none. */
  origin: string;
  /** '' when the cable has none. */
  classification: string;
  lock_key: string;
  n: number;
}

export interface CableTables {
  cables: CablesTable;
  cable_texts: CableTextsTable;
  cable_tags: CableTagsTable;
  cable_refs: CableRefsTable;
  cable_caveats: CableCaveatsTable;
  cable_grants: CableGrantsTable;
  cable_declass: CableDeclassTable;
  declass_due_counts: DeclassDueCountsTable;
}
