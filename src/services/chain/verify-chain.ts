// Checks the whole chain against the operator's pinned key and head: every link's hashes and signature, the signed
// head, every chained cable's stored rows, and that no archived cable is outside the chain.
import type { KeyObject } from "node:crypto";
import type { Store } from "../../store/open-store.ts";
import { chainedReviews, reviewHash, REVIEW_LINK_PREFIX } from "./review-link.ts";
import { unchainedCables } from "./chain-archived.ts";
import { batchHash, GENESIS_HASH, linkHash } from "./link-hash.ts";
import { headSigned, readSignedHead } from "./signed-head.ts";
import { chainPublicKey, checkSignature, fingerprintOf, publicKeyOf } from "./signing-key.ts";
import { storedCableProblems, type ChainedAs, type StoredCable } from "./stored-cable-problems.ts";
import { readTrust, trustFileOf, type ChainHead } from "./trust-file.ts";

/** Something verify found altered: in a cable (named), a link, or the chain as a whole. */
export type ChainProblem = { cableId: string | null; seq: number | null; reason: string };

/**
 * The verdict. `intact`: nothing altered, signed by the pinned key; `unvouched`: nothing altered, but no key was
 * pinned, so a forger's chain would look the same; `altered`: the problems, first MAX_PROBLEMS of them.
 */
export type ChainVerdict = {
  ok: boolean;
  status: "intact" | "unvouched" | "altered";
  links: number;
  cables: number;
  head: string | null;
  /** The fingerprint of the key the signatures were checked with. */
  fingerprint: string | null;
  /** Where the pinned key came from, or null when none was. */
  pinnedBy: string | null;
  problems: ChainProblem[];
  /** Problems found beyond those listed. */
  more: number;
};

/** What verify trusts, from outside the database. Absent, the archive's trust file gives them. */
export type VerifyOptions = {
  publicKey?: { key: KeyObject; from: string };
  head?: { head: ChainHead; from: string };
};

const PAGE = 500;
const MAX_PROBLEMS = 50;

type Link = { seq: number; cableId: string; version: number; cableHash: string };

/**
 * Walks the chain from its first link. Each link follows the one before, hashes to what it says, and is signed by
 * the pinned key (else the stored one, and then it is at best `unvouched`); the signed head and the pinned head
 * match its end, so deleted links are named; each chained cable's stored rows agree with the cable as chained;
 * and every archived cable is chained.
 * @example await verifyChain(store) // { ok: true, status: "intact", links: 3, cables: 1299, head: "9f2c…", ... }
 */
