// Which precedences alert the duty officer: one answer, in core, for the dispatcher and the web app alike.
import { describe, expect, it } from "vitest";
import { isAlerting, PRECEDENCES } from "../src/core/index.ts";

describe("isAlerting", () => {
  it("answers for every precedence: FLASH and NIACT IMMEDIATE alert, the others wait for office hours", () => {
    expect(Object.fromEntries(PRECEDENCES.map((p) => [p, isAlerting(p)]))).toEqual({
      FLASH: true,
      "NIACT IMMEDIATE": true,
      IMMEDIATE: false,
      PRIORITY: false,
      ROUTINE: false,
    });
  });

  it("does not alert for a missing or unknown precedence", () => {
    expect([isAlerting(null), isAlerting(undefined), isAlerting("NIACT"), isAlerting("flash")]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
