// What tests expect of verify's verdict when a cable was altered: not ok, with a problem naming that cable.
import { expect } from "vitest";

/**
 * A verdict matcher: altered, with a problem naming `cableId` (and whose reason matches `reason`, when given).
 * @example expect(await verifyChain(store)).toMatchObject(alteredVerdict("08STATE16245", expect.stringContaining("caveats")))
 */
export function alteredVerdict(cableId: string | null | undefined, reason: unknown = expect.any(String)) {
  return {
    ok: false,
    status: "altered",
    problems: expect.arrayContaining([expect.objectContaining({ cableId, reason })]),
  };
}
