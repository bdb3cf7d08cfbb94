/**
 * Polling at scale, as the bot does it: in one child process, the
 * 10,000-article ANT library is loaded (as the bot starts it), then 1,000
 * feeds on a local HTTP server (127.0.0.1) are checked by one `FeedPoller`
 * through the real safe fetcher (see `feeds-poll-worker.ts`). Every feed is
 * due at once; a pass ends when all are checked. Figures: the slowest pass
 * and when its last check ended (each feed must be checked long before its
 * next check is due), the most connections the server saw open at once
 * (goal ≤ 2: one host), and the process RSS after the passes, library
 * included (goal ≤ 400 MB).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertAnt } from './ant';
import { runChild } from './child';
import type { PollWorkerJob, PollWorkerResult } from './feeds-poll-worker';
import { LIBRARY_SIZE } from './library';
import { missingShared, sharedDir } from './shared-data';
import type { BenchRow } from './types';

const GROUP = 'feeds';
const FEEDS = 1000;
/** A feed's check must end within this of it being due (a tenth of FEED_MIN_INTERVAL_SECONDS' default). */
const ON_TIME_MS = 60_000;
const WORKER = fileURLToPath(new URL('./feeds-poll-worker.ts', import.meta.url));

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Run the polling figures in `tmpDir`, with the 10,000-article library loaded when the ANT corpus is there. */
export async function pollRows(tmpDir: string): Promise<BenchRow[]> {
  const missing = missingShared('ant', 'ANT corpus');
  let contentDir: string | undefined;
  if (!missing) {
    contentDir = join(tmpDir, 'poll-library');
    await convertAnt(join(sharedDir(), 'ant'), contentDir, LIBRARY_SIZE);
  }
  const job: PollWorkerJob = { tmpDir, feeds: FEEDS, ...(contentDir ? { contentDir } : {}) };
  const result = await runChild<PollWorkerResult>(WORKER, job, 600_000, ['--expose-gc']);
  if (!result.ok) throw new Error(`feeds poll worker: ${result.error}`);
  const slowest = result.passes.reduce((a, b) => (b.lastMs > a.lastMs ? b : a));
  const allChecked = result.passes.every((p) => p.checked === FEEDS);
  const library = result.libraryArticles > 0 ? `with the ${result.libraryArticles}-article library loaded (ready in ${seconds(result.libraryReadyMs)}, RSS ${result.libraryRssMB.toFixed(0)} MB before polling)` : `WITHOUT the library (${missing})`;
  return [
    {
      group: GROUP,
      name: `poll ${FEEDS} feeds: last check of the slowest pass`,
      value: Math.round(slowest.lastMs),
      unit: 'ms',
      goal: `≤ ${ON_TIME_MS} ms, all checked`,
      pass: slowest.lastMs <= ON_TIME_MS && allChecked,
      note: `passes ${result.passes.map((p) => `${p.kind}: ${seconds(p.ms)} (CPU ${seconds(p.cpuMs)}, p99 ${seconds(p.p99Ms)}, ${p.checked} checked)`).join(' / ')}; ${result.posts} posts, ${result.shelved} feed articles stored, ${result.scoped} in their servers' library scopes; ${library}`,
    },
    { group: GROUP, name: 'poll: connections open at once (one host)', value: result.peakConnections, unit: '', goal: '≤ 2', pass: result.peakConnections <= 2 },
    {
      group: GROUP,
      name: 'poll: RSS after the passes, library loaded',
      value: Math.round(result.rssMB),
      unit: 'MB',
      goal: '≤ 400 MB',
      pass: result.rssMB <= 400 && result.libraryArticles > 0,
      note: `poller process after GC, ${library}; heap used ${result.heapUsedMB.toFixed(0)} MB`,
    },
  ];
}
