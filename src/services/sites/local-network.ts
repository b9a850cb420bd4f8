// A network of sites on one machine: a NATS hub and one leaf server per site, spawned from nats-server with
// generated configuration under a folder, on loopback ports from a base. For the demo, the benchmark and the tests;
// a real network runs the same configuration, one leaf server beside each site's node.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { join } from "node:path";
import { hubConfig, leafConfig, type SiteCredentials } from "./nats-config.ts";

/** Where Debian puts nats-server; CABLEGRAM_NATS_SERVER overrides it. */
export const NATS_SERVER = process.env.CABLEGRAM_NATS_SERVER ?? "/usr/sbin/nats-server";

/** One site's leaf server as its node reaches it. */
export type LocalSite = { site: string; port: number; url: string; user: string; password: string };

export type LocalNetwork = {
  hubPort: number;
  sites: Map<string, LocalSite>;
  /** Cuts a site's link by stopping its leaf server (its JetStream store stays on disk). */
  stopLeaf(site: string): Promise<void>;
  /** Starts a stopped site's leaf server again. */
  startLeaf(site: string): Promise<void>;
  stopHub(): Promise<void>;
  startHub(): Promise<void>;
  /** Stops every server this network started. */
  stop(): Promise<void>;
  /** The process id of each server running now, by name (`hub`, or the site's): a benchmark counts their CPU. */
  pids(): Map<string, number>;
};

/**
 * Writes the configuration under `dir` and starts the hub (port `basePort`, leaf port `basePort + 1`) and a leaf
 * server per site (`basePort + 10 + i`), each with its own JetStream domain; resolves once all listen.
 * @example const net = await startLocalNetwork({ dir, basePort: 22000, sites: ["STATE", "PANAMA"] })
 */
export async function startLocalNetwork(options: {
  dir: string;
  basePort: number;
  sites: string[];
}): Promise<LocalNetwork> {
  mkdirSync(options.dir, { recursive: true });
  const secret = () => randomBytes(12).toString("hex");
  const creds: SiteCredentials[] = options.sites.map((site) => ({ site, password: secret(), nodePassword: secret() }));
  const hubPort = options.basePort;
  const leafPort = options.basePort + 1;
  const hubFile = join(options.dir, "hub.conf");
  writeFileSync(hubFile, hubConfig({ port: hubPort, leafPort, sites: creds }), { mode: 0o600 });
  const sites = new Map<string, LocalSite>();
  const files = new Map<string, string>();
  creds.forEach((c, i) => {
    const port = options.basePort + 10 + i;
    const file = join(options.dir, `leaf-${c.site}.conf`);
    const storeDir = join(options.dir, `jetstream-${c.site}`);
    mkdirSync(storeDir, { recursive: true });
    writeFileSync(file, leafConfig({ site: c, port, storeDir, hubLeafUrl: `nats-leaf://127.0.0.1:${leafPort}` }), {
      mode: 0o600,
    });
    files.set(c.site, file);
    sites.set(c.site, { site: c.site, port, url: `nats://127.0.0.1:${port}`, user: "node", password: c.nodePassword });
  });
  const running = new Map<string, ChildProcess>();
  const start = async (name: string, file: string, port: number) => {
    const log = createWriteStream(join(options.dir, `${name}.log`), { flags: "a" });
    const child = spawn(NATS_SERVER, ["-c", file], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    running.set(name, child);
    await listening(port, child);
  };
  const halt = async (name: string) => {
    const child = running.get(name);
    if (!child || child.exitCode !== null) return;
    running.delete(name);
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  };
  await start("hub", hubFile, hubPort);
  for (const [site, file] of files) await start(site, file, sites.get(site)!.port);
  return {
    hubPort,
    sites,
    stopLeaf: (site) => halt(site),
    startLeaf: (site) => start(site, files.get(site)!, sites.get(site)!.port),
    stopHub: () => halt("hub"),
    startHub: () => start("hub", hubFile, hubPort),
    async stop() {
      for (const name of [...running.keys()]) await halt(name);
    },
    pids: () => new Map([...running].flatMap(([name, child]) => (child.pid ? [[name, child.pid] as const] : []))),
  };
}

async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`nats-server exited (${child.exitCode}) before listening on ${port}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nats-server did not listen on ${port}`);
}
