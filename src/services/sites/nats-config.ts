// nats-server configuration for a network of sites: the hub that leaf nodes connect to, with each site's
// credentials and the subject permissions that pin it to its own traffic, and each site's leaf server with its
// own JetStream domain. Pure text, so the demo, the tests and an operator all get the same rules.
import { consumersOf, inboxPrefixOf } from "../../core/sites.ts";

/** A site's credentials at the hub (its leaf connection) and at its own leaf server (its node). */
export type SiteCredentials = { site: string; password: string; nodePassword: string };

/**
 * What a site's leaf connection may do at the hub, from the leaf's side: publish only its own pulls and acks
 * (never another site's consumers, never the JetStream API that makes or deletes), replies, and its own bells;
 * receive only requests for its own domain, acks for its own outbox, its own replies and bells addressed to it.
 * (A leaf's interest in its domain's API is a wildcard, so pulls are allowed by subject and other sites' consumers
 * denied by name: NATS wildcards match whole tokens only.)
 * @example hubPermissions("PANAMA", ["STATE", "PANAMA", "PARIS"]).subscribe.allow // ["$JS.PANAMA.API.>", ...]
 */
export function hubPermissions(site: string, sites: string[]) {
  const verbs = ["CREATE", "DURABLE", "DELETE", "INFO", "LIST", "NAMES", "LEADER"];
  return {
    publish: {
      allow: [
        "$JS.*.API.CONSUMER.>",
        ...consumersOf(site).map((c) => `$JS.ACK.*.${c}.>`),
        ...sites.map((s) => `${inboxPrefixOf(s)}.>`),
        `cablegram.bell.*.${site}`,
      ],
      deny: [
        ...verbs.map((v) => `$JS.*.API.CONSUMER.${v}.>`),
        ...sites
          .filter((s) => s !== site)
          .flatMap((s) => consumersOf(s).map((c) => `$JS.*.API.CONSUMER.MSG.NEXT.*.${c}`)),
      ],
    },
    subscribe: {
      allow: [`$JS.${site}.API.>`, `$JS.ACK.OUTBOX_${site}.>`, `${inboxPrefixOf(site)}.>`, `cablegram.bell.${site}.*`],
    },
  };
}

/**
 * The hub's configuration: client and leaf ports on loopback, one user per site.
 * @example hubConfig({ port: 22001, leafPort: 22002, sites: creds }) // "port: 22001\n..."
 */
export function hubConfig(options: { port: number; leafPort: number; host?: string; sites: SiteCredentials[] }) {
  const host = options.host ?? "127.0.0.1";
  const names = options.sites.map((s) => s.site);
  const users = options.sites.map(
    (s) =>
      `    { user: ${q(s.site)}, password: ${q(s.password)}, permissions: ${JSON.stringify(hubPermissions(s.site, names))} }`,
  );
  return [
    `host: ${q(host)}`,
    `port: ${options.port}`,
    `server_name: hub`,
    `leafnodes { host: ${q(host)}, port: ${options.leafPort} }`,
    `authorization { users = [\n${users.join("\n")}\n] }`,
    "",
  ].join("\n");
}

/**
 * A site's leaf server: its own JetStream domain (named after the site) and store, its node's credentials, and the
 * leaf connection to the hub with the site's hub credentials.
 */
export function leafConfig(options: {
  site: SiteCredentials;
  port: number;
  storeDir: string;
  hubLeafUrl: string;
  host?: string;
}) {
  const { site } = options;
  const hub = new URL(options.hubLeafUrl);
  hub.username = site.site;
  hub.password = site.password;
  return [
    `host: ${q(options.host ?? "127.0.0.1")}`,
    `port: ${options.port}`,
    `server_name: ${q(site.site)}`,
    `jetstream { store_dir: ${q(options.storeDir)}, domain: ${q(site.site)} }`,
    `authorization { user: "node", password: ${q(site.nodePassword)} }`,
    `leafnodes { remotes = [ { url: ${q(hub.toString())} } ] }`,
    "",
  ].join("\n");
}

function q(text: string): string {
  return JSON.stringify(text);
}
