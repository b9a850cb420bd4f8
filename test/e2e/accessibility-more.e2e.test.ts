// The accessibility check (see accessibility.e2e.test.ts) on the rest of the pages, in a browser of its own.
import { describe } from "vitest";
import { itPassesAccessibility } from "./accessibility-check.ts";
import { withReleasedDemarche } from "./release-fixture.ts";
import { browserMissing } from "./web-world.ts";

describe.skipIf(browserMissing)(
  `web: accessibility of more pages${browserMissing ? ` (skipped: ${browserMissing})` : ""}`,
  () => {
    const ctx = withReleasedDemarche();
    itPassesAccessibility(
      () => ctx.world,
      [
        ["my drafts", () => "/drafts", "No drafts in progress"],
        ["sent", () => "/sent", "None of your drafts has been released yet"],
        ["administration", () => "/admin", "Users"],
        ["alerts", () => "/alerts", "AMEMBASSY PANAMA"],
        ["audit log", () => "/audit", "cable.release"],
        ["campaigns", () => "/campaigns", "Kosovo recognition"],
        ["campaign map", () => "/campaigns/kosovo-recognition?asOf=2009-04-07", "22 of 27"],
        ["declassification schedule", () => "/declass", "09STATE39345"],
        ["reading room", () => "/reading-room", "Reading room"],
      ],
    );
  },
);
