/**
 * Scheduler benchmark: a temp SQLite database with 10,000 schedules (daily
 * times spread over the day in a dozen time zones, 5 % paused).
 * - Finding the due schedules per tick (the indexed `next_run_at` query), over
 *   six simulated hours of 30-second ticks, each claiming what it found: p50/p99,
 *   goal ≤ 5 ms. Also the whole tick (find, claim, plan, post to an instant
 *   fake poster, record), without a goal.
 * - Lateness of a due post with the real {@link SchedulerService} timer: time
 *   from a schedule's due instant to its request reaching a fake poster,
 *   goal ≤ 1 s (p99 over 20 schedules due a few hundred ms apart).
 * - A new schedule's first run over a library of 100,000 articles: delivery
 *   rows written (goal: 1, the post; the schedule keeps a stream position,
 *   issue 11) and the run's time.
 */
import { join } from 'node:path';
import { memoryReader, type ArticleReader } from '../src/library/reader';
import type { LibraryArticle } from '../src/library/types';
import { runSchedule, SchedulerService, tick, type ChannelMessage, type Poster, type PostOutcome } from '../src/scheduler';
import { nextRunAfter } from '../src/scheduler/timing';
import { openDatabase, SqliteDeliveryStore, SqliteScheduleStore, type NewSchedule, type Store } from '../src/store';
import { median, percentile } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'scheduler';
const SCHEDULES = 10_000;
const TICK_MS = 30_000;
/** Simulated span: long enough for ~2,500 due runs, short enough to keep `npm run bench` under 3 minutes (each post is an fsync'd SQLite write). */
const SIMULATED_MS = 6 * 3600_000;
const ZONES = ['UTC', 'Asia/Riyadh', 'Europe/Paris', 'America/New_York', 'Pacific/Auckland', 'Asia/Tokyo', 'Africa/Cairo', 'Europe/London', 'America/Los_Angeles', 'Asia/Dubai', 'Australia/Sydney', 'America/Sao_Paulo'];

const fmt = (ms: number): string => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(3));

/** A deterministic pseudo-random generator (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function article(id: string, minute: number): LibraryArticle {
  return {
    id, format: 'txt', meta: {}, mtimeMs: 0, timestamp: Date.UTC(2026, 0, 1) + minute * 60_000,
    briefing: { headline: `Headline ${id}`, language: 'en', direction: 'ltr', sections: [], quotes: [], summary: ['A summary.'] },
  };
}

/** A library of fixed articles (oldest first), read as the scheduler reads it. */
function library(articles: LibraryArticle[]): ArticleReader {
  return memoryReader({ all: () => articles, get: (id: string) => articles.find((a) => a.id === id), newest: () => articles.at(-1) });
}

/** A poster that answers at once and notes when each request arrived. */
class InstantPoster implements Poster {
  readonly arrivals: Array<{ channelId: string; at: number }> = [];
  private next = 1;
  async post(channelId: string, _message: ChannelMessage, _nonce: string): Promise<PostOutcome> {
    this.arrivals.push({ channelId, at: Date.now() });
    return { kind: 'ok', messageId: String(900_000_000_000_000_000n + BigInt(this.next++)) };
  }
}

function openStore(path: string): Store {
  const db = openDatabase(path);
  return { schedules: new SqliteScheduleStore(db), deliveries: new SqliteDeliveryStore(db), close: () => db.close() };
}

/** Fill the database with {@link SCHEDULES} schedules whose first runs fall in the day after `start`. */
function seed(path: string, start: Date): void {
  const db = openDatabase(path);
  const schedules = new SqliteScheduleStore(db);
  const rand = random(42);
  db.transaction(() => {
    for (let i = 0; i < SCHEDULES; i++) {
      const hh = Math.floor(rand() * 24);
      const mm = Math.floor(rand() * 60);
      const timezone = ZONES[i % ZONES.length]!;
      const pattern = `${mm} ${hh} * * *`;
      const s: NewSchedule = {
        guildId: String(100_000_000_000_000_000n + BigInt(i % 500)),
        channelId: String(200_000_000_000_000_000n + BigInt(i)),
        when: `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`,
        pattern, timezone, createdBy: '300000000000000001', createdAt: start.getTime(),
        nextRunAt: nextRunAfter(pattern, timezone, start)!.getTime(),
      };
      const created = schedules.create(s);
      schedules.markPrimed(created.id);
      if (i % 20 === 0) schedules.pause(created.id, 'paused with /schedule pause', start.getTime());
    }
  })();
  db.close();
}

function latencyRow(name: string, times: number[], goalMs: number, what: string): BenchRow {
  const p99 = percentile(times, 99);
  return {
    group: GROUP, name: `${name} p99`, value: p99, unit: 'ms', goal: `≤ ${goalMs} ms`, pass: p99 <= goalMs,
    note: `p50 ${fmt(percentile(times, 50))} ms, max ${fmt(Math.max(...times))} ms over ${times.length} ${what}`,
  };
}

