// Time-ordered ids: UUIDv7 in form, unique, and in the order they were made (within a millisecond too).
import { describe, expect, it } from "vitest";
import { timeOrderedId } from "../src/store/time-ordered-id.ts";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("time-ordered ids", () => {
  it("are UUIDs of version 7 and variant 10 that carry the time they were made", () => {
    const id = timeOrderedId(Date.UTC(2026, 0, 1));
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1));
  });

  it("sort as they were made, 10,000 in one millisecond included, and never repeat", () => {
    const at = Date.UTC(2030, 5, 1);
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(UUID_V7);
    const later = timeOrderedId(at - 5_000); // a clock set back does not break the order either
    expect(later > ids.at(-1)!).toBe(true);
  });
});
