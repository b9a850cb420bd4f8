// The communicator's page groups the traffic by destination site: every site of the network has its card, even
// with nothing to show; a copy both held and late is listed once but counted in both; arrivals stay apart.
import { describe, expect, it } from "vitest";
import type { TrackedCopy } from "../web/src/api/types.ts";
import { groupBySite } from "../web/src/scenes/sites/site-groups.ts";

const copy = (id: string, site: string, changes: Partial<TrackedCopy> = {}): TrackedCopy => ({
  id,
  cableId: `26STATE${id}`,
  site,
  precedence: "FLASH",
  state: "sent",
  queuedAt: "2026-12-06T12:00:00Z",
  sentAt: "2026-12-06T12:00:01Z",
  storedAt: null,
  deliveredAt: null,
  ackedAt: null,
  ackedBy: null,
  cancelledAt: null,
  lastError: null,
  attempt: 0,
  late: false,
  heldFor: null,
  ...changes,
});

describe("the communicator's page, site by site", () => {
  it("lists a copy held and late once, counts it in both, and keeps arrivals apart", () => {
    const lateHeld = copy("1", "PANAMA", { late: true });
    const refused = copy("2", "PANAMA", { state: "queued", sentAt: null, lastError: "no responders" });
    const arrived = copy("3", "PARIS", { state: "delivered", deliveredAt: "2026-12-06T12:00:02Z" });
    const groups = groupBySite({
      sites: ["PANAMA", "PARIS", "ROME"],
      held: [lateHeld, refused],
      late: [lateHeld],
      refused: [refused],
      recent: [arrived],
    });
    expect(groups.map((g) => [g.site, g.held, g.late, g.refused])).toEqual([
      ["PANAMA", 2, 1, 1],
      ["PARIS", 0, 0, 0],
      ["ROME", 0, 0, 0],
    ]);
    expect(groups[0]!.attention.map((c) => c.id)).toEqual(["1", "2"]);
    expect(groups[1]!.arrived.map((c) => c.id)).toEqual(["3"]);
    expect(groups[2]).toMatchObject({ attention: [], arrived: [] });
  });

  it("gives a site a copy names that the plan does not list its own card, after the plan's", () => {
    const groups = groupBySite({ sites: ["PANAMA"], held: [copy("1", "LISBON")], late: [], refused: [], recent: [] });
    expect(groups.map((g) => g.site)).toEqual(["PANAMA", "LISBON"]);
  });
});