export async function verifyChain(store: Store, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const problems: ChainProblem[] = [];
  let more = 0;
  const problem = (cableId: string | null, seq: number | null, reason: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ cableId, seq, reason });
    else more++;
  };
  const pinned = options.publicKey ?? pinnedFromTrustFile(store);
  const trusted = options.head ?? headFromTrustFile(store);
  const stored = await chainPublicKey(store);
  if (pinned && stored && fingerprintOf(stored) !== fingerprintOf(pinned.key)) {
    problem(
      null,
      null,
      `the chain is signed by key ${fingerprintOf(stored)}, not the pinned key ${fingerprintOf(pinned.key)} ` +
        `(${pinned.from}): it was re-signed by someone else`,
    );
  }
  const key = pinned?.key ?? stored;

  let prev = GENESIS_HASH;
  let expected = 1;
  let cables = 0;
  let trustedAt: string | null = null;
  for (;;) {
    const rows = await store.db
      .selectFrom("chain_links")
      .select(["seq", "cable_id", "version", "cable_hash", "prev_hash", "link_hash", "signature"])
      .where("seq", ">=", expected)
      .orderBy("seq")
      .limit(PAGE)
      .execute();
    const links: Link[] = [];
    for (const row of rows) {
      const seq = Number(row.seq);
      const link = { seq, cableId: row.cable_id, version: Number(row.version), cableHash: row.cable_hash };
      const named = link.version === 0 ? null : link.cableId;
      if (seq !== expected) {
        problem(null, expected, `links ${range(expected, seq - 1)} are missing from the middle of the chain`);
        prev = row.prev_hash;
      }
      if (row.prev_hash !== prev) problem(named, seq, `link ${seq} does not follow the link before it`);
      if (linkHash({ ...link, prevHash: row.prev_hash }) !== row.link_hash) {
        problem(named, seq, `link ${seq}'s hash does not match its fields`);
      }
      if (!key) problem(named, seq, `link ${seq} is signed, but the archive holds no public key and none was given`);
      else if (!checkSignature(key, row.link_hash, row.signature)) {
        problem(
          named,
          seq,
          `link ${seq}'s signature does not check against ${pinned ? "the pinned" : "the stored"} key`,
        );
      }
      if (trusted && seq === trusted.head.links) trustedAt = row.link_hash;
      links.push(link);
      prev = row.link_hash;
      expected = seq + 1;
    }
    cables += await checkCables(store, links, problem);
    if (rows.length < PAGE) break;
  }
  const count = expected - 1;
  const head = count === 0 ? null : prev;

  const signed = await readSignedHead(store.db);
  if (signed === null) {
    if (count > 0) problem(null, null, "the chain's signed head is missing");
  } else if (key && !headSigned(key, signed)) {
    problem(null, null, "the chain's signed head is not signed by the chain's key");
  } else if (signed.links > count) {
    problem(
      null,
      count + 1,
      `the chain ends at link ${count}, but its signed head counts ${signed.links} links: ${missing(count, signed.links)}`,
    );
  } else if (signed.links < count || signed.head !== head) {
    problem(null, signed.links, `the chain's signed head (link ${signed.links}) is not its last link ${count}`);
  }
  if (trusted) {
    const t = trusted.head;
    if (t.links > count) {
      problem(
        null,
        count + 1,
        `the chain ends at link ${count}, but ${trusted.from} records ${t.links} links: ${missing(count, t.links)}`,
      );
    } else if (t.links > 0 && trustedAt !== t.head) {
      problem(null, t.links, `link ${t.links} is not the head ${trusted.from} records: the chain was rewritten`);
    }
  }
  const unchained = await unchainedCables(store).select("c.id").orderBy("c.seq").limit(MAX_PROBLEMS).execute();
  for (const { id } of unchained) {
    problem(
      id,
      null,
      `${id} is archived but in no chain link (added behind Cablegram's back, or by an import ` +
        "stopped before chaining it: a server start chains those)",
    );
  }

  const status = problems.length > 0 ? "altered" : pinned ? "intact" : "unvouched";
  return {
    ok: status === "intact",
    status,
    links: count,
    cables,
    head,
    fingerprint: key ? fingerprintOf(key) : null,
    pinnedBy: pinned?.from ?? null,
    problems,
    more,
  };
}

function range(from: number, to: number): string {
  return from === to ? `${from}` : `${from} to ${to}`;
}

function missing(count: number, links: number): string {
  return `link${links - count > 1 ? "s" : ""} ${range(count + 1, links)} ${links - count > 1 ? "were" : "was"} deleted`;
}

function pinnedFromTrustFile(store: Store): VerifyOptions["publicKey"] {
  const file = trustFileOf(store);
  const trust = file === null ? null : readTrust(file);
  return file && trust?.publicKey ? { key: publicKeyOf(trust.publicKey, file), from: file } : undefined;
}

function headFromTrustFile(store: Store): VerifyOptions["head"] {
  const file = trustFileOf(store);
  const trust = file === null ? null : readTrust(file);
  if (!file || !trust || trust.links === undefined) return undefined;
  return { head: { links: trust.links, head: trust.head ?? null }, from: file };
}

