// The whole schema as one Kysely `Database` type, composed of each area's tables.
import type { AuditTables } from "./tables/audit.ts";
import type { CampaignTables } from "./tables/campaigns.ts";
import type { CableTables } from "./tables/cables.ts";
import type { DeclassificationTables } from "./tables/declassification.ts";
import type { DirectoryTables } from "./tables/directory.ts";
import type { DistributionTables } from "./tables/distribution.ts";
import type { MessagingTables } from "./tables/messaging.ts";
import type { SiteTables } from "./tables/sites.ts";
import type { SavedSearchTables } from "./tables/saved-searches.ts";
import type { NotificationTables } from "./tables/notifications.ts";
import type { SuggestionTables } from "./tables/suggestions.ts";
import type { UserTables } from "./tables/users.ts";

export interface Database
  extends
    CableTables,
    DirectoryTables,
    UserTables,
    AuditTables,
    MessagingTables,
    DistributionTables,
    SavedSearchTables,
    CampaignTables,
    SuggestionTables,
    NotificationTables,
    DeclassificationTables,
    SiteTables {}
