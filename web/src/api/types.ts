// The API's answers and request bodies as types, inferred from the zod schemas of src/api that the server validates
// them with: one schema language for the domain, the API and the UI. Type-only imports: nothing of the server's
// reaches the browser bundle.
import type { z } from "zod";
import type { DashboardSchema, TaskSchema } from "../../../src/api/action-schemas.ts";
import type { AlertSchema, DutyOfficerSchema } from "../../../src/api/alert-schemas.ts";
import type { ArchivedCableSchema, CableSummarySchema, ReferencesSchema } from "../../../src/api/cable-schemas.ts";
import type {
  BlocSchema,
  CampaignSchema,
  CampaignSummarySchema,
  NewPositionSchema,
  PositionEventViewSchema,
  PositionSuggestionSchema,
  DraftSuggestionSchema,
  QuestionSchema,
  TallySchema,
  TaskingSchema,
} from "../../../src/api/campaign-schemas.ts";
import type { DeliverySchema } from "../../../src/api/delivery-schemas.ts";
import type { AuditEntrySchema } from "../../../src/api/audit-schemas.ts";
import type { DueListSchema } from "../../../src/api/declass-schedule-schemas.ts";
import type { CollectiveSchema, OfficeSchema, PostSchema } from "../../../src/api/directory-schemas.ts";
import type {
  CableHistorySchema,
  CableVersionsSchema,
  LastDecisionSchema,
  ClearanceSchema,
  DraftFieldsSchema,
  DraftSchema,
  FindingSchema,
  QueueItemSchema,
  QueueSchema,
  SavedDraftSchema,
} from "../../../src/api/draft-schemas.ts";
import type { SavedSearchSchema, SearchNoticeListSchema } from "../../../src/api/saved-search-schemas.ts";
import type { SearchResultSchema } from "../../../src/api/search-schemas.ts";
import type {
  MyDraftSchema,
  NotificationListSchema,
  NotificationSchema,
  SentCableSchema,
} from "../../../src/api/notification-schemas.ts";
import type {
  ReadingRoomItemSchema,
  ReadingRoomResultSchema,
  RecordedReviewSchema,
  ReviewQueueSchema,
  WithdrawalsSchema,
} from "../../../src/api/declass-schemas.ts";
import type { SessionSchema } from "../../../src/api/session-schemas.ts";
import type { CopyCommandSchema, SiteTrafficSchema, TrackedCopySchema } from "../../../src/api/site-schemas.ts";
import type { ApiTokenSchema, UserSchema } from "../../../src/api/user-schemas.ts";

export type { Cable, Addressee, Paragraph, Reference, ActionRequest } from "../../../src/core/index.ts";

export type User = z.output<typeof UserSchema>;
export type Session = z.output<typeof SessionSchema>;
export type ApiToken = z.output<typeof ApiTokenSchema>;
export type ArchivedCable = z.output<typeof ArchivedCableSchema>;
export type CableSummary = z.output<typeof CableSummarySchema>;
export type CableReferences = z.output<typeof ReferencesSchema>;
export type SearchResult = z.output<typeof SearchResultSchema>;
export type SearchHit = SearchResult["results"][number];
export type Facet = SearchResult["facets"]["tags"];
export type SavedSearch = z.output<typeof SavedSearchSchema>;
export type SearchNoticeList = z.output<typeof SearchNoticeListSchema>;
export type Notification = z.output<typeof NotificationSchema>;
export type NotificationList = z.output<typeof NotificationListSchema>;
export type MyDraft = z.output<typeof MyDraftSchema>;
export type SentCable = z.output<typeof SentCableSchema>;
export type Delivery = z.output<typeof DeliverySchema>;
export type Alert = z.output<typeof AlertSchema>;
export type AuditEntry = z.output<typeof AuditEntrySchema>;
export type DueList = z.output<typeof DueListSchema>;
export type DutyOfficer = z.output<typeof DutyOfficerSchema>;
export type Draft = z.output<typeof DraftSchema>;
export type Finding = z.output<typeof FindingSchema>;
export type SavedDraft = z.output<typeof SavedDraftSchema>;
export type CableVersions = z.output<typeof CableVersionsSchema>;
export type CableHistory = z.output<typeof CableHistorySchema>;
export type LastDecision = z.output<typeof LastDecisionSchema>;
export type Clearance = z.output<typeof ClearanceSchema>;
export type QueueItem = z.output<typeof QueueItemSchema>;
export type Queue = z.output<typeof QueueSchema>;
export type ActionDashboard = z.output<typeof DashboardSchema>;
export type Task = z.output<typeof TaskSchema>;
export type Post = z.output<typeof PostSchema>;
export type Office = z.output<typeof OfficeSchema>;
export type Collective = z.output<typeof CollectiveSchema>;
export type CampaignSummary = z.output<typeof CampaignSummarySchema>;
export type Campaign = z.output<typeof CampaignSchema>;
export type CampaignQuestion = z.output<typeof QuestionSchema>;
export type PositionEventView = z.output<typeof PositionEventViewSchema>;
export type PositionSuggestion = z.output<typeof PositionSuggestionSchema>;
export type DraftSuggestion = z.output<typeof DraftSuggestionSchema>;
export type Tally = z.output<typeof TallySchema>;
export type Tasking = z.output<typeof TaskingSchema>;
export type Bloc = z.output<typeof BlocSchema>;
/** What the position form sends to record a position event. */
export type NewPosition = z.input<typeof NewPositionSchema>;
/** What the composer sends to create or change a draft. */
export type DraftFields = z.input<typeof DraftFieldsSchema>;

export type ReadingRoomResult = z.output<typeof ReadingRoomResultSchema>;
export type ReadingRoomItem = z.output<typeof ReadingRoomItemSchema>;
export type Withdrawals = z.output<typeof WithdrawalsSchema>;
export type ReviewQueue = z.output<typeof ReviewQueueSchema>;
export type RecordedReview = z.output<typeof RecordedReviewSchema>;
export type TrackedCopy = z.output<typeof TrackedCopySchema>;
export type SiteTraffic = z.output<typeof SiteTrafficSchema>;
export type CopyCommandResult = z.output<typeof CopyCommandSchema>;
