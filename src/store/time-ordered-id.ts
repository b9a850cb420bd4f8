// Time-ordered ids (UUID version 7, RFC 9562) for rows written many at a time: the deliveries of a cable to 280 posts.
// A random (version 4) key lands each new row on another page of the primary-key index, so one release would dirty
// hundreds of index pages, each written whole to SQLite's WAL at commit; ids that grow with time go in at the index's
// right edge, a few pages. They are as unique and as opaque as random ones, and still say nothing a reader may not
// know.
import { randomUUID } from "node:crypto";

let lastMs = 0;
let counter = 0;

/**
 * A new UUIDv7: 48 bits of Unix milliseconds, a 12-bit counter within the millisecond (so ids made in one
 * millisecond by this process keep their order), and 62 random bits.
 * @example timeOrderedId() // "019ad3f2-5c41-7000-9f3a-6b1e0c2d4a77"
 */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one, as RFC 9562 allows, rather than lose the order.
    lastMs++;
    counter = 0;
  }
  // A random UUID's last 17 characters are its variant and 62 random bits, which is what version 7 wants there too;
  // randomUUID draws them from a cache of entropy, several times faster than randomBytes for so few.
  const time = lastMs.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, "0")}-${randomUUID().slice(19)}`;
}
