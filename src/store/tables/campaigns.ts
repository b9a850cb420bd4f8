// Table types for campaigns: the campaigns, their questions and the position events. Owned by src/services/campaigns.

/** A diplomatic campaign: what it seeks, which office owns it, its TAGS and its dates. */
export interface CampaignsTable {
  id: string;
  name: string;
  objective: string;
  /** The owning office (`EUR/SCE`), or null. */
  office: string | null;
  /** JSON array of TAGS: `["PREL","KV"]`. */
  tags: string;
  starts_on: string;
  ends_on: string | null;
  created_by: string;
  created_at: string;
}

/** A question of a campaign, with its ordered scale of positions. */
export interface CampaignQuestionsTable {
  campaign_id: string;
  /** Unique within its campaign: `kosovo-recognition`. */
  id: string;
  /** Order on the campaign page, from 0. */
  ordinal: number;
  title: string;
  /** JSON array of `{ code, label, colour }`, most favourable first. */
  positions: string;
}

/** A country's position on a question from a day. Never updated: a correction is a new row naming it in `supersedes`. */
export interface PositionEventsTable {
  id: string;
  campaign_id: string;
  question_id: string;
  /** ISO alpha-2 (`XK` for Kosovo). */
  country: string;
  position: string;
  effective_on: string;
  recorded_on: string;
  confidence: string;
  /** JSON array of EventSource. */
  sources: string;
  note: string | null;
  /** Who recorded it: a username, or the script that built a preloaded file. */
  recorded_by: string;
  /** ISO 8601 instant the row was written. */
  recorded_at: string;
  classification: string;
  /** JSON array of the caveats as marked (`["NOFORN"]`). */
  caveats: string;
  supersedes: string | null;
  /** The access rule's locks, as on cables (readable-by.ts): rank of the classification. */
  class_rank: number;
  /** 1 when position_event_caveats holds caveats the reader must have as accesses. */
  needs_access: number;
  /** 1 when a source cable is captioned; position_event_grants then says who may read the event. */
  captioned: number;
}

/** Caveats a reader must hold as accesses to see the event. */
export interface PositionEventCaveatsTable {
  event_id: string;
  caveat: string;
}

/** For an event from a captioned cable, what grants it: `office:EUR/SCE`, `list:NODIS-KOSOVO`. */
export interface PositionEventGrantsTable {
  event_id: string;
  grant_key: string;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
  campaign_questions: CampaignQuestionsTable;
  position_events: PositionEventsTable;
  position_event_caveats: PositionEventCaveatsTable;
  position_event_grants: PositionEventGrantsTable;
}
