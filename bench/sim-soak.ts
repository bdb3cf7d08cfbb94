/**
 * `npm run sim -- --soak <minutes>`: scheduler workers at a steady load for
 * an hour or more, to see whether a worker's memory stays flat (issue 11:
 * "per-worker RSS flat over the run"; the full sim's drain lasts minutes).
 * {@link SOAK_WORKERS} real workers (bench/sim-worker.ts) post to the fake
 * Discord; every second {@link SOAK_RATE} schedules are made due, round the
 * {@link SOAK_CHANNELS} channels, and the workers' library brings a new
 * article every minute, so each due channel is owed one post. No kills: a
 * worker lives the whole run. Each worker reports its RSS and V8 heap in use
 * after a full GC; the rows give the first (after warm-up), last and highest
 * figures and the least-squares slope in MB per hour.
 */
import type pg from 'pg';
import type { LibraryArticle } from '../src/library/types';
import type { AsyncStore } from '../src/store/types';
import { startSimDiscord } from './sim-discord';
import { SimFleet, type WorkerRecord } from './sim-fleet';
import type { BenchRow } from './types';

const GROUP = 'sim soak';
/** Workers of the soak (the full sim runs 4; two keep the loaded machine's share modest). */
export const SOAK_WORKERS = 2;
/** Schedules made due each second, all workers together. */
export const SOAK_RATE = 4;
/** Channels the due schedules cycle through: each is due again after SOAK_CHANNELS / SOAK_RATE s (150 s), always with a newer article. */
export const SOAK_CHANNELS = 600;
/** A new article every minute. */
const ARTICLE_PERIOD_MS = 60_000;
/** Requests per second each worker may make (well above its share of SOAK_RATE: the load, not the pacer, sets the rate). */
const WORKER_PER_SECOND = 10;

const log = (line: string): void => void process.stderr.write(`sim soak: ${line}\n`);

/** One worker's memory over the soak, bytes and MB per hour. */
export interface MemoryTrend {
  first: number;
  last: number;
  max: number;
  /** Least-squares slope, MB (10^6 bytes) per hour. */
  mbPerHour: number;
  samples: number;
}

/**
 * The trend of `samples` (`at` epoch ms, `value` bytes): first, last, highest
 * and the least-squares slope in MB per hour. NaN slope with fewer than two
 * samples or no time between them.
 */
export function memoryTrend(samples: ReadonlyArray<{ at: number; value: number }>): MemoryTrend {
  const n = samples.length;
  const values = samples.map((s) => s.value);
  const meanAt = samples.reduce((sum, s) => sum + s.at, 0) / n;
  const meanValue = values.reduce((sum, v) => sum + v, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const s of samples) {
    covariance += (s.at - meanAt) * (s.value - meanValue);
    variance += (s.at - meanAt) ** 2;
  }
  const bytesPerMs = n >= 2 && variance > 0 ? covariance / variance : Number.NaN;
  return { first: values[0] ?? Number.NaN, last: values.at(-1) ?? Number.NaN, max: n ? Math.max(...values) : Number.NaN, mbPerHour: (bytesPerMs * 3_600_000) / 1e6, samples: n };
}

