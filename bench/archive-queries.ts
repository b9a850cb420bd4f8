// The queries and readers the archive benchmark times: rare and very common words, phrases, fielded, faceted and
// date-sorted searches, for a fully cleared and a barely cleared reader.
import type { Reader } from "../src/services/access/reader.ts";
import { syntheticWord } from "./replicate-corpus.ts";

/** One timed query; `bare` is the same search as an FTS5 MATCH expression, when a bare table can run it. */
export type BenchQuery = { label: string; q: string; sort?: "relevance" | "date"; bare?: string };

const RARE_SYNTHETIC = syntheticWord(25_000); // about 30 cables in 250,000
const MID_SYNTHETIC = syntheticWord(60); // several thousand

export const QUERIES: BenchQuery[] = [
  { label: "rare word", q: "ulaanbaatar", bare: "ulaanbaatar" },
  { label: "rare synthetic word", q: RARE_SYNTHETIC, bare: RARE_SYNTHETIC },
  { label: "mid synthetic word", q: MID_SYNTHETIC, bare: MID_SYNTHETIC },
  { label: "uncommon word", q: "enrichment", bare: "enrichment" },
  { label: "common word", q: "nuclear", bare: "nuclear" },
  { label: "very common word", q: "government", bare: "government" },
  { label: "ubiquitous word", q: "the", bare: "the" },
  { label: "two common words", q: "minister election", bare: "minister election" },
  { label: "rare and common", q: "government ouagadougou", bare: "government ouagadougou" },
  { label: "phrase", q: '"security council"', bare: '"security council"' },
  { label: "common phrase", q: '"human rights"', bare: '"human rights"' },
  { label: "prefix", q: "kosov*", bare: "kosov*" },
  { label: "exclusion", q: "kosovo -serbia", bare: "kosovo NOT serbia" },
  { label: "tag", q: "tag:PREL" },
  { label: "origin", q: "origin:STATE" },
  { label: "classification", q: "class:SECRET" },
  { label: "precedence", q: "prec:IMMEDIATE" },
  { label: "addressee", q: "addressee:PARIS" },
  // Cited by a corpus cable, so by each of its copies: about 30 in 20,000, 400 in 250,000.
  { label: "reference", q: "ref:08PARIS1501" },
  { label: "date range", q: "from:2008-01-01 to:2008-12-31" },
  { label: "word + tag", q: "nuclear tag:PARM" },
  { label: "word + class", q: "government class:CONFIDENTIAL" },
  { label: "phrase + origin + year", q: '"prime minister" origin:STATE from:2009' },
  { label: "common word by date", q: "government", sort: "date" },
  { label: "tag by date", q: "tag:PREL", sort: "date" },
  { label: "everything by date", q: "", sort: "date" },
];

/** Cleared for everything a user can be cleared for. */
export const FULLY_CLEARED: Reader = {
  userId: "bench-full",
  clearance: "TOP SECRET",
  accesses: ["NOFORN", "FGI", "SENSITIVE"],
  lists: ["NODIS-KOSOVO"],
  offices: ["EUR/SCE", "IO/UNP"],
  post: "STATE",
};

/** Cleared for UNCLASSIFIED only, with no access: most of the archive is hidden from them. */
export const BARELY_CLEARED: Reader = {
  userId: "bench-unclassified",
  clearance: "UNCLASSIFIED",
  accesses: [],
  lists: [],
  offices: [],
  post: null,
};
