// The server's log output: JSON lines for collectors, short readable lines on a terminal.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app.ts";
import { createLogger, prettyLine } from "../src/server/logger.ts";
import { openStore } from "../src/store/open-store.ts";

function capture(pretty: boolean): { log: ReturnType<typeof createLogger>; lines: () => string[] } {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  return { log: createLogger({ pretty, out }), lines: () => chunks.join("").split("\n").filter(Boolean) };
}

describe("server logs", () => {
  it("are JSON lines with the fields kept when the output is not a terminal", async () => {
    const { log, lines } = capture(false);
    log.info({ url: "http://localhost:8080" }, "Cablegram is listening");
    await new Promise((r) => setImmediate(r));
    expect(JSON.parse(lines()[0]!)).toMatchObject({
      level: 30,
      msg: "Cablegram is listening",
      url: "http://localhost:8080",
    });
  });

  it("are one readable line each on a terminal, request logs as method, path, status and time", async () => {
    const { log, lines } = capture(true);
    log.warn({ username: "admin", password: "s3cret" }, "created the admin account");
    await new Promise((r) => setImmediate(r));
    expect(lines()[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}created the admin account username=admin password=s3cret$/);
    const request = { level: 30, time: Date.UTC(2024, 4, 1, 9), msg: "request completed" };
    const line = prettyLine({
      ...request,
      req: { method: "GET", url: "/api/search?q=x" },
      res: { statusCode: 200 },
      responseTime: 12.4,
      reqId: "req-1",
    });
    expect(line).toBe("09:00:00 INFO  GET /api/search?q=x 200 12 ms request completed");
    expect(prettyLine({ level: 50, time: 0, msg: "unhandled error", err: { message: "boom", stack: "..." } })).toBe(
      "00:00:00 ERROR unhandled error error=boom",
    );
  });

  it("write one line a request, when it is answered, with its method, path, status and time", async () => {
    const { log, lines } = capture(false);
    const store = await openStore({ dialect: "sqlite", file: ":memory:" });
    const app = await buildApp({ store, logger: log });
    try {
      await app.inject({ url: "/api/inbox?unread=true" });
      await app.inject({ url: "/api/no-such-route" });
    } finally {
      await app.close();
      await store.close();
    }
    const records = lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = records.filter((r) => r.req !== undefined);
    expect(requests.map((r) => r.msg)).toEqual(["request completed", "request completed"]);
    expect(requests[0]).toMatchObject({
      req: { method: "GET", url: "/api/inbox?unread=true" },
      res: { statusCode: 401 },
    });
    expect(requests[1]).toMatchObject({ req: { url: "/api/no-such-route" }, res: { statusCode: 404 } });
    expect(typeof requests[0]!.responseTime).toBe("number");
    expect(records.some((r) => r.msg === "incoming request")).toBe(false);
  });
});
