// The declassification schedule: filling it, the due list, and release proposals for unclassified-only cables.
export { scheduleArchivedCables } from "./schedule-archived.ts";
export { dueList, DueQuerySchema, type DueCable, type DueCount, type DueList, type DueQuery } from "./due-list.ts";
export { proposeReleases, type ProposalRun, type ReleaseProposal } from "./propose-releases.ts";
export { assertMaySeeSchedule } from "./schedule-access.ts";
