/**
 * Child process of the library benchmark, so that its memory figure is the
 * library's own: start a library on a folder of articles, time start-up to
 * ready, run quote searches and autocompletes, then report RSS after GC.
 * argv[2]: JSON {@link LibraryWorkerJob}. Answers one {@link LibraryWorkerResult} over IPC.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { getHeapSpaceStatistics } from 'node:v8';
import { createFolderLibrary } from '../src/library/index';
import { createLogger } from '../src/logger';
import { buildQueries } from './library-queries';

/** What the parent asks for. */
export interface LibraryWorkerJob {
  contentDir: string;
  /** The briefing cache file, as the bot keeps it next to its database. */
  cachePath: string;
  /** Run the quote-search and autocomplete queries (else only start-up and memory). */
  queries: boolean;
}

/** What the worker reports. */
export type LibraryWorkerResult =
  | {
      ok: true;
      articles: number;
      quotes: number;
      warnings: number;
      /** createFolderLibrary() to start() resolved, ms. */
      readyMs: number;
      /** CPU time of the process (every thread, user + system) from createFolderLibrary() to ready, ms: what the start costs on a shared machine. */
      readyCpuMs: number;
      /** Articles whose summary was still pending at ready. */
      pendingAtReady: number;
      /** createFolderLibrary() to every summary filled in (the background work after ready), ms. */
      summarizedMs: number;
      /** Process start to ready, ms (includes loading Node, tsx and the modules). */
      processReadyMs: number;
      rssMB: number;
      heapUsedMB: number;
      /** Where the RSS goes, after GC (see {@link memoryBreakdown}). */
      breakdown: string;
      search: { label: string; times: number[] }[];
    }
  | { ok: false; error: string };

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(0);

/** The kB figure of one `/proc/self/status` line (Linux), else undefined. */
function procStatus(status: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1000 : undefined;
}

/**
 * Where the resident memory goes, in MB: the JS heap reserved (new space,
 * resident even when empty, and old space) against its live objects, memory
 * outside the heap (Buffers), and on Linux the mapped files (Node's own code)
 * against anonymous memory (heaps, malloc arenas, thread stacks).
 */
function memoryBreakdown(): string {
  const mem = process.memoryUsage();
  const spaces = new Map(getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]));
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // Not Linux: no file/anonymous split.
  }
  const file = procStatus(status, 'RssFile');
  const anon = procStatus(status, 'RssAnon');
  const split = file === undefined || anon === undefined ? '' : `, files ${mb(file)} + anonymous ${mb(anon)}`;
  return `heap ${mb(mem.heapTotal)} (new space ${mb(spaces.get('new_space') ?? 0)}, old ${mb(spaces.get('old_space') ?? 0)}) for ${mb(mem.heapUsed)} used, external ${mb(mem.external)}${split}`;
}

async function main(): Promise<LibraryWorkerResult> {
  const { contentDir, cachePath, queries } = JSON.parse(process.argv[2] ?? '{}') as LibraryWorkerJob;
  let warnings = 0;
  const sink = new Writable({ write(_chunk, _enc, done) { warnings++; done(); } });
  const logger = createLogger({ level: 'warn', destination: sink });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const library = createFolderLibrary({ contentDir, cachePath, maxBytes: 1_000_000, logger, rescanSeconds: 0, watch: false });
  await library.start();
  const readyMs = performance.now() - t0;
  const cpuUsed = process.cpuUsage(cpu0);
  const readyCpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
  const processReadyMs = performance.now();
  const pendingAtReady = library.all().filter((a) => a.summaryPending).length;

  const q = queries ? buildQueries(library.all()) : { quoteWords: [], speakers: [], typed: [] };
  const kinds: { label: string; run: (s: string) => unknown; inputs: string[] }[] = [
    { label: 'quote search (words)', run: (s) => library.search.searchQuotes({ query: s }), inputs: q.quoteWords },
    { label: 'quote search (speaker)', run: (s) => library.search.searchQuotes({ speaker: s }), inputs: q.speakers },
    { label: 'autocomplete article', run: (s) => library.search.suggestArticles(s), inputs: q.typed },
    { label: 'autocomplete speaker', run: (s) => library.search.suggestSpeakers(s.slice(0, 4)), inputs: q.speakers },
  ];
  const search = kinds.map((k) => {
    for (const input of k.inputs.slice(0, 20)) k.run(input); // warm-up
    return { label: k.label, times: k.inputs.map((input) => time(() => k.run(input))) };
  });

  // As a bot running for more than a few seconds would be: every summary filled in (and cached) before the memory figure and the restart.
  await library.whenSummarized();
  const summarizedMs = performance.now() - t0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const mem = process.memoryUsage();
  const result: LibraryWorkerResult = {
    ok: true,
    articles: library.size,
    quotes: library.search.size,
    warnings,
    readyMs,
    readyCpuMs,
    pendingAtReady,
    summarizedMs,
    processReadyMs,
    rssMB: mem.rss / 1e6,
    heapUsedMB: mem.heapUsed / 1e6,
    breakdown: memoryBreakdown(),
    search,
  };
  await library.stop();
  return result;
}

main()
  .catch((err: unknown): LibraryWorkerResult => ({ ok: false, error: err instanceof Error ? err.message : String(err) }))
  .then((result) => {
    process.send?.(result, () => process.exit(0));
  });
