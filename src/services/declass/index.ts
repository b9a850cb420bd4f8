// Declassification review: the queue's source, recording decisions, and the public reading room.
export { declDatePassed, type ReviewQueueSource } from "./review-queue-source.ts";
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
