// Declassification: the schedule (filling it, the due list, release proposals for unclassified-only cables), the
// review queue's source, recording decisions, and the public reading room.
export { dueForReview, type ReviewQueueSource } from "./review-queue-source.ts";
export { recordReview, type RecordedReview } from "./record-review.ts";
export {
  listWithdrawals,
  readReadingRoom,
  searchReadingRoom,
  type ReadingRoomHit,
  type ReadingRoomItem,
  type ReadingRoomResult,
  type ReleasedVersion,
} from "./reading-room.ts";
export { readingRoomEntryOf } from "./reading-room-entry.ts";
export { scheduleArchivedCables } from "./schedule-archived.ts";
export { dueList, DueQuerySchema, type DueCable, type DueCount, type DueList, type DueQuery } from "./due-list.ts";
export { proposeReleases, type ProposalRun, type ReleaseProposal } from "./propose-releases.ts";
export { assertMaySeeSchedule } from "./schedule-access.ts";
