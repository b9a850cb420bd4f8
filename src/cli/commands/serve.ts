// `cablegram serve` (= `npm start`): the web app and the HTTP API on http://localhost:8080 with the embedded
// database, set up and populated on first start, stopped cleanly by SIGINT or SIGTERM.
import { existsSync } from "node:fs";
import { delimiter, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { buildApp } from "../../server/app.ts";
import { firstStart } from "../../server/first-start.ts";
import { createLogger, logLevelFromEnv } from "../../server/logger.ts";
import { hasWebApp } from "../../server/plugins/web-app.ts";
import { rederiveArchive, repairSearchIndex } from "../../services/archive/index.ts";
import { scheduleArchivedCables } from "../../services/declass/index.ts";
import { prepareChain, type ChainSetup } from "../../services/chain/index.ts";
import { systemClock } from "../../services/clock.ts";
import { dispatcherSettingsFromEnv, type DispatcherSettings } from "../../services/distribution/dispatcher-settings.ts";
import { isCablegramError } from "../../services/errors.ts";
import { exportMaxFromEnv } from "../../services/export/index.ts";
import { flagFromEnv } from "../../services/flag-setting.ts";
import { saveSitePlan, siteSettingsFromEnv, type SiteSettings } from "../../services/sites/index.ts";
import { storeSettingsFromEnv } from "../../services/store-settings.ts";
import { checkpointInBackground } from "../../store/background-checkpoints.ts";
import { openStore, storeLocation, type StoreConfig } from "../../store/open-store.ts";
import { statementTimingsFromEnv } from "../../store/statement-timings.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const HELP = `
Serves the web app at / and the API (docs at /api/docs) from the archive in $CABLEGRAM_DATA_DIR/cablegram.db (default ./data)
or PostgreSQL when DATABASE_URL is set. On the first start it loads the default directory, creates the "admin"
account (password from CABLEGRAM_ADMIN_PASSWORD, or generated and printed once) and imports examples/ and the
corpus at ../shared/corpus/cablegate (or the paths in CABLEGRAM_IMPORT, separated by "${delimiter}"; "none" for
nothing). Later starts skip all that.

Listens on localhost only by default: the archive holds classified cables and the first start prints an admin
password, so exposing it to the network should be a decision (HOST=0.0.0.0), ideally behind a TLS proxy
(then set CABLEGRAM_SECURE_COOKIES=1 and CABLEGRAM_TRUST_PROXY=1; 1, true, yes or on mean yes).

Environment: PORT (8080), HOST (localhost), CABLEGRAM_DATA_DIR, DATABASE_URL, CABLEGRAM_ADMIN_PASSWORD,
CABLEGRAM_IMPORT, CABLEGRAM_SECURE_COOKIES, CABLEGRAM_TRUST_PROXY, CABLEGRAM_ALERT_REPEAT_MINUTES (5; 1 to 1440),
CABLEGRAM_OBJECTIVE_FLASH, _NIACT_IMMEDIATE, _IMMEDIATE, _PRIORITY, _ROUTINE (10, 30, 30, 180, 360 minutes; 1 to
10080), CABLEGRAM_EXPORT_MAX (50000 cables an export), CABLEGRAM_SMTP_HOST, CABLEGRAM_SMTP_PORT (25; 1 to 65535), CABLEGRAM_SMTP_FROM, LOG_LEVEL (info).
Sites (unset: one node, no NATS): CABLEGRAM_SITE (this node's site, e.g. PANAMA), CABLEGRAM_SITES (the network,
headquarters first: STATE,PANAMA,PARIS), CABLEGRAM_NATS_URL (its own leaf server; nats://127.0.0.1:4222),
CABLEGRAM_NATS_USER, CABLEGRAM_NATS_PASSWORD, CABLEGRAM_SITE_ACK_WAIT_SECONDS (30). A bad
number stops the server before it opens the archive; the README's table says what each does.

Examples:
  $ npm start
  $ PORT=9000 CABLEGRAM_DATA_DIR=/var/lib/cablegram cablegram serve`;

/** Registers `serve`. */
export const serveCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("serve")
    .description("Serve the HTTP API (npm start).")
    .option("--port <port>", "port to listen on (env PORT; default 8080; 0 picks a free one)")
    .option("--host <host>", "address to listen on (env HOST; default localhost)")
    .addHelpText("after", HELP)
    .action(async (options: { port?: string; host?: string }) => done(await serve(options, io)));
};

/** The paths the first start imports: the examples, then CABLEGRAM_IMPORT or the corpus beside the project. */
export function firstStartImports(env: NodeJS.ProcessEnv): string[] {
  const extra =
    env.CABLEGRAM_IMPORT !== undefined
      ? env.CABLEGRAM_IMPORT === "none"
        ? []
        : env.CABLEGRAM_IMPORT.split(delimiter).filter(Boolean)
      : [resolve(ROOT, "../shared/corpus/cablegate")];
  return [resolve(ROOT, "examples"), ...extra].filter((p) => existsSync(p));
}

/**
 * Runs the server until SIGINT or SIGTERM, then closes it (letting requests in flight finish) and the store.
 * @example await serve({ port: "0" }, processIo()) // 0 after a signal
 */
export async function serve(options: { port?: string; host?: string }, io: Io): Promise<ExitCode> {
  const port = Number(options.port ?? io.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`cablegram serve: the port must be a whole number from 0 to 65535, not "${options.port ?? io.env.PORT}"`);
    return 2;
  }
  const host = options.host ?? io.env.HOST ?? "localhost";
  // Settings are checked before the store opens: a first start imports for minutes before the app is built.
  let messaging: DispatcherSettings;
  let config: StoreConfig;
  let secureCookies: boolean;
  let trustProxy: boolean;
  let level: ReturnType<typeof logLevelFromEnv>;
  let exportMax: number | undefined;
  let site: SiteSettings | null;
  try {
    site = siteSettingsFromEnv(io.env);
    messaging = dispatcherSettingsFromEnv(io.env);
    config = storeSettingsFromEnv(io.env);
    secureCookies = flagFromEnv(io.env, "CABLEGRAM_SECURE_COOKIES", "session cookies sent over HTTPS only");
    trustProxy = flagFromEnv(io.env, "CABLEGRAM_TRUST_PROXY", "trusting the X-Forwarded-* headers of a proxy");
    level = logLevelFromEnv(io.env);
    exportMax = exportMaxFromEnv(io.env);
  } catch (error) {
    if (!isCablegramError(error)) throw error;
    io.stderr(`cablegram serve: ${error.message} [${error.code}]`);
    return 2;
  }
  const log = createLogger({ pretty: Boolean(process.stdout.isTTY), level });
  const timed = statementTimingsFromEnv(io.env);
  const store = await openStore(timed ? { ...config, timings: timed.timings } : config);
  // Every process on the node (a CLI release too) routes by the plan kept in the database; none on one node.
  await saveSitePlan(store, site?.plan ?? null);
  const deps = { store, clock: systemClock };
  const started = performance.now();
  // Cables an import stored but did not get to index (killed between its two commits, or the index file deleted).
  const repaired = await repairSearchIndex(store, (done, total) => {
    if (done === total || done % 10_000 === 0) log.info({ done, total }, "indexing cables the search index lacks");
  });
  if (repaired > 0) log.info({ repaired }, "the search index has every archived cable again");
  // Imported cables another parser derived: no one may read them until they are derived again, before listening.
  let lastLine = performance.now();
  const rederived = await rederiveArchive(store, {
    onProgress: (done, total) => {
      if (done < total && performance.now() - lastLine < 2000) return;
      lastLine = performance.now();
      log.info({ done, total }, "deriving imported cables again with this parser");
    },
  });
  if (rederived.checked + rederived.failed.length > 0) {
    log.info(
      { parser: rederived.version, checked: rederived.checked, changed: rederived.changed, fields: rederived.fields },
      "imported cables follow this parser",
    );
  }
  for (const f of rederived.failed) log.warn({ cable: f.id, reason: f.reason }, "an imported cable no longer parses");
  // Cables archived before the declassification schedule existed (migration 0027) are scheduled once.
  const scheduled = await scheduleArchivedCables(store, (done, total) => {
    if (done === total || done % 10_000 === 0) log.info({ done, total }, "scheduling declassification reviews");
  });
  if (scheduled > 0) log.info({ scheduled }, "scheduled the archived cables for declassification review");
  // The chain's key (moved out of the database where an older installation kept it there), the trust file, and a
  // link set for the archived cables not chained yet.
  let chain: ChainSetup;
  try {
    chain = await prepareChain(store, (done, total) => {
      if (done === total || done % 10_000 === 0) log.info({ done, total }, "chaining archived cables");
    });
  } catch (error) {
    await store.close();
    if (!isCablegramError(error)) throw error;
    io.stderr(`cablegram serve: ${error.message} [${error.code}]`);
    return 2;
  }
  if (chain.chained > 0) log.info({ chained: chain.chained }, "chained the archived cables no link covered");
  if (chain.defaulted) {
    log.warn(
      { keys: chain.trustFile },
      "no CABLEGRAM_DATA_DIR: the chain signing key and trust file are in this per-user folder",
    );
  }
  if (chain.trustCreated) {
    log.info(
      { fingerprint: chain.fingerprint, trustFile: chain.trustFile },
      "chain signing key pinned in the trust file: keep a copy of it off this machine (cablegram verify --head COPY)",
    );
  }
  // Requests never wait for SQLite to copy its WAL into the database file and for the disk.
  const checkpoints = checkpointInBackground(store);

  let lastProgress = 0;
  const report = await firstStart(deps, {
    importPaths: firstStartImports(io.env),
    adminPassword: io.env.CABLEGRAM_ADMIN_PASSWORD || undefined,
    onAdminCreated: ({ username, password, generated }) =>
      generated
        ? log.warn({ username, password }, "created the admin account; this password is shown once: write it down")
        : log.info({ username }, "created the admin account with the password in CABLEGRAM_ADMIN_PASSWORD"),
    onImportProgress: (p) => {
      if (performance.now() - lastProgress < 2000) return;
      lastProgress = performance.now();
      log.info({ done: p.done, total: p.total, imported: p.imported }, "importing the first archive");
    },
  });
  if (report.firstStart) {
    log.info(
      { directory: report.directory, imported: report.imported?.imported ?? 0, present: report.imported?.present ?? 0 },
      "first start done",
    );
  }
  if (report.campaign.created)
    log.info({ events: report.campaign.events }, "preloaded the Kosovo recognition campaign");

  const webRoot = resolve(ROOT, "web/dist");
  const withWeb = hasWebApp(webRoot);
  if (!withWeb) log.warn({ webRoot }, "the web app is not built (npm run build:web); serving the API only");
  const app = await buildApp({
    store,
    ...(withWeb ? { webRoot } : {}),
    logger: log,
    secureCookies,
    trustProxy,
    messaging,
    ...(exportMax === undefined ? {} : { exportMax }),
    site,
  });
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const url = `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${actualPort}`;
  const where = storeLocation(config);
  log.info(
    {
      url,
      docs: `${url}/api/docs`,
      database: where,
      startupMs: Math.round(performance.now() - started),
      ...(site ? { site: site.plan.here, nats: site.natsUrl } : {}),
    },
    "Cablegram is listening",
  );
  log.info(
    withWeb
      ? `open ${url} in a browser and sign in as admin`
      : `sign in: curl -c cookies -H 'content-type: application/json' -d '{"username":"admin","password":"..."}' ${url}/api/session`,
  );

  await new Promise<void>((resolveSignal) => {
    const stop = (signal: NodeJS.Signals) => {
      log.info({ signal }, "shutting down");
      process.once(signal, () => process.exit(130));
      resolveSignal();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await app.close();
  await checkpoints?.stop();
  await store.close();
  if (timed) {
    timed.write();
    log.info({ file: timed.file }, "wrote the statements' timings");
  }
  log.info("stopped");
  return 0;
}
