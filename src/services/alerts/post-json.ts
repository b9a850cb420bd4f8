// POSTs a JSON body to a webhook with node's HTTP client, connecting only to the addresses the guard approved: the
// name is resolved once, checked, and that answer is what the socket connects to, so a resolver that answers a
// public address to the check and a private one to the connection (DNS rebinding) gains nothing.
import type { LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";

/** How long a webhook may take to answer, by default. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

function lookupFrom(addresses: readonly LookupAddress[]): LookupFunction {
  return (_host, options, callback) => {
    const all = typeof options === "object" && options !== null && (options as { all?: boolean }).all === true;
    const first = addresses[0];
    if (!first) {
      callback(Object.assign(new Error("the host has no address"), { code: "ENOTFOUND" }), "", 0);
      return;
    }
    if (all) (callback as unknown as (error: null, list: LookupAddress[]) => void)(null, [...addresses]);
    else callback(null, first.address, first.family);
  };
}

/**
 * POSTs `body` as JSON to `url`, connecting to `addresses` (the host's checked addresses); resolves with the answer's
 * status code, rejects on a network error or after `timeoutMs`. The answer's body is read and dropped.
 * @example await postJson("https://hooks.example/duty", { kind: "niact" }, [{ address: "93.184.215.14", family: 4 }]) // 200
 */
export function postJson(
  url: string,
  body: unknown,
  addresses: readonly LookupAddress[],
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<number> {
  const target = new URL(url);
  const payload = Buffer.from(JSON.stringify(body));
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": payload.length },
        lookup: lookupFrom(addresses),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
