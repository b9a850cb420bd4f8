// What a bell between sites says waits: written and read back by the one vocabulary in core.
import { describe, expect, it } from "vitest";
import { bellBody, PRECEDENCES, readBellBody } from "../src/core/index.ts";

describe("a bell's body", () => {
  it("reads back every precedence and receipts, each once, in the order written", () => {
    const news = [...PRECEDENCES, "receipts" as const];
    expect(readBellBody(bellBody([...news, ...news]))).toEqual(news);
    expect(bellBody(["IMMEDIATE", "receipts"])).toBe("O,receipts");
  });

  it("asks for everything when it is empty or says something unknown", () => {
    expect(readBellBody("")).toBeNull();
    expect(readBellBody("O,X")).toBeNull();
    expect(readBellBody("receipts,")).toBeNull();
  });
});
