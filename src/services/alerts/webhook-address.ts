// Where a webhook may point. A duty officer's webhook is a URL the server itself requests, so a URL to loopback or
// a private network would let whoever sets it reach services behind the firewall (SSRF). Such addresses are refused
// unless the deployment names them in CABLEGRAM_WEBHOOK_ALLOW (a relay on the same host, a test receiver). A host
// name is checked by what it resolves to, at the moment of connecting, so a name that points (or is re-pointed) to a
// private address is refused too.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { CablegramError } from "../errors.ts";

/** The environment variable of the allow-list: `host` or `host:port` entries, comma-separated. */
export const WEBHOOK_ALLOW_SETTING = "CABLEGRAM_WEBHOOK_ALLOW";

/** Hosts (any port) and `host:port` pairs a webhook may point to although they are loopback or private. */
export type WebhookAllow = readonly string[];

// One list per family: a BlockList matches IPv4 addresses against IPv4-mapped IPv6 rules too.
const PRIVATE_V4 = new BlockList();
const PRIVATE_V6 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  PRIVATE_V4.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["::ffff:0:0", 96], // IPv4-mapped: any IPv4 address written as IPv6
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  PRIVATE_V6.addSubnet(net, prefix, "ipv6");
}

/**
 * The allow-list in the environment, lower case; empty when unset. An entry with a port that is not a number from
 * 1 to 65535 throws SETTING_INVALID naming it.
 * @example webhookAllowFromEnv({ CABLEGRAM_WEBHOOK_ALLOW: "127.0.0.1:9999, hooks.local" }) // ["127.0.0.1:9999", "hooks.local"]
 */
export function webhookAllowFromEnv(env: NodeJS.ProcessEnv): WebhookAllow {
  const entries = (env[WEBHOOK_ALLOW_SETTING] ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "");
  for (const entry of entries) {
    const port = /^(?:\[[^\]]+\]|[^:]+):(.*)$/.exec(entry)?.[1];
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
      throw new CablegramError(
        "SETTING_INVALID",
        `${WEBHOOK_ALLOW_SETTING} names ${JSON.stringify(entry)}, whose port is not a number from 1 to 65535: give ` +
          `hosts or host:port pairs separated by commas (127.0.0.1:9999,hooks.local); unset, none is allowed.`,
        { variable: WEBHOOK_ALLOW_SETTING, value: env[WEBHOOK_ALLOW_SETTING] },
      );
    }
  }
  return entries;
}

/** Resolves a host name to every address it has, as the system's resolver (and /etc/hosts) answers. */
export type ResolveHost = (host: string) => Promise<LookupAddress[]>;

/** The system's resolver. */
export const systemResolve: ResolveHost = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

function isPrivateHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(bare);
  if (family === 0) return false;
  return family === 4 ? PRIVATE_V4.check(bare, "ipv4") : PRIVATE_V6.check(bare, "ipv6");
}

/**
 * Throws WEBHOOK_NOT_ALLOWED when the URL points to loopback, a private network or a link-local address (literal
 * addresses, `localhost` and its subdomains) and the allow-list names neither its host nor its host and port.
 * @example assertWebhookAllowed("http://127.0.0.1:9999/hook", []) // throws WEBHOOK_NOT_ALLOWED
 * @example assertWebhookAllowed("http://127.0.0.1:9999/hook", ["127.0.0.1:9999"]) // passes
 */
export function assertWebhookAllowed(url: string, allow: WebhookAllow): void {
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  if (!isPrivateHost(host)) return;
  const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
  if (allow.includes(host) || allow.includes(`${host}:${port}`)) return;
  throw new CablegramError(
    "WEBHOOK_NOT_ALLOWED",
    `The webhook ${parsed.origin} is a loopback or private address; use a public one, or name ${host}:${port} in ` +
      `${WEBHOOK_ALLOW_SETTING}.`,
    { host, port },
  );
}

function allowed(allow: WebhookAllow, host: string, port: string): boolean {
  return allow.includes(host) || allow.includes(`${host}:${port}`);
}

function bracketed(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

/**
 * The addresses a webhook's host name resolves to, all of them checked: WEBHOOK_NOT_ALLOWED when one is loopback,
 * private or link-local and the allow-list names neither the host name nor that address (with or without the port).
 * Literal addresses are answered as they are (`assertWebhookAllowed` has checked them).
 * @example await resolveWebhookHost("hooks.example.com", "443", [], systemResolve) // [{ address: "93.184.215.14", family: 4 }]
 * @example await resolveWebhookHost("evil.example", "80", [], async () => [{ address: "10.0.0.5", family: 4 }]) // throws
 */
export async function resolveWebhookHost(
  host: string,
  port: string,
  allow: WebhookAllow,
  resolve: ResolveHost,
): Promise<LookupAddress[]> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  const addresses = await resolve(host);
  if (allowed(allow, host, port)) return addresses;
  for (const { address } of addresses) {
    const literal = bracketed(address);
    if (!isPrivateHost(literal) || allowed(allow, literal, port)) continue;
    throw new CablegramError(
      "WEBHOOK_NOT_ALLOWED",
      `The webhook host ${host} resolves to ${address}, a loopback or private address; use a public host, or name ` +
        `${host}:${port} in ${WEBHOOK_ALLOW_SETTING}.`,
      { host, port, address },
    );
  }
  return addresses;
}

/**
 * Checks a webhook URL as `assertWebhookAllowed` does, then resolves its host and checks every address as
 * `resolveWebhookHost` does; answers the addresses to connect to.
 * @example await webhookAddresses("http://hooks.example.test/duty", [], fakeResolve) // [{ address: "93.184.215.14", family: 4 }]
 */
export async function webhookAddresses(
  url: string,
  allow: WebhookAllow,
  resolve: ResolveHost,
): Promise<LookupAddress[]> {
  assertWebhookAllowed(url, allow);
  const target = new URL(url);
  const host = target.hostname
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^\[(.*)\]$/, "$1");
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  return resolveWebhookHost(host, port, allow, resolve);
}
