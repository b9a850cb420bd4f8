// Requests that never reach a route, a URL the router cannot decode or what Node's HTTP parser refuses, are
// answered as application/problem+json with stable codes, like every other error. Sent over a real socket.
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/server/app.ts";
import type { Store } from "../src/store/open-store.ts";
import { openTestStore } from "./helpers/test-stores.ts";

let store: Store;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  store = await openTestStore("sqlite", "client_errors");
  app = await buildApp({ store });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** Writes raw bytes on a new connection and reads the whole answer until the server closes or stops talking. */
function rawRequest(bytes: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    const done = () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), headers: head.toLowerCase(), body });
    };
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      data += chunk;
      if (/\r\n\r\n/.test(data) && /content-length: (\d+)/i.test(data)) {
        const length = Number(/content-length: (\d+)/i.exec(data)![1]);
        if (Buffer.byteLength(data.split("\r\n\r\n").slice(1).join("\r\n\r\n")) >= length) {
          socket.destroy();
          done();
        }
      }
    });
    socket.on("end", done);
    socket.on("error", (error) => (data ? done() : reject(error)));
    socket.write(bytes);
  });
}

describe("errors before a route", () => {
  it("answers a path with broken percent-encoding 400 BAD_URL as problem+json", async () => {
    const res = await rawRequest("GET /api/cables/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(res.status).toBe(400);
    expect(res.headers).toContain("content-type: application/problem+json");
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: "BAD_URL", type: "urn:cablegram:problem:bad-url" });
  });

  it("answers oversized headers 431 HEADERS_TOO_LARGE as problem+json", async () => {
    const res = await rawRequest(`GET /api/session HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers).toContain("content-type: application/problem+json");
    const problem = JSON.parse(res.body);
    expect(problem).toMatchObject({ status: 431, code: "HEADERS_TOO_LARGE" });
    expect(problem.detail).toMatch(/headers are too large/);
  });

  it("answers a request that is not HTTP 400 BAD_REQUEST as problem+json", async () => {
    const res = await rawRequest("HELLO THERE\r\n\r\n");
    expect(res.status).toBe(400);
    expect(res.headers).toContain("content-type: application/problem+json");
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: "BAD_REQUEST" });
  });
});
