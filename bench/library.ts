/**
 * Library benchmark: 10,000 ANT articles converted on the fly into `.md`
 * content files (front matter: title, source, url, published), then a
 * library started on them in a child process: start-up to ready, resident
 * memory after GC, quote search and autocomplete p50/p99.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertAnt } from './ant';
import { runChild } from './child';
import type { LibraryWorkerResult } from './library-worker';
import { median, percentile } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'library';
const WORKER = fileURLToPath(new URL('./library-worker.ts', import.meta.url));

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

/** Run the library benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const contentDir = join(ctx.tmpDir, 'content');
  const t0 = performance.now();
  const { ids, bytes } = await convertAnt(join(ctx.sharedDir, 'ant'), contentDir, LIBRARY_SIZE, (d, t) => ctx.progress('library: converting ANT articles', d, t));
  const convertS = (performance.now() - t0) / 1000;

  const result = await runChild<LibraryWorkerResult>(WORKER, { contentDir }, 120_000, ['--expose-gc']);
  if (!result.ok) throw new Error(`library worker: ${result.error}`);

  const rows: BenchRow[] = [
    {
      group: GROUP,
      name: 'start-up to ready',
      value: result.readyMs / 1000,
      unit: 's',
      goal: '≤ 5 s',
      pass: result.readyMs <= 5000,
      note: `${result.articles} articles (${(bytes / 1e6).toFixed(1)} MB, ${ids.length} written in ${convertS.toFixed(1)} s), ${result.quotes} quotes, ${result.warnings} warnings; process start to ready ${(result.processReadyMs / 1000).toFixed(2)} s`,
    },
    {
      group: GROUP,
      name: 'resident memory',
      value: result.rssMB,
      unit: 'MB',
      goal: '≤ 300 MB',
      pass: result.rssMB <= 300,
      note: `RSS of the library's own process after GC; heap used ${result.heapUsedMB.toFixed(0)} MB`,
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
