/**
 * `npm run sim [-- --quick | --soak <minutes>]`: Briefing past one machine, simulated on
 * loopback. Starts a throwaway Postgres cluster (skips with one line without
 * one), fills it (100,000 schedules, 1,000,000 deliveries, 100,000 feed
 * articles), then:
 * - times the scheduler's claim (`claimDue` + `claimRuns`) on that database;
 * - makes 10,000 channels due at once and lets 4 scheduler workers (child
 *   processes running the real scheduler, each at 50 × 0.24 requests/s) drain them
 *   into a fake Discord that counts messages per (channel, article), while a
 *   random worker is SIGKILLed (and replaced) every 30 s;
 * - samples each worker's RSS;
 * - times `/quote` on 1,000,000 quotes in Postgres (bench/search.ts's run).
 * `--quick`: a tenth of the sizes, a kill every 8 s. `--soak <minutes>`:
 * instead, workers at a steady load that long, their memory's trend (bench/sim-soak.ts). Prints a table like
 * `npm run bench`; the figures go to BENCHMARKS.md beside their goals.
 */
import pg from 'pg';
import type { LibraryArticle } from '../src/library/types';
import { createPostgresStore } from '../src/store/postgres';
import { startPostgres } from '../tests/support/postgres';
import { tmpdir } from 'node:os';
import { formatMachine, machineInfo } from './machine';
import { random } from './scheduler';
import { run as runSearchBench } from './search';
import { sharedDir } from './shared-data';
import { startSimDiscord, type SimDiscordCounts } from './sim-discord';
import { readySeconds, rssGrowthPercent, SimFleet } from './sim-fleet';
import { seed, startSpike, timeClaims, type SimSizes } from './sim-seed';
import { SOAK_CHANNELS, soakRows } from './sim-soak';
import { mean, percentile } from './stats';
import { formatTable, formatVerdict } from './table';
import type { BenchRow } from './types';

const GROUP = 'sim';
const WORKERS = 4;
const DISCORD_RATE = 50;
/** Each worker's DISCORD_RATE_SHARE: a little under 1/4, as the README advises, so the 4 together stay under 50 in every second. */
const SHARE = 0.24;
const TOTAL_RATE = DISCORD_RATE * SHARE * WORKERS;

interface SimPlan {
  sizes: SimSizes;
  killEveryMs: number;
  /** Longest the drain may take before the sim stops it. */
  drainCapMs: number;
  /** A worker must have lived this long for its RSS growth to count. */
  rssMinLifeMs: number;
  /** WORKER_LEASE_SECONDS of the workers: a killed worker's posts are adopted within this and a third. */
  leaseSeconds: number;
}

const FULL: SimPlan = { sizes: { schedules: 100_000, deliveries: 1_000_000, articles: 100_000, spike: 10_000 }, killEveryMs: 30_000, drainCapMs: 290_000, rssMinLifeMs: 60_000, leaseSeconds: 60 };
const QUICK: SimPlan = { sizes: { schedules: 10_000, deliveries: 100_000, articles: 10_000, spike: 1_000 }, killEveryMs: 8_000, drainCapMs: 60_000, rssMinLifeMs: 15_000, leaseSeconds: 15 };

const SPIKE_ARTICLE: LibraryArticle = {
  id: 'sim-spike', format: 'txt', meta: {}, mtimeMs: 0, timestamp: Date.UTC(2026, 0, 1),
  briefing: { headline: 'وزير الخارجية: المحادثات مستمرة', language: 'ar', direction: 'rtl', sections: [], quotes: [], summary: ['قال الوزير إن المحادثات ستستمر.'] },
};

const log = (line: string): void => void process.stderr.write(`sim: ${line}\n`);

/** Most posts created within any one second (sliding window). */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= 1000) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/**
 * Wait until every spike channel has its post, or no post came for `idleMs`
 * (longer than a lease and a third: a killed worker's posts are adopted by
 * then), or the cap plus that (kills stop at the cap, then the drain waits for the adoptions).
 */
