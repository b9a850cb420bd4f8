// Keeps the archive true to the parser: an imported telegram is parsed again when read, but its access locks, search
// row and references were derived by the parser of its import. Every record another parser derived (its version is
// not parserVersion()) is read back, parsed again and compared; those whose record differs are written again, and
// all take the running parser's version, a batch per transaction. Until then readableBy lets no one read them, so
// no cable is ever read under the locks of an older reading.
import { sql } from "kysely";
import type { RederivedRecord } from "../../store/archive-writes.ts";
import type { Store } from "../../store/open-store.ts";
import type { CablesTable } from "../../store/tables/cables.ts";
import { errorMessage } from "../errors.ts";
import type { TelegramHints } from "./cable-from-telegram.ts";
import { cableRecordOf } from "./cable-record-of.ts";
import { decodeDigest } from "./derived-digest.ts";
import { parserVersion } from "./parser-version.ts";
import { modelOf } from "./stored-model.ts";

/** The parts of a record a re-derivation can change, as the report names them. */
export const REDERIVED_FIELDS = [
  "classification",
  "caveats",
  "captions",
  "tags",
  "references",
  "addressees",
  "subject",
  "date",
  "origin",
  "precedence",
  "body",
  "search row",
  "unrecorded",
] as const;
export type RederivedField = (typeof REDERIVED_FIELDS)[number];

/** What a re-derivation did. */
export type RederiveReport = {
  /** The parser the records were derived by. */
  version: string;
  /** Imported cables parsed again and compared. */
  checked: number;
  /** Of those, the records written again because something differed. */
  changed: number;
  /** Of the changed, those whose locks rose: a higher classification, a new caveat, or a new caption. */
  stricter: number;
  /** Changed records by field; a record counts once in each field that changed. `unrecorded`: records derived before
   * the parts beyond the columns were recorded (migration 0032), whose search rows were written again unseen. */
  fields: Partial<Record<RederivedField, number>>;
  /** Cables whose text no longer gives a cable: left unreadable, with the reason. */
  failed: { id: string; reason: string }[];
  elapsedMs: number;
};

