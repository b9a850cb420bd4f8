// The API's answers as types, inferred from the zod schemas the server validates them with: one schema language
// for the domain, the API and the UI. Type-only imports: nothing of the server reaches the browser bundle.
import type { z } from "zod";
import type { DashboardSchema, TaskSchema } from "../../../src/server/routes/action-routes.ts";
import type { AlertSchema, DutyOfficerSchema } from "../../../src/server/routes/alert-routes.ts";
import type { ArchivedCableSchema, ReferencesSchema, Summary } from "../../../src/server/routes/cable-routes.ts";
import type {
  ClearanceSchema,
  DraftSchema,
  FindingSchema,
  QueueItemSchema,
  SavedSchema,
} from "../../../src/server/routes/draft-routes.ts";
import type { DeliverySchema } from "../../../src/server/routes/inbox-routes.ts";
import type { SavedSearchSchema } from "../../../src/server/routes/saved-search-routes.ts";
import type { SearchResultSchema } from "../../../src/server/routes/search-routes.ts";
import type { ApiTokenSchema, SessionSchema, UserSchema } from "../../../src/server/schemas.ts";
import type { CollectiveSchema, OfficeSchema, PostSchema } from "../../../src/services/directory/directory-schema.ts";

export type { Cable, Addressee, Paragraph, Reference, ActionRequest } from "../../../src/core/index.ts";

export type User = z.output<typeof UserSchema>;
export type Session = z.output<typeof SessionSchema>;
export type ApiToken = z.output<typeof ApiTokenSchema>;
export type ArchivedCable = z.output<typeof ArchivedCableSchema>;
export type CableSummary = z.output<typeof Summary>;
export type CableReferences = z.output<typeof ReferencesSchema>;
export type SearchResult = z.output<typeof SearchResultSchema>;
export type SearchHit = SearchResult["results"][number];
export type Facet = SearchResult["facets"]["tags"];
export type SavedSearch = z.output<typeof SavedSearchSchema>;
export type Delivery = z.output<typeof DeliverySchema>;
export type Alert = z.output<typeof AlertSchema>;
export type DutyOfficer = z.output<typeof DutyOfficerSchema>;
export type Draft = z.output<typeof DraftSchema>;
export type Finding = z.output<typeof FindingSchema>;
export type SavedDraft = z.output<typeof SavedSchema>;
export type Clearance = z.output<typeof ClearanceSchema>;
export type QueueItem = z.output<typeof QueueItemSchema>;
export type Queue = { clearances: QueueItem[]; approvals: QueueItem[] };
export type ActionDashboard = z.output<typeof DashboardSchema>;
export type Task = z.output<typeof TaskSchema>;
export type Post = z.output<typeof PostSchema>;
export type Office = z.output<typeof OfficeSchema>;
export type Collective = z.output<typeof CollectiveSchema>;