async function drain(counts: SimDiscordCounts, spike: number, capMs: number, idleMs: number): Promise<void> {
  const started = Date.now();
  let last = 0;
  let lastChange = started;
  while (counts.created.size < spike && Date.now() - started < capMs + idleMs && Date.now() - lastChange < idleMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (counts.created.size !== last) {
      last = counts.created.size;
      lastChange = Date.now();
    }
  }
}

async function spikeRows(url: string, client: pg.Client, store: Awaited<ReturnType<typeof createPostgresStore>>, plan: SimPlan): Promise<BenchRow[]> {
  const { spike } = plan.sizes;
  const discord = await startSimDiscord();
  const fleet = new SimFleet({ databaseUrl: url, apiUrl: discord.apiUrl, perSecond: DISCORD_RATE * SHARE, article: SPIKE_ARTICLE, leaseSeconds: plan.leaseSeconds });
  const rand = random(7);
  let kills = 0;
  let killer: NodeJS.Timeout | undefined;
  try {
    for (let i = 0; i < WORKERS; i++) fleet.start();
    while (fleet.records.some((r) => r.rss.length === 0 && r.endedAt === undefined)) await new Promise((resolve) => setTimeout(resolve, 200));
    log(`${WORKERS} workers up; ${spike} channels due now`);
    const spikeAt = Date.now();
    await startSpike(client, spike, spikeAt);
    await store.announceChange?.();
    const killsEnd = Date.now() + plan.drainCapMs;
    killer = setInterval(() => {
      if (Date.now() > killsEnd) return clearInterval(killer);
      kills++;
      fleet.killOne(rand());
    }, plan.killEveryMs);
    await drain(discord.counts, spike, plan.drainCapMs, plan.leaseSeconds * 1500 + 10_000);
  } finally {
    clearInterval(killer);
    await fleet.stopAll();
    await discord.close();
  }
  const { counts } = discord;
  const duplicates = [...counts.created.values()].reduce((sum, n) => sum + n - 1, 0);
  const times = [...counts.createdAt].sort((a, b) => a - b);
  const drainSeconds = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : Number.NaN;
  // The rate of the bulk (5th to 95th percentile of post times): the tail is the few posts re-sent after a worker's lease ran out.
  const bulk = times.length >= 20 ? (0.9 * times.length) / ((percentile(times, 95) - percentile(times, 5)) / 1000) : Number.NaN;
  const rows = await client.query<{ status: string; n: string }>("SELECT status, count(*) AS n FROM deliveries WHERE article_id = $1 GROUP BY status", [SPIKE_ARTICLE.id]);
  const replacements = fleet.records.slice(WORKERS).filter((r) => r.readyAt !== undefined).map((r) => (r.readyAt! - r.startedAt) / 1000);
  const readyShare = times.length > 1 ? readySeconds(fleet.records, times[0]!, times.at(-1)!) / (WORKERS * drainSeconds) : Number.NaN;
  const killNote = `replacements ready in ${replacements.length ? percentile(replacements, 50).toFixed(1) : '—'} s (median): workers up ${(readyShare * 100).toFixed(0)} % of the drain, so at most ${(TOTAL_RATE * readyShare).toFixed(1)}/s`;
  const statuses = rows.rows.map((r) => `${r.status} ${r.n}`).join(', ');
  const lived = fleet.records.filter((r) => (r.endedAt ?? Date.now()) - r.startedAt >= plan.rssMinLifeMs);
  const growths = lived.map((r) => rssGrowthPercent(r, 10_000)).filter(Number.isFinite);
  const heapGrowths = lived.map((r) => rssGrowthPercent(r, 10_000, 'heap')).filter(Number.isFinite);
  const peakRss = Math.max(...fleet.records.flatMap((r) => r.rss.map((s) => s.rss)));
  const workerCpuMs = fleet.records.reduce((sum, r) => sum + r.cpuMs, 0);
  const failed = fleet.records.filter((r) => !r.killed && r.stderr.trim()).map((r) => r.stderr.trim().split('\n').pop());
  if (failed.length) log(`worker errors: ${failed.join(' | ')}`);
  const drained = counts.created.size;
  return [
    { group: GROUP, name: `spike: channels drained of ${spike.toLocaleString('en')}`, value: drained, unit: '', goal: `= ${spike.toLocaleString('en')}`, pass: drained === spike, note: `deliveries after: ${statuses}` },
    { group: GROUP, name: 'spike: duplicate posts', value: duplicates, unit: '', goal: '= 0', pass: duplicates === 0, note: `${counts.folded} re-sends folded by their nonce` },
    { group: GROUP, name: 'spike: drain rate (5–95 % of posts)', value: bulk, unit: '/s', goal: `≥ ${TOTAL_RATE * 0.9}/s`, pass: bulk >= TOTAL_RATE * 0.9, note: `${WORKERS} workers × ${DISCORD_RATE} × ${SHARE} = ${TOTAL_RATE}/s; all ${times.length} posts in ${drainSeconds.toFixed(0)} s (${((times.length - 1) / drainSeconds).toFixed(1)}/s)` },
    { group: GROUP, name: 'spike: busiest second', value: busiestSecond(times), unit: 'posts', goal: `≤ ${DISCORD_RATE + 2}`, pass: busiestSecond(times) <= DISCORD_RATE + 2, note: `${counts.rateLimited} global 429s from the fake (50 in any second)` },
    { group: GROUP, name: 'spike: workers killed', value: kills, unit: '', note: `SIGKILL every ${plan.killEveryMs / 1000} s for at most ${plan.drainCapMs / 1000} s, replaced at once; worker lease ${plan.leaseSeconds} s; ${killNote}` },
    { group: GROUP, name: 'worker RSS growth (worst)', value: growths.length ? Math.max(...growths) : Number.NaN, unit: '%', goal: 'flat (≤ 10 %)', pass: growths.length ? Math.max(...growths) <= 10 : undefined, note: `${growths.length} workers that lived ≥ ${plan.rssMinLifeMs / 1000} s, from 10 s after start, each sample after a full GC; peak ${(peakRss / 1e6).toFixed(0)} MB` },
    { group: GROUP, name: 'worker heap growth (worst)', value: heapGrowths.length ? Math.max(...heapGrowths) : Number.NaN, unit: '%', note: 'V8 heap in use after a full GC (retained, not garbage awaiting collection), same workers and span' },
    { group: GROUP, name: 'worker CPU per post', value: workerCpuMs / Math.max(1, times.length), unit: 'ms', note: `${(workerCpuMs / 1000).toFixed(1)} s CPU in all workers` },
  ];
}

