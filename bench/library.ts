/**
 * Library benchmark: 10,000 ANT articles converted on the fly into `.md`
 * content files (front matter: title, source, url, published), then a
 * library started on them in a child process, as the bot starts it (with its
 * briefing cache file): start-up to ready the first time (empty cache; median
 * of three first starts), the time until the summaries deferred by a first
 * start are filled in, start-up to ready on a restart (cache present),
 * resident memory after GC, quote search and autocomplete p50/p99.
 */
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheVersion } from '../src/library/briefing-cache';
import { convertAnt } from './ant';
import { runChild } from './child';
import { missingShared } from './shared-data';
import type { LibraryWorkerJob, LibraryWorkerResult } from './library-worker';
import { median, percentile } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'library';
const WORKER = fileURLToPath(new URL('./library-worker.ts', import.meta.url));

/** First starts measured (their median is the figure: one run on a shared 2-core machine varies by ±20 %). */
const FIRST_STARTS = 3;

/** Number of articles in the benchmark library. */
export const LIBRARY_SIZE = 10_000;

const fmt = (ms: number): string => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** Rows of a search kind: p50 and p99 in one row, judged against its goal on p99. */
export function searchRow(label: string, times: readonly number[], goalMs: number): BenchRow {
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  return {
    group: GROUP,
    name: `${label} p99`,
    value: p99,
    unit: 'ms',
    goal: `≤ ${goalMs} ms`,
    pass: p99 <= goalMs,
    note: `p50 ${fmt(p50)} ms, median ${fmt(median(times))} ms, max ${fmt(Math.max(...times))} ms over ${times.length} queries`,
  };
}

/** Who briefs on a first start: the library's default, one worker thread per core but one, plus the main thread. */
function workerNote(): string {
  const workers = availableParallelism() - 1;
  return workers > 0 ? `${workers} worker thread${workers > 1 ? 's' : ''} and the main thread (${availableParallelism()} cores)` : 'the main thread (1 core)';
}

/** Run the library benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const missing = missingShared('ant', 'ANT corpus', ctx.sharedDir);
  if (missing) throw new Error(missing);
  const contentDir = join(ctx.tmpDir, 'content');
  const t0 = performance.now();
  const { ids, bytes } = await convertAnt(join(ctx.sharedDir, 'ant'), contentDir, LIBRARY_SIZE, (d, t) => ctx.progress('library: converting ANT articles', d, t));
  const convertS = (performance.now() - t0) / 1000;

  const cachePath = join(ctx.tmpDir, 'data', 'briefing-cache.json');
  const start = async (queries: boolean) => {
    const job: LibraryWorkerJob = { contentDir, cachePath, queries };
    const result = await runChild<LibraryWorkerResult>(WORKER, job, 120_000, ['--expose-gc']);
    if (!result.ok) throw new Error(`library worker: ${result.error}`);
    return result;
  };
  // Three first starts (the cache removed before each; the queries run in the first), then a restart on the last one's cache.
  const steps = FIRST_STARTS + 1;
  ctx.progress('library: first starts, then restart', 0, steps);
  const engineBefore = await cacheVersion();
  const firsts: Awaited<ReturnType<typeof start>>[] = [];
  for (let i = 0; i < FIRST_STARTS; i++) {
    await rm(cachePath, { force: true });
    firsts.push(await start(i === 0));
    ctx.progress('library: first starts, then restart', i + 1, steps);
  }
  const result = firsts[0]!;
  const readyTimes = firsts.map((r) => r.readyMs);
  const readyMedian = median(readyTimes);
  const summarizedMedian = median(firsts.map((r) => r.summarizedMs));
  const rssFirst = Math.max(...firsts.map((r) => r.rssMB));
  const largestFirst = firsts.find((r) => r.rssMB === rssFirst)!;
  const warm = await start(false);
  ctx.progress('library: first starts, then restart', steps, steps);
  const engineChanged = (await cacheVersion()) !== engineBefore;

  const rows: BenchRow[] = [
    {
      group: GROUP,
      name: 'start-up to ready, first start (median of 3)',
      value: readyMedian / 1000,
      unit: 's',
      goal: '≤ 5 s',
      pass: readyMedian <= 5000,
      note: `runs ${readyTimes.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s (CPU, every thread: ${firsts.map((r) => (r.readyCpuMs / 1000).toFixed(2)).join(', ')} s); ${result.articles} articles (${(bytes / 1e6).toFixed(1)} MB, ${ids.length} written in ${convertS.toFixed(1)} s), ${result.quotes} quotes, ${result.warnings} warnings; no briefing cache yet: every article briefed (quotes, headline, index) by ${workerNote()}, ${result.pendingAtReady} summaries left to the background (a /brief computes its own at once); process start to ready ${(result.processReadyMs / 1000).toFixed(2)} s`,
    },
    {
      group: GROUP,
      name: 'first start, every summary filled in',
      value: summarizedMedian / 1000,
      unit: 's',
      note: `median of the same 3 runs; start to the last of the ${result.pendingAtReady} deferred summaries, filled in after ready on 1 worker thread while the quote-search and autocomplete queries below ran`,
    },
    {
      group: GROUP,
      name: 'start-up to ready, restart',
      value: warm.readyMs / 1000,
      unit: 's',
      goal: '≤ 5 s',
      pass: warm.readyMs <= 5000,
      note: `${engineChanged ? 'INVALID: the engine code changed during the run, so the cache was discarded; ' : ''}same files, briefing cache from the first start (as the bot keeps it next to its database: front matter and briefing per file, so no file is read again); ${warm.articles} articles; CPU ${(warm.readyCpuMs / 1000).toFixed(2)} s; process start to ready ${(warm.processReadyMs / 1000).toFixed(2)} s`,
    },
    {
      group: GROUP,
      name: 'resident memory',
      value: Math.max(rssFirst, warm.rssMB),
      unit: 'MB',
      goal: '≤ 300 MB',
      pass: Math.max(rssFirst, warm.rssMB) <= 300,
      note: `RSS of the library's own process after GC (every summary filled in), the largest of the first starts ${firsts.map((r) => r.rssMB.toFixed(0)).join(', ')} MB and restart ${warm.rssMB.toFixed(0)} MB; heap used ${result.heapUsedMB.toFixed(0)} MB; largest first start's RSS, MB: ${largestFirst.breakdown}; restart's: ${warm.breakdown}`,
    },
  ];
  const byLabel = new Map(result.search.map((s) => [s.label, s.times]));
  const goals: [string, number][] = [
    ['quote search (words)', 5],
    ['quote search (speaker)', 5],
    ['autocomplete article', 10],
    ['autocomplete speaker', 10],
  ];
  for (const [label, goal] of goals) {
    const times = byLabel.get(label);
    if (times && times.length > 0) rows.push(searchRow(label, times, goal));
    else rows.push({ group: GROUP, name: `${label} p99`, value: Number.NaN, unit: 'ms', goal: `≤ ${goal} ms`, pass: false, note: 'no queries could be built (no quotes in the library?)' });
  }
  return rows;
}