/** Simulate six hours of ticks (a quarter of the schedules fall due); time the due query alone and the whole tick. */
async function dueQuery(path: string, start: Date, ctx: BenchContext): Promise<BenchRow[]> {
  const store = openStore(path);
  const poster = new InstantPoster();
  const deps = { store, library: library([article('a', 1)]), poster, render: (a: LibraryArticle): ChannelMessage => ({ embeds: [{ title: a.briefing.headline }] }) };
  const findTimes: number[] = [];
  const tickTimes: number[] = [];
  let found = 0;
  const ticks = SIMULATED_MS / TICK_MS;
  try {
    for (let i = 1; i <= ticks; i++) {
      const now = new Date(start.getTime() + i * TICK_MS);
      const t0 = performance.now();
      found += store.schedules.due(now.getTime(), 1000).length;
      findTimes.push(performance.now() - t0);
      const t1 = performance.now();
      await tick(now, deps);
      tickTimes.push(performance.now() - t1);
      if (i % 200 === 0) ctx.progress('scheduler ticks', i, ticks);
    }
  } finally {
    store.close();
  }
  return [
    latencyRow(`find due among ${SCHEDULES.toLocaleString('en')} schedules`, findTimes, 5, `ticks (${found} due over six hours)`),
    {
      group: GROUP, name: 'whole tick (claim, plan, post, record) p99', value: percentile(tickTimes, 99), unit: 'ms',
      note: `p50 ${fmt(percentile(tickTimes, 50))} ms, median ${fmt(median(tickTimes))} ms; ${poster.arrivals.length} posts to an instant fake poster`,
    },
  ];
}

/** Real timer: how late does a due post reach the poster? */
async function lateness(path: string): Promise<BenchRow> {
  const store = openStore(path);
  const poster = new InstantPoster();
  const dueAt = new Map<string, number>();
  const base = Date.now() + 500;
  for (let i = 0; i < 20; i++) {
    const channelId = String(210_000_000_000_000_000n + BigInt(i));
    const at = base + i * 150;
    dueAt.set(channelId, at);
    store.schedules.create({ guildId: '100000000000000001', channelId, when: '00:00', pattern: '0 0 * * *', timezone: 'UTC', createdBy: '300000000000000001', createdAt: Date.now(), nextRunAt: at });
  }
  const service = new SchedulerService({ store, library: library([article('x', 1)]), poster, render: () => ({ embeds: [{ title: 'x' }] }) });
  await service.start();
  const deadline = Date.now() + 15_000;
  const arrived = (): number => poster.arrivals.filter((a) => dueAt.has(a.channelId)).length;
  while (arrived() < dueAt.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await service.stop();
  store.close();
  const times = poster.arrivals.filter((a) => dueAt.has(a.channelId)).map((a) => a.at - dueAt.get(a.channelId)!);
  if (times.length < dueAt.size) times.push(...Array.from({ length: dueAt.size - times.length }, () => 15_000));
  return latencyRow('due post lateness (timer → poster)', times, 1000, 'schedules due 150 ms apart');
}

/** Articles in the library of {@link firstRunOverLargeLibrary}. */
const LARGE_LIBRARY = 100_000;

/** A new schedule's first run over a large library: it stores a position, and writes a row only for the one post. */
async function firstRunOverLargeLibrary(path: string): Promise<BenchRow[]> {
  const store = openStore(path);
  const articles = Array.from({ length: LARGE_LIBRARY }, (_, i) => article(`large-${String(i).padStart(6, '0')}`, i));
  const channelId = '220000000000000001';
  try {
    const created = store.schedules.create({ guildId: '100000000000000001', channelId, when: '08:00', pattern: '0 8 * * *', timezone: 'UTC', createdBy: '300000000000000001', createdAt: 0, nextRunAt: 0 });
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await runSchedule(created, { store, library: library(articles), poster: new InstantPoster(), render: (a) => ({ embeds: [{ title: a.briefing.headline }] }) }, Date.now());
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const written = store.deliveries.statusesForChannel(channelId).size;
    return [{
      group: GROUP, name: `new schedule's first run over ${LARGE_LIBRARY.toLocaleString('en')} articles: delivery rows written`, value: written, unit: 'rows', goal: '1 (the post)', pass: written === 1,
      note: `${fmt(ms)} ms wall, ${fmt(cpuMs)} ms CPU for the run (plan, post, record)`,
    }];
  } finally {
    store.close();
  }
}

/** Run the scheduler benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const path = join(ctx.tmpDir, 'scheduler', 'bench.db');
  // An hour ahead, on the minute: after the simulated hours every next run is still in the future for the real-timer part.
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3600_000);
  seed(path, start);
  const rows = await dueQuery(path, start, ctx);
  rows.push(await lateness(path));
  rows.push(...await firstRunOverLargeLibrary(path));
  return rows;
}
