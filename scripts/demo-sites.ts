// `npm run demo:sites`: headquarters and two posts as separate nodes on this machine. Spawns a NATS hub and a leaf
// server per site (generated configuration under $CABLEGRAM_DATA_DIR/sites, default ./data/sites), then
// `cablegram serve` for STATE, PANAMA and PARIS on their own ports, each with its own database, populated on its
// first start; prints each URL and sign-in, then tells the demarche story (demo-story.ts): 08STATE16245 released
// at STATE, its NIACT copy arriving at Panama's own node, Panama's reply arriving back. Ctrl-C stops all of it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { NATS_SERVER, startLocalNetwork } from "../src/services/sites/local-network.ts";
import { PANAMA_DUTY, tellDemarcheStory } from "./demo-story.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SITES = ["STATE", "PANAMA", "PARIS"];
const dataDir = resolve(process.env.CABLEGRAM_DATA_DIR ?? "data", "sites");
const natsBase = Number(process.env.CABLEGRAM_DEMO_NATS_PORT ?? 14220);
const httpBase = Number(process.env.PORT ?? 8080);

if (!existsSync(NATS_SERVER)) {
  console.error(
    `demo:sites needs nats-server at ${NATS_SERVER} (apt-get install nats-server, or set CABLEGRAM_NATS_SERVER).`,
  );
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });
// Each site's admin password is made once and kept, so a second start signs in the same way.
const passwordsFile = join(dataDir, "admin-passwords.json");
const passwords: Record<string, string> = existsSync(passwordsFile)
  ? (JSON.parse(readFileSync(passwordsFile, "utf8")) as Record<string, string>)
  : Object.fromEntries(SITES.map((s) => [s, randomBytes(9).toString("base64url")]));
writeFileSync(passwordsFile, JSON.stringify(passwords, null, 2), { mode: 0o600 });

const net = await startLocalNetwork({ dir: join(dataDir, "nats"), basePort: natsBase, sites: SITES });
const nodes: ChildProcess[] = [];
const listening = SITES.map(
  (site, i) =>
    new Promise<string>((resolveUrl, reject) => {
      const leaf = net.sites.get(site)!;
      const child = spawn(process.execPath, ["bin/cablegram.js", "serve"], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(httpBase + i),
          HOST: "127.0.0.1",
          CABLEGRAM_DATA_DIR: join(dataDir, site),
          CABLEGRAM_IMPORT: process.env.CABLEGRAM_IMPORT ?? "none",
          CABLEGRAM_ADMIN_PASSWORD: passwords[site],
          CABLEGRAM_SITE: site,
          CABLEGRAM_SITES: SITES.join(","),
          CABLEGRAM_NATS_URL: leaf.url,
          CABLEGRAM_NATS_USER: leaf.user,
          CABLEGRAM_NATS_PASSWORD: leaf.password,
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      nodes.push(child);
      let pending = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        pending += chunk.toString("utf8");
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
          try {
            const record = JSON.parse(line) as { msg?: string; url?: string };
            if (record.msg === "Cablegram is listening") resolveUrl(String(record.url));
          } catch {
            // a pretty-printed line: not ours to read
          }
        }
      });
      child.once("exit", (code) => reject(new Error(`${site}'s node exited with ${code}`)));
    }),
);

const stopAll = async () => {
  for (const child of nodes) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(nodes.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  await net.stop();
};
process.once("SIGINT", () => void stopAll().then(() => process.exit(0)));
process.once("SIGTERM", () => void stopAll().then(() => process.exit(0)));

try {
  const urls = await Promise.all(listening);
  console.log(`\nCablegram sites (NATS hub on 127.0.0.1:${natsBase}, configuration in ${join(dataDir, "nats")}):`);
  SITES.forEach((site, i) => console.log(`  ${site.padEnd(7)} ${urls[i]}  sign in: admin / ${passwords[site]}`));
  console.log(`  (at PANAMA, ${PANAMA_DUTY}, its duty officer, signs in with PANAMA's admin password)`);
  const node = (site: string) => ({ site, url: urls[SITES.indexOf(site)]!, password: passwords[site]! });
  await tellDemarcheStory({
    state: node("STATE"),
    panama: node("PANAMA"),
    dir: dataDir,
    seed: join(ROOT, "examples", "08STATE16245.txt"),
    say: (line) => console.log(line),
  }).catch((error: unknown) => console.error(`\ndemo:sites: the story stopped: ${(error as Error).message}`));
  console.log("\nThe nodes keep running for you to explore; Ctrl-C stops all.");
} catch (error) {
  console.error(`demo:sites: ${(error as Error).message}`);
  await stopAll();
  process.exit(1);
}
