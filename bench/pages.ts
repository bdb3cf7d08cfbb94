/**
 * `/quote` pages in the store (issue 11: web replicas stateless). Each
 * `/quote` keeps its search (`put`) and each Previous/Next looks it up
 * (`get`). SQLite's calls run on the bot's event loop (better-sqlite3 is
 * synchronous), so their wall time is time nothing else runs: the goal. Also
 * the old in-memory `Map` for reference (why no in-memory fast path is kept),
 * and Postgres on loopback where it is installed. A click then runs the search
 * again: see the library group's quote-search rows and the search group's
 * `/quote` row for that part.
 */
import { join } from 'node:path';
import { createSqliteStore, type QuoteSearch } from '../src/store';
import { createPostgresStore } from '../src/store/postgres';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres } from '../tests/support/postgres';
import { percentile } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'pages';
/** Searches kept, 100 ms apart: they span 16.7 minutes, so the later puts also prune expired rows as the bot's do. */
const SEARCHES = 10_000;
const POSTGRES_SEARCHES = 2_000;
/**
 * Goal on the median: a commit that waits for the disk (fsync) shows in every call (2.4 ms with synchronous = FULL on
 * the test machine), while the p99 of a 2-core machine at load 30 is the scheduler's preemption, not the store.
 */
const GOAL_PUT_P50_MS = 0.5;
const GUILD = '1100000000000000010';

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const searchOf = (i: number): QuoteSearch => ({ query: ['الترام', 'bridge', 'pont'][i % 3]!, speaker: i % 5 === 0 ? 'Mary Jones' : null, articleId: null, guildId: GUILD, userId: '300000000000000003', language: ['ar', 'en', 'fr'][i % 3]! });

/** Put `n` searches, then get each once (in a shuffled order); wall times of each call and CPU per call. */
async function time(n: number, put: (s: QuoteSearch, now: number) => string | Promise<string>, get: (token: string, now: number) => unknown): Promise<{ puts: number[]; gets: number[]; putCpu: number; getCpu: number }> {
  const puts: number[] = [];
  const gets: number[] = [];
  const tokens: string[] = [];
  let cpu = cpuMs();
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    tokens.push(await put(searchOf(i), 1_000_000 + i * 100));
    puts.push(performance.now() - start);
  }
  const putCpu = (cpuMs() - cpu) / n;
  cpu = cpuMs();
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await get(tokens[(i * 7919) % n]!, 1_000_000 + n * 100);
    gets.push(performance.now() - start);
  }
  return { puts, gets, putCpu, getCpu: (cpuMs() - cpu) / n };
}

function rows(label: string, t: Awaited<ReturnType<typeof time>>, goal: boolean): BenchRow[] {
  const p = (xs: number[], q: number): number => Math.round(percentile(xs, q) * 1000) / 1000;
  const putP50 = p(t.puts, 50);
  return [
    { group: GROUP, name: `${label}: keep a search (put) p50`, value: putP50, unit: 'ms', ...(goal ? { goal: `≤ ${GOAL_PUT_P50_MS} ms`, pass: putP50 <= GOAL_PUT_P50_MS } : {}), note: `p99 ${p(t.puts, 99)} ms, CPU ${t.putCpu.toFixed(3)} ms a call over ${t.puts.length}` },
    { group: GROUP, name: `${label}: find it (get) p50`, value: p(t.gets, 50), unit: 'ms', note: `p99 ${p(t.gets, 99)} ms, CPU ${t.getCpu.toFixed(3)} ms a call over ${t.gets.length}` },
  ];
}

/** Run the pages benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const sqlite = createSqliteStore(join(ctx.tmpDir, 'pages.db'), { checkEveryMs: 0 });
  const out: BenchRow[] = [];
  try {
    out.push(...rows('SQLite (WAL file, on the event loop)', await time(SEARCHES, (s, now) => sqlite.quotePages.put(s, now), (token, now) => sqlite.quotePages.get(token, GUILD, now)), true));
  } finally {
    sqlite.close();
  }
  const map = new Map<string, QuoteSearch>();
  out.push(...rows('in-memory Map (the old PageStore, reference)', await time(SEARCHES, (s) => {
    const token = String(map.size);
    map.set(token, s);
    return token;
  }, (token) => map.get(token)), false));
  if (!POSTGRES_BIN) return [...out, { group: GROUP, name: 'Postgres: skipped', value: 0, unit: '', note: POSTGRES_SKIP_REASON }];
  const cluster = (await startPostgres())!;
  try {
    const store = await createPostgresStore(await cluster.createDatabase('pages_bench'));
    try {
      out.push(...rows('Postgres (loopback, not on the event loop)', await time(POSTGRES_SEARCHES, (s, now) => store.quotePages!.put(s, now), (token, now) => store.quotePages!.get(token, GUILD, now)), false));
    } finally {
      await store.close();
    }
  } finally {
    await cluster.stop();
  }
  return out;
}