/** Checks the cables of a page of links against their stored rows; answers how many cables the links cover. */
async function checkCables(
  store: Store,
  links: Link[],
  problem: (cableId: string | null, seq: number | null, reason: string) => void,
): Promise<number> {
  const chained = new Map<string, ChainedAs & { seq: number }>();
  const reviews = links.filter((l) => l.version > 0 && l.cableId.startsWith(REVIEW_LINK_PREFIX));
  await checkReviews(store, reviews, problem);
  for (const l of links) {
    if (l.version > 0 && !l.cableId.startsWith(REVIEW_LINK_PREFIX))
      chained.set(l.cableId, { kind: "released", hash: l.cableHash, seq: l.seq });
  }
  const batches = links.filter((l) => l.version === 0);
  if (batches.length > 0) {
    const rows = await store.db
      .selectFrom("chain_cables")
      .select(["cable_id", "link_seq", "cable_hash"])
      .where(
        "link_seq",
        "in",
        batches.map((b) => b.seq),
      )
      .execute();
    for (const b of batches) {
      const entries = rows
        .filter((r) => Number(r.link_seq) === b.seq)
        .map((r) => ({ cableId: r.cable_id, hash: r.cable_hash }));
      if (batchHash(entries) !== b.cableHash)
        problem(null, b.seq, `the cables listed for batch link ${b.seq} were changed`);
      for (const e of entries) chained.set(e.cableId, { kind: "imported", hash: e.hash, seq: b.seq });
    }
  }
  const ids = [...chained.keys()];
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = ids.slice(i, i + PAGE);
    const rows = await storedCables(store, page);
    for (const id of page) {
      const link = chained.get(id)!;
      const row = rows.get(id);
      if (!row) problem(id, link.seq, `${id}: the chained cable is missing from the archive`);
      else for (const reason of storedCableProblems(row, link)) problem(id, link.seq, reason);
    }
  }
  return chained.size;
}

/** Checks the declassification reviews of a page of links against their stored rows (review-link.ts). */
async function checkReviews(
  store: Store,
  links: Link[],
  problem: (cableId: string | null, seq: number | null, reason: string) => void,
): Promise<void> {
  const ids = links.map((l) => l.cableId.slice(REVIEW_LINK_PREFIX.length));
  const stored = await chainedReviews(store.db, ids);
  for (const l of links) {
    const review = stored.get(l.cableId.slice(REVIEW_LINK_PREFIX.length));
    if (!review) problem(l.cableId, l.seq, `${l.cableId}: the chained declassification review is missing`);
    else if (reviewHash(review) !== l.cableHash)
      problem(review.cableId, l.seq, `${l.cableId}: the declassification review or its released version was changed`);
  }
}

/** The stored rows of the cables `ids`, by id. */
async function storedCables(store: Store, ids: string[]): Promise<Map<string, StoredCable>> {
  const rows = await store.db
    .selectFrom("cables as c")
    .innerJoin("cable_texts as t", "t.seq", "c.seq")
    .select([
      "c.seq",
      "c.id",
      "t.model",
      "t.raw",
      "t.parse_hints",
      "c.subject",
      "c.dtg",
      "c.year",
      "c.origin",
      "c.classification",
      "c.class_rank",
      "c.precedence",
      "c.needs_access",
      "c.captioned",
      "c.source",
      "c.parser_version",
    ])
    .where("c.id", "in", ids)
    .execute();
  const bySeq = new Map<number, StoredCable>();
  for (const { seq, ...row } of rows) bySeq.set(Number(seq), { ...row, caveats: [], grants: [] });
  const seqs = [...bySeq.keys()];
  if (seqs.length > 0) {
    const caveats = await store.db
      .selectFrom("cable_caveats")
      .select(["seq", "caveat"])
      .where("seq", "in", seqs)
      .execute();
    for (const c of caveats) bySeq.get(Number(c.seq))?.caveats.push(c.caveat);
    const grants = await store.db
      .selectFrom("cable_grants")
      .select(["seq", "grant_key"])
      .where("seq", "in", seqs)
      .execute();
    for (const g of grants) bySeq.get(Number(g.seq))?.grants.push(g.grant_key);
    // Where the search index keeps its own copy of the locks (a search filters on it), that copy is checked too.
    const copies = await store.searchIndex.lockCopies(seqs);
    if (copies) for (const s of seqs) bySeq.get(s)!.fts = copies.get(s) ?? null;
    // The schedule keeps a copy of the locks too: the due list counts by it.
    const schedule = await store.db
      .selectFrom("cable_declass")
      .select(["seq", "review_on", "class_rank", "needs_access", "captioned"])
      .where("seq", "in", seqs)
      .execute();
    for (const s of seqs) bySeq.get(s)!.declass = null;
    for (const { seq, ...d } of schedule) bySeq.get(Number(seq))!.declass = d;
  }
  return new Map([...bySeq.values()].map((row) => [row.id, row]));
}