/** A worker's samples of `of` taken at least `warmupMs` after it started. */
function settledSamples(record: WorkerRecord, warmupMs: number, of: 'rss' | 'heap'): Array<{ at: number; value: number }> {
  return record.rss.filter((s) => s.at - record.startedAt >= warmupMs).map((s) => ({ at: s.at, value: s[of] }));
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

function describe(trend: MemoryTrend): string {
  return `${mb(trend.first)} → ${mb(trend.last)} MB (max ${mb(trend.max)}), ${trend.mbPerHour >= 0 ? '+' : ''}${trend.mbPerHour.toFixed(1)} MB/h over ${trend.samples} samples`;
}

/** Make `count` schedules due now, continuing round the channels from `cursor`; returns the next cursor. */
async function makeDue(client: pg.Client, cursor: number, count: number): Promise<number> {
  const ids = Array.from({ length: count }, (_, k) => 1 + ((cursor + k) % SOAK_CHANNELS));
  await client.query('UPDATE schedules SET next_run_at = $1 WHERE id = ANY($2::int[])', [Date.now(), ids]);
  return (cursor + count) % SOAK_CHANNELS;
}

function logLatest(records: readonly WorkerRecord[], started: number): void {
  const minute = ((Date.now() - started) / 60_000).toFixed(1);
  const latest = records.map((r) => r.rss.at(-1)).map((s, i) => (s ? `w${i} rss ${mb(s.rss)} heap ${mb(s.heap)}` : `w${i} —`));
  log(`${minute} min: ${latest.join('; ')}`);
}

/**
 * Run the soak for `minutes` on the seeded database at `url` (schedules 1 …
 * {@link SOAK_CHANNELS} primed and not due) and return its rows.
 */
export async function soakRows(url: string, client: pg.Client, store: AsyncStore, minutes: number, article: LibraryArticle): Promise<BenchRow[]> {
  const runMs = minutes * 60_000;
  // A sample each minute (each tenth of a shorter run); warm-up (connections, JIT) a tenth of the run, at most 5 minutes.
  const sampleMs = Math.min(60_000, Math.max(1000, runMs / 10));
  const warmupMs = Math.min(5 * 60_000, runMs / 10);
  const discord = await startSimDiscord();
  const fleet = new SimFleet({ databaseUrl: url, apiUrl: discord.apiUrl, perSecond: WORKER_PER_SECOND, article, leaseSeconds: 60, sampleMs, rotateArticleMs: ARTICLE_PERIOD_MS });
  let driver: NodeJS.Timeout | undefined;
  let reporter: NodeJS.Timeout | undefined;
  const started = Date.now();
  try {
    for (let i = 0; i < SOAK_WORKERS; i++) fleet.start();
    while (fleet.records.some((r) => r.readyAt === undefined && r.endedAt === undefined)) await new Promise((resolve) => setTimeout(resolve, 200));
    log(`${SOAK_WORKERS} workers up; ${SOAK_RATE} schedules due a second for ${minutes} min, memory sampled every ${sampleMs / 1000} s`);
    let cursor = 0;
    let busy = false;
    driver = setInterval(() => {
      if (busy) return;
      busy = true;
      void makeDue(client, cursor, SOAK_RATE).then((next) => (cursor = next)).then(() => store.announceChange?.())
        .catch((error: unknown) => log(`could not make schedules due: ${String(error)}`)).finally(() => (busy = false));
    }, 1000);
    reporter = setInterval(() => logLatest(fleet.records, started), sampleMs);
    await new Promise((resolve) => setTimeout(resolve, runMs));
  } finally {
    clearInterval(driver);
    clearInterval(reporter);
    await fleet.stopAll();
    await discord.close();
  }
  return rowsOf(fleet.records, discord.counts.createdAt.length, [...discord.counts.created.values()].reduce((sum, n) => sum + n - 1, 0), { minutes, warmupMs });
}

function rowsOf(records: readonly WorkerRecord[], posts: number, duplicates: number, run: { minutes: number; warmupMs: number }): BenchRow[] {
  const failed = records.filter((r) => r.endedAt !== undefined && !r.killed && r.stderr.trim());
  if (failed.length) log(`worker errors: ${failed.map((r) => r.stderr.trim().split('\n').pop()).join(' | ')}`);
  const rss = records.map((r) => memoryTrend(settledSamples(r, run.warmupMs, 'rss')));
  const heap = records.map((r) => memoryTrend(settledSamples(r, run.warmupMs, 'heap')));
  const worst = (trends: MemoryTrend[]): MemoryTrend => trends.reduce((a, b) => (b.mbPerHour > a.mbPerHour ? b : a));
  const worstRss = worst(rss);
  // Flat: the fitted line climbs less than 10 % of the worker's first settled RSS in an hour.
  const flat = Number.isFinite(worstRss.mbPerHour) ? worstRss.mbPerHour * 1e6 <= 0.1 * worstRss.first : undefined;
  const expected = SOAK_RATE * run.minutes * 60;
  const cpuMs = records.reduce((sum, r) => sum + r.cpuMs, 0);
  const warm = `from ${(run.warmupMs / 60_000).toFixed(1)} min after start`;
  return [
    { group: GROUP, name: `posts in ${run.minutes} min`, value: posts, unit: '', note: `${SOAK_WORKERS} workers, ${SOAK_RATE} schedules due a second (${expected.toLocaleString('en')} runs), a new article a minute` },
    { group: GROUP, name: 'duplicate posts', value: duplicates, unit: '', goal: '= 0', pass: duplicates === 0 },
    { group: GROUP, name: 'worker RSS slope (worst)', value: worstRss.mbPerHour, unit: 'MB/h', goal: 'flat (≤ 10 % of RSS an hour)', pass: flat, note: `each sample after a full GC, ${warm}: ${rss.map((t, i) => `w${i} ${describe(t)}`).join('; ')}` },
    { group: GROUP, name: 'worker heap slope (worst)', value: worst(heap).mbPerHour, unit: 'MB/h', note: `V8 heap in use after a full GC: ${heap.map((t, i) => `w${i} ${describe(t)}`).join('; ')}` },
    { group: GROUP, name: 'worker CPU per post', value: cpuMs / Math.max(1, posts), unit: 'ms', note: `${(cpuMs / 1000).toFixed(1)} s CPU in all workers` },
  ];
}
