// bench:campaigns: the campaign tallies a map page asks for, through the service as the API calls it (the campaign's
// revision read, its summary kept while that stands; the question's events read through the access rule in SQL and
// kept indexed per reader's access while the campaign's revision stands; then core's tally). 200 countries, 20
// questions, 20,000 position events (a fifth of them classified, so the access rule hides some), every bloc and the
// world, at 1,000 dates: p50/p95 per tally and CPU per tally, on SQLite and PostgreSQL; the cold tally (events read
// and indexed for the request, as with no cache) is measured apart; and the map's data for one date.
//
//   npm run bench:campaigns [-- --dates 1000]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { BLOCS, blocMembers, tally, type Classification } from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import type { Reader } from "../src/services/access/reader.ts";
import { campaignSummary, createCampaign, tallyCampaign, tallyEvents, WORLD } from "../src/services/campaigns/index.ts";
import { writeEvent } from "../src/services/campaigns/write-event.ts";
import { fixedClock } from "../src/services/clock.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { percentiles } from "./latency.ts";
import { describeMachine, loadLine } from "./machine.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const QUESTIONS = 20;
const EVENTS = 20_000;
const COLD_SAMPLES = 200;
const dateCount = Number(process.argv[process.argv.indexOf("--dates") + 1] ?? 1000) || 1000;

const reader: Reader = {
  userId: "bench",
  clearance: "CONFIDENTIAL",
  accesses: [],
  lists: [],
  offices: [],
  post: "STATE",
};

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function day(start: number, offset: number): string {
  return new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
}

async function benchStore(dialect: Dialect): Promise<{ store: Store; cleanup(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "cablegram-bench-campaigns-"));
    const store = await openStore({ dialect, file: join(dir, "cablegram.db") });
    return { store, cleanup: async () => (await store.close(), rmSync(dir, { recursive: true })) };
  }
  const schema = `bench_campaigns_${process.pid}`;
  const keys = mkdtempSync(join(tmpdir(), "cablegram-bench-campaigns-keys-"));
  const store = await openStore({ dialect, url: PG_URL, schema, keys: { dir: keys } });
  const cleanup = async () => {
    await store.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
    rmSync(keys, { recursive: true });
  };
  return { store, cleanup };
}

async function run(dialect: Dialect): Promise<void> {
  const { store, cleanup } = await benchStore(dialect);
  try {
    const clock = fixedClock("2025-01-01T00:00:00Z");
    const deps = { store, clock };
    const questions = Array.from({ length: QUESTIONS }, (_, i) => ({ id: `q${i + 1}`, title: `Question ${i + 1}` }));
    const campaign = await createCampaign(deps, SYSTEM_ACTING, { name: "Bench", startsOn: "2008-01-01", questions });
    // 200 countries: the UN's members today and seven that are not.
    const countries = [...blocMembers("UN", "2025-01-01"), "XK", "TW", "PS", "VA", "EH", "CK", "NU"].slice(0, 200);
    const next = random(16);
    const start = Date.parse("2008-01-01");
    const positions = ["supports", "leaning_for", "undecided", "leaning_against", "opposes"];
    const levels: Classification[] = ["UNCLASSIFIED", "UNCLASSIFIED", "UNCLASSIFIED", "UNCLASSIFIED", "CONFIDENTIAL"];
    const loadStart = performance.now();
    await store.transaction(async (tx) => {
      for (let i = 0; i < EVENTS; i++) {
        const effective = day(start, Math.floor(next() * 6200));
        const secret = next() < 0.05;
        await writeEvent(
          tx,
          campaign.id,
          {
            id: `e${i}`,
            questionId: `q${(i % QUESTIONS) + 1}`,
            country: countries[Math.floor(next() * countries.length)]!,
            position: positions[Math.floor(next() * positions.length)]!,
            effectiveOn: effective,
            recordedOn: effective,
            confidence: "reported",
            sources: [{ kind: "text", text: "bench" }],
            note: null,
            recordedBy: "bench",
            classification: secret ? "SECRET" : levels[Math.floor(next() * levels.length)]!,
            caveats: secret && next() < 0.5 ? ["NOFORN"] : [],
            supersedes: null,
          },
          { captioned: false, grants: [] },
          clock.now(),
        );
      }
    });
    const loadMs = performance.now() - loadStart;
    const scopes = [WORLD, ...BLOCS.map((b) => b.code)];
    const dates = Array.from({ length: dateCount }, (_, i) => day(start, Math.floor((i * 6200) / dateCount)));

    // Cold: the question's events read through the access rule and indexed for the one tally, as with no cache.
    const cold: number[] = [];
    const full = await campaignSummary(store, campaign.id);
    for (let i = 0; i < COLD_SAMPLES; i++) {
      const question = full.questions[i % QUESTIONS]!;
      const t0 = performance.now();
      const events = await tallyEvents(store, reader, campaign.id, question.id);
      tally({ world: true, events, question, asOf: dates[i % dates.length]! });
      cold.push(performance.now() - t0);
    }

    // Warm: every tally (question x scope) at every date, through the service.
    const samples: number[] = [];
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    for (const asOf of dates) {
      for (const q of questions) {
        for (const bloc of scopes) {
          const t0 = performance.now();
          await tallyCampaign(deps, reader, { campaignId: campaign.id, question: q.id, bloc, asOf });
          samples.push(performance.now() - t0);
        }
      }
    }
    const wall = performance.now() - wall0;
    const cpu = process.cpuUsage(cpu0);
    const warm = percentiles(samples);
    const coldP = percentiles(cold);
    const cpuPerTally = (cpu.user + cpu.system) / 1000 / samples.length;
    console.log(`\n${dialect}: ${EVENTS} events loaded in ${(loadMs / 1000).toFixed(1)} s`);
    console.log(
      `  ${samples.length} tallies (${QUESTIONS} questions x ${scopes.length} scopes x ${dates.length} dates) in ${(wall / 1000).toFixed(1)} s`,
    );
    console.log(
      `  per tally (service, cached index): p50 ${warm.p50.toFixed(3)} ms, p95 ${warm.p95.toFixed(3)} ms, p99 ${warm.p99.toFixed(3)} ms, max ${warm.max.toFixed(1)} ms; CPU ${cpuPerTally.toFixed(3)} ms`,
    );
    console.log(
      `  per tally (cold: events read and indexed per request, ${COLD_SAMPLES} samples): p50 ${coldP.p50.toFixed(2)} ms, p95 ${coldP.p95.toFixed(2)} ms`,
    );
    console.log(
      `  target p95 <= 5 ms per tally: ${warm.p95 <= 5 ? "met" : "NOT met"}; load after the tallies ${loadLine()}`,
    );
    if (dialect === "sqlite") {
      const map = await tallyCampaign(deps, reader, { campaignId: campaign.id, question: "q1", asOf: "2016-06-30" });
      console.log(`\n  map data, q1, world, as of 2016-06-30 (country: position):`);
      const line = map.counts.map((c) => `${c.position} ${c.count}: ${c.countries.join(" ")}`);
      for (const l of line) console.log(`    ${l}`);
      console.log(`    unknown ${map.unknown.length}: ${map.unknown.join(" ")}`);
    }
  } finally {
    await cleanup();
  }
}

console.log(`bench:campaigns on ${describeMachine()}; load ${loadLine()}`);
for (const dialect of ["sqlite", "postgres"] as const) await run(dialect);
