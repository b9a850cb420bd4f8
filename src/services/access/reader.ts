// Who is asking: the reader a query runs for, and the system reader that sees everything.
import type { Classification } from "../../core/index.ts";

/** Who is asking: what the access rule needs to know about a user. */
export type Reader = {
  /** The user's id; null for system processes. */
  userId: string | null;
  /** Highest classification the user may read. */
  clearance: Classification;
  /** Caveat accesses held, e.g. ["NOFORN"] (held by nationals). */
  accesses: string[];
  /** Named distribution lists, e.g. ["NODIS-KOSOVO"]; a list a captioned cable names grants it. */
  lists: string[];
  /** Offices the user belongs to, e.g. ["EUR/SCE"]; an office a captioned cable is addressed to grants it. */
  offices: string[];
  /** Home post station, e.g. "STATE", "PARIS". Not part of the access rule: offices and lists decide. */
  post: string | null;
};

/** Held in `accesses`, `lists` or `offices`, grants every caveat, every list or every office. Only the system holds it. */
export const EVERYTHING = "*";

/** Sees everything: imports, migrations and other system processes. Never hand it to a user's request. */
export const SYSTEM_READER: Reader = Object.freeze({
  userId: null,
  clearance: "TOP SECRET",
  accesses: [EVERYTHING],
  lists: [EVERYTHING],
  offices: [EVERYTHING],
  post: null,
});