/**
 * `/quote` p99 on a million quotes in Postgres: bench/search.ts's run (its
 * own cluster, corpus, load and queries), its p99 row in this table. With
 * `--quick`, a row citing that bench instead (about a minute more).
 */
async function quoteRow(plan: SimPlan): Promise<BenchRow> {
  const name = '/quote p99 on 1M quotes in Postgres';
  if (plan === QUICK) return { group: GROUP, name, value: Number.NaN, unit: 'ms', goal: '≤ 50 ms', note: 'not with --quick: npm run sim, or npm run bench -- --only search' };
  log('search: loading 1,000,000 quotes (bench/search.ts)');
  const [p99] = await runSearchBench({ sharedDir: sharedDir(), tmpDir: tmpdir(), progress: () => undefined });
  return { ...p99!, group: GROUP, name, note: `bench/search.ts (npm run bench -- --only search): ${p99!.name}; ${p99!.note ?? ''}` };
}

const USAGE = 'usage: npm run sim -- [--quick | --soak <minutes>]';

/** The run the arguments ask for, or a one-line error. */
function parseSimArgs(args: readonly string[]): { plan: SimPlan; soakMinutes?: number } | { error: string } {
  const soakAt = args.indexOf('--soak');
  const soakMinutes = soakAt >= 0 ? Number(args[soakAt + 1]) : undefined;
  if (soakMinutes !== undefined && !(soakMinutes > 0 && soakMinutes <= 24 * 60)) return { error: `--soak takes minutes (more than 0, at most 1440), got ${args[soakAt + 1] ?? 'nothing'}` };
  const unknown = args.filter((a, i) => a !== '--quick' && !(soakAt >= 0 && (i === soakAt || i === soakAt + 1)));
  if (unknown.length) return { error: `unknown argument ${unknown[0]}` };
  return { plan: args.includes('--quick') ? QUICK : FULL, ...(soakMinutes !== undefined ? { soakMinutes } : {}) };
}

