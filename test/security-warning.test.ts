// The ZN security-warning line, written at release and read by the parser, from one table in src/telegram.
import { describe, expect, it } from "vitest";
import { CLASSIFICATIONS } from "../src/core/index.ts";
import { classificationOfSecurityWarning, securityWarning } from "../src/telegram/security-warning.ts";
import { transmissionHeader } from "../src/telegram/outgoing-transmission.ts";

describe("the security warning line", () => {
  it("reads back each level from the line it is sent with; LIMITED OFFICIAL USE travels as UUUUU", () => {
    const read = CLASSIFICATIONS.map((c) => [c, classificationOfSecurityWarning(securityWarning(c))]);
    expect(Object.fromEntries(read)).toEqual({
      UNCLASSIFIED: "UNCLASSIFIED",
      "LIMITED OFFICIAL USE": "UNCLASSIFIED",
      CONFIDENTIAL: "CONFIDENTIAL",
      SECRET: "SECRET",
      "TOP SECRET": "TOP SECRET",
    });
  });

  it("reads EEEEE as LIMITED OFFICIAL USE, and nothing from a line that is not a ZN warning", () => {
    expect(classificationOfSecurityWarning("ZNR EEEEE ZZH")).toBe("LIMITED OFFICIAL USE");
    expect([classificationOfSecurityWarning("ZZH"), classificationOfSecurityWarning(null)]).toEqual([null, null]);
  });
});

describe("transmissionHeader", () => {
  it("writes the header of a numbered cable as the seed 08STATE16245 has it", () => {
    const to = [
      {
        route: "RUEHOU",
        name: "AMEMBASSY OUAGADOUGOU",
        office: null,
        precedence: "NIACT IMMEDIATE" as const,
        mcn: null,
      },
    ];
    const cable = { to, info: [], classification: "UNCLASSIFIED" as const };
    const at = new Date("2008-02-16T23:22:00Z");
    expect(transmissionHeader({ cable, station: "RUEHC", serial: 16245, at, sections: 1 })).toEqual({
      startOfMessage: "VZCZCXRO6245",
      relayPrecedence: "OO",
      relayRoutes: ["RUEHOU"],
      station: "RUEHC",
      stationSerial: "6245",
      part: null,
      filingTime: "0472322",
      securityWarning: "ZNR UUUUU ZZH",
      prosigns: "O",
      signals: null,
    });
  });
});
