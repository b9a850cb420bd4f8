// Table types for messaging's workflow side: drafts, their clearances and history, message counters, the hash chain.
import type { Generated } from "kysely";

/** A draft: a cable model without number, date-time group or transmission header, until it is released. */
export interface DraftsTable {
  id: string;
  /** `draft`, `released` or `discarded`. */
  status: string;
  /** The originating post's PLAD (`SECSTATE WASHDC`): its approvers release the draft. */
  origin_post: string;
  /** The draft's cable model as JSON (the `Cable` shape with the release fields empty). */
  model: string;
  /** JSON array of action requests. */
  action_requests: string;
  /** Incremented on every edit; a clearance given to an earlier revision no longer counts. */
  revision: number;
  /** The cable this one replies to (pre-filled REF), or null. */
  reply_to: string | null;
  /** The released cable a correction supersedes, or null. */
  supersedes: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  /** Canonical id given at release; unique. */
  released_id: string | null;
  released_by: string | null;
  released_at: string | null;
  /** When the drafter submitted it for approval (ISO), or null: only submitted drafts are in the approvers' queue. */
  submitted_at: string | null;
  /** The username of who submitted it, or null. */
  submitted_by: string | null;
  /** The reply's position report as JSON (PositionReportSchema), or null (migration 0019). */
  position_report: string | null;
}

/** A clearance requested on a draft, from an office (`EUR/SCE`) or a person (a username). */
export interface DraftClearancesTable {
  id: string;
  draft_id: string;
  /** `office` or `user`. */
  kind: string;
  /** The office code or the username. */
  clearer: string;
  /** 1 when release needs it cleared. */
  required: number;
  /** `requested`, `cleared` or `objected`. */
  status: string;
  comment: string | null;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** The draft revision the decision was made on. */
  decided_revision: number | null;
}

/** Every step of a draft's life: who, when, what. */
export interface DraftEventsTable {
  id: Generated<number>;
  draft_id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  /** `draft.create`, `draft.update`, `clearance.request`, `clearance.clear`, `draft.release`, ... */
  action: string;
  detail: string | null;
}

/** The draft's cable as a clearer read it when they cleared or objected (migration 0021). */
export interface ClearanceSnapshotsTable {
  id: string;
  draft_id: string;
  clearance_id: string;
  /** `cleared` or `objected`. */
  decision: string;
  comment: string | null;
  /** The username of who decided. */
  decided_by: string;
  decided_at: string;
  /** The draft revision decided on. */
  revision: number;
  /** The draft's cable model as JSON, as it was then. */
  model: string;
}

/** Counters that must never give a number twice: message serials per station and year, the chain's length. */
export interface MessageCountersTable {
  /** `msg:STATE:2008`, `chain`. */
  key: string;
  /** The last number given (0 before the first). */
  value: number;
}

/**
 * Channel serials from one originating routing indicator: one row holding each addressee's last serial, so a cable
 * to 280 posts reads and writes one row instead of 280.
 */
export interface ChannelSerialsTable {
  /** The originating routing indicator: `RUEHC`. */
  origin: string;
  /** JSON object: addressee routing indicator -> last serial given (`{"RUEHFR": 7136}`). */
  serials: string;
}

/** A released cable version in the hash chain, or (version 0) a batch of imported cables listed in chain_cables. */
export interface ChainLinksTable {
  /** Position in the chain, from 1. */
  seq: number;
  /** The cable's canonical id; `batch:<seq>` for a batch link. */
  cable_id: string;
  /** 1 for a first release; a correction that supersedes a version-n cable is version n+1; 0 for a batch link. */
  version: number;
  /** SHA-256 (hex) of the cable's canonical JSON; of a batch link, of its cables' ids and hashes (link-hash.ts). */
  cable_hash: string;
  /** The previous link's hash; 64 zeros for the first link. */
  prev_hash: string;
  /** SHA-256 (hex) over seq, cable id, version, cable hash and previous hash. */
  link_hash: string;
  /** Ed25519 signature (base64) of link_hash by the installation key: the head is signed, so is every link. */
  signature: string;
  /** The cable this version supersedes (a correction), or null. */
  supersedes: string | null;
  at: string;
}

/** An archived cable chained by a batch link (an import's), with the hash of its stored form (migration 0017). */
export interface ChainCablesTable {
  /** Canonical id; a cable is chained once. */
  cable_id: string;
  /** The batch link that covers it. */
  link_seq: number;
  /** SHA-256 (hex) of the cable as stored: its model JSON, verbatim text and parse hints (link-hash.ts). */
  cable_hash: string;
}

export interface MessagingTables {
  drafts: DraftsTable;
  draft_clearances: DraftClearancesTable;
  draft_events: DraftEventsTable;
  clearance_snapshots: ClearanceSnapshotsTable;
  message_counters: MessageCountersTable;
  channel_serials: ChannelSerialsTable;
  chain_links: ChainLinksTable;
  chain_cables: ChainCablesTable;
}
