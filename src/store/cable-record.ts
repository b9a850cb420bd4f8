// The row form of an archived cable: every column and side row the archive stores, ready for either dialect.
import type { CablesTable } from "./tables/cables.ts";

/** Everything stored for one cable. Built by the archive service (which knows the access rule), written here. */
export type CableRecord = Pick<
  CablesTable,
  "id" | "subject" | "dtg" | "year" | "origin" | "classification" | "precedence" | "source"
> & {
  classRank: number;
  /** The cable model as JSON; '' when `parseHints` is set. */
  model: string;
  raw: string | null;
  /** For a telegram import, the hints (JSON) `raw` was parsed with, instead of the model: see migration 0014. */
  parseHints: string | null;
  archivedAt: string;
  /** For a telegram import, the parser that derived this record (parserVersion); null for a stored model. */
  parserVersion: string | null;
  /** For a telegram import, the hashes of what the record derives beyond its columns (derived-digest.ts). */
  derivedDigest: string | null;
  tags: string[];
  refs: { label: string | null; refId: string | null; text: string }[];
  /** Caveats the reader must hold as accesses. */
  caveats: string[];
  captioned: boolean;
  /** Grant keys of a captioned cable. */
  grants: string[];
  /** The declassification schedule's row (migration 0027); its locks and origin are the record's own. */
  declass: { reviewOn: string | null; basis: string; source: string; reason: string };
  /** Index text: subject and body as written (the writer normalises them where the engine needs it), `meta` tokens. */
  fts: { subject: string; body: string; meta: string };
};