export type RederiveOptions = {
  /** Check every imported cable, not only those another parser derived. */
  all?: boolean;
  /** Cables a transaction. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
};

/** Cables a batch: a transaction of a few hundred cables keeps a crash's loss small and commits few times. */
export const REDERIVE_BATCH = 500;

type StoredRow = Pick<
  CablesTable,
  | "id"
  | "subject"
  | "dtg"
  | "year"
  | "origin"
  | "classification"
  | "class_rank"
  | "precedence"
  | "needs_access"
  | "captioned"
  | "source"
  | "archived_at"
> & { seq: number; model: string; raw: string | null; parse_hints: string | null; derived_digest: string | null };

type SideRows = { tags: string[]; refs: string[]; caveats: string[]; grants: string[] };

/**
 * Derives again the records of the imported cables another parser derived (or, with `all`, of every imported
 * cable), in batches, each in its transaction; answers how many changed and in which fields. Safe to interrupt: a
 * batch not committed leaves its cables stale (unreadable) for the next run.
 * @example await rederiveArchive(store) // { checked: 1297, changed: 3, fields: { classification: 1, references: 2 }, ... }
 */
export async function rederiveArchive(store: Store, options: RederiveOptions = {}): Promise<RederiveReport> {
  const started = performance.now();
  const version = parserVersion();
  const size = options.batch ?? REDERIVE_BATCH;
  const report: RederiveReport = { version, checked: 0, changed: 0, stricter: 0, fields: {}, failed: [], elapsedMs: 0 };
  const total = await staleCount(store, options.all ?? false);
  let after = -1;
  while (report.checked + report.failed.length < total) {
    const rows = await staleRows(store, options.all ?? false, after, size);
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]!.seq);
    const side = await sideRowsOf(
      store,
      rows.map((r) => Number(r.seq)),
    );
    const rewritten: RederivedRecord[] = [];
    const confirmed: number[] = [];
    for (const row of rows) {
      const seq = Number(row.seq);
      let derived: RederivedRecord | null;
      try {
        derived = compared(row, side.get(seq) ?? { tags: [], refs: [], caveats: [], grants: [] }, report);
      } catch (error) {
        report.failed.push({ id: row.id, reason: errorMessage(error) });
        continue;
      }
      report.checked += 1;
      if (derived) rewritten.push(derived);
      else confirmed.push(seq);
    }
    await store.archive.rederive({ rewritten, confirmed, version });
    options.onProgress?.(Math.min(report.checked + report.failed.length, total), total);
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

/**
 * How many imported cables another parser derived: what the next start (or `cablegram archive reparse`) derives
 * again, and meanwhile no one may read. With `all`, every imported cable.
 * @example await staleCount(store) // 0 once the archive follows this parser
 */
export async function staleCount(store: Store, all = false): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM cables c WHERE ${staleCondition(all)}`.execute(store.db);
  return Number(rows[0]?.n ?? 0);
}

/** NULL is a cable stored as its model, which no parser derived; `<>` leaves those out too. */
function staleCondition(all: boolean) {
  const v = parserVersion();
  // Two ranges rather than `<>`, which neither engine answers from an index.
  return all ? sql`c.parser_version IS NOT NULL` : sql`(c.parser_version < ${v} OR c.parser_version > ${v})`;
}

/** The next `limit` cables to derive again after row `after`, in row order, with what their record is made from. */
async function staleRows(store: Store, all: boolean, after: number, limit: number): Promise<StoredRow[]> {
  const { rows } = await sql<StoredRow>`
    SELECT c.seq, c.id, c.subject, c.dtg, c.year, c.origin, c.classification, c.class_rank, c.precedence,
      c.needs_access, c.captioned, c.source, c.archived_at, t.model, t.raw, t.parse_hints, t.derived_digest
    FROM cables c JOIN cable_texts t ON t.seq = c.seq
    WHERE ${staleCondition(all)} AND c.seq > ${after}
    ORDER BY c.seq LIMIT ${limit}`.execute(store.db);
  return rows;
}

/** The side rows of the cables `seqs`: tags, references (in order, as JSON), caveats and grants. */
async function sideRowsOf(store: Store, seqs: number[]): Promise<Map<number, SideRows>> {
  const out = new Map<number, SideRows>(seqs.map((s) => [s, { tags: [], refs: [], caveats: [], grants: [] }]));
  const within = sql.join(seqs);
  const add = (rows: { seq: number | string; v: string }[], part: keyof SideRows) => {
    for (const r of rows) out.get(Number(r.seq))?.[part].push(r.v);
  };
  add(
    (
      await sql<{ seq: number; v: string }>`SELECT seq, tag AS v FROM cable_tags WHERE seq IN (${within})`.execute(
        store.db,
      )
    ).rows,
    "tags",
  );
  add(
    (
      await sql<{
        seq: number;
        v: string;
      }>`SELECT seq, caveat AS v FROM cable_caveats WHERE seq IN (${within})`.execute(store.db)
    ).rows,
    "caveats",
  );
  add(
    (
      await sql<{
        seq: number;
        v: string;
      }>`SELECT seq, grant_key AS v FROM cable_grants WHERE seq IN (${within})`.execute(store.db)
    ).rows,
    "grants",
  );
  const refs = await sql<{ seq: number; label: string | null; ref_id: string | null; text: string }>`
    SELECT seq, label, ref_id, text FROM cable_refs WHERE seq IN (${within}) ORDER BY seq, ord`.execute(store.db);
  add(
    refs.rows.map((r) => ({ seq: r.seq, v: referenceKey(r.label, r.ref_id, r.text) })),
    "refs",
  );
  return out;
}

/**
 * The cable parsed again and its record compared with the stored one: null when they agree (only the version is
 * then written), else the new record with the parts to rewrite, its changed fields counted into `report`. Throws
 * when the stored text no longer gives a cable.
 */
function compared(row: StoredRow, old: SideRows, report: RederiveReport): RederivedRecord | null {
  const hints = row.parse_hints === null ? undefined : (JSON.parse(row.parse_hints) as TelegramHints);
  const cable = modelOf(row);
  const record = cableRecordOf(cable, row.raw, row.source, row.archived_at, hints);
  const digest = decodeDigest(row.derived_digest);
  const fresh = decodeDigest(record.derivedDigest);
  const rewrite = {
    tags: !sameSet(old.tags, record.tags),
    refs: old.refs.join("\n") !== record.refs.map((r) => referenceKey(r.label, r.refId, r.text)).join("\n"),
    caveats: !sameSet(old.caveats, record.caveats),
    grants: !sameSet(old.grants, record.grants),
    locks:
      Number(row.class_rank) !== record.classRank ||
      Number(row.needs_access) !== (record.caveats.length > 0 ? 1 : 0) ||
      Number(row.captioned) !== (record.captioned ? 1 : 0),
    search: digest === null || digest.search !== fresh?.search,
  };
  const changes: Record<RederivedField, boolean> = {
    classification: row.classification !== record.classification || Number(row.class_rank) !== record.classRank,
    caveats: rewrite.caveats,
    captions: Number(row.captioned) !== (record.captioned ? 1 : 0) || rewrite.grants,
    tags: rewrite.tags,
    references: rewrite.refs,
    addressees: digest !== null && digest.addressees !== fresh?.addressees,
    subject: row.subject !== record.subject,
    date: row.dtg !== record.dtg || (row.year === null ? null : Number(row.year)) !== record.year,
    origin: row.origin !== record.origin,
    precedence: row.precedence !== record.precedence,
    body: digest !== null && digest.body !== fresh?.body,
    "search row": digest !== null && rewrite.search,
    unrecorded: digest === null,
  };
  const changed = REDERIVED_FIELDS.filter((f) => changes[f]);
  if (changed.length === 0) return null;
  report.changed += 1;
  for (const f of changed) report.fields[f] = (report.fields[f] ?? 0) + 1;
  const rose =
    record.classRank > Number(row.class_rank) ||
    record.caveats.some((c) => !old.caveats.includes(c)) ||
    (record.captioned && Number(row.captioned) === 0);
  if (rose) report.stricter += 1;
  return { seq: Number(row.seq), record, rewrite };
}

function referenceKey(label: string | null, refId: string | null, text: string): string {
  return JSON.stringify([label, refId, text]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