/** The full sim's rows: claims on the seeded database, then the spike. */
async function simRows(url: string, client: pg.Client, store: Awaited<ReturnType<typeof createPostgresStore>>, plan: SimPlan): Promise<BenchRow[]> {
  const base = Date.now();
  const seeding = performance.now();
  await seed(client, plan.sizes, base);
  const { schedules, deliveries, articles } = plan.sizes;
  log(`seeded ${schedules} schedules, ${deliveries} deliveries, ${articles} articles in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const claims = await timeClaims(store, base, 100);
  const size = `${schedules.toLocaleString('en')} schedules, ${deliveries.toLocaleString('en')} deliveries, ${articles.toLocaleString('en')} articles`;
  return [
    { group: GROUP, name: 'claim p50', value: percentile(claims.ms, 50), unit: 'ms', goal: '≤ 10 ms', pass: percentile(claims.ms, 50) <= 10, note: `claimDue + claimRuns, ${mean(claims.taken).toFixed(0)} schedules a claim; ${size}` },
    { group: GROUP, name: 'claim p99', value: percentile(claims.ms, 99), unit: 'ms' },
    ...(await spikeRows(url, client, store, plan)),
  ];
}

/** The soak's rows: a small database (its schedules not due until the soak makes them so), then {@link soakRows}. */
async function soakSimRows(url: string, client: pg.Client, store: Awaited<ReturnType<typeof createPostgresStore>>, minutes: number): Promise<BenchRow[]> {
  await seed(client, { schedules: SOAK_CHANNELS, deliveries: 10_000, articles: 1_000, spike: SOAK_CHANNELS }, Date.now());
  return soakRows(url, client, store, minutes, SPIKE_ARTICLE);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseSimArgs(args);
  if ('error' in parsed) {
    console.error(`sim: ${parsed.error}; ${USAGE}`);
    return 2;
  }
  const { plan, soakMinutes } = parsed;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const cluster = await startPostgres();
  if (!cluster) {
    console.log('sim: skipped: no Postgres server binaries (initdb, pg_ctl) found; install postgresql or set PG_BINDIR');
    return 0;
  }
  const rows: BenchRow[] = [];
  try {
    const url = await cluster.createDatabase('sim');
    const store = await createPostgresStore(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      rows.push(...(soakMinutes ? await soakSimRows(url, client, store, soakMinutes) : await simRows(url, client, store, plan)));
    } finally {
      await client.end();
      await store.close();
    }
  } finally {
    await cluster.stop();
  }
  if (!soakMinutes) rows.push(await quoteRow(plan));
  const used = process.cpuUsage(cpu);
  const title = soakMinutes ? `Simulation (--soak ${soakMinutes})` : `Simulation${plan === QUICK ? ' (--quick)' : ''}`;
  console.log(`${title} — ${formatMachine(machineInfo())}\n`);
  console.log(formatTable(rows));
  console.log(`\n${formatVerdict(rows)}. Wall ${((performance.now() - wall) / 1000).toFixed(0)} s; this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
