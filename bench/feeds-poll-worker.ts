/**
 * Child process of the polling benchmark, so that its memory figure is what
 * a bot holds: the 10,000-article library loaded (as the bot starts it, its
 * summaries filled in), then 1,000 feeds on a local HTTP server checked by
 * one {@link FeedPoller} through the real safe fetcher, posting to an instant
 * poster, on a SQLite file, each stored article put on its server's shelf.
 * argv[2]: JSON {@link PollWorkerJob}. Answers one {@link PollWorkerResult} over IPC.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseFeedText } from '../src/content/feeds';
import { createFetcher } from '../src/content/web/fetcher';
import { toLibraryArticle } from '../src/feeds/article';
import { FeedPoller } from '../src/feeds/service';
import { renderBriefingMessage } from '../src/discord/message';
import { FeedArticleSources } from '../src/feeds/article-source';
import { createFolderLibrary, type Library } from '../src/library/index';
import { createLogger } from '../src/logger';
import type { ChannelMessage, Poster, PostOutcome } from '../src/scheduler';
import { createSqliteStore } from '../src/store';
import { percentile } from './stats';

/** What the parent asks for. */
export interface PollWorkerJob {
  tmpDir: string;
  /** The library's folder (10,000 ANT articles); none: polled without a library. */
  contentDir?: string;
  feeds: number;
}

/** One pass over every feed. */
export interface PollPass {
  /** What the pass fetched: `200` (every feed new to the poller), `304`, `new item` (one new item per feed). */
  kind: string;
  ms: number;
  /** CPU time of the process during the pass (user + system), ms. */
  cpuMs: number;
  /** When the last check ended, and the 99th percentile, after the pass began, ms. */
  lastMs: number;
  p99Ms: number;
  checked: number;
}

/** What the worker reports. */
export type PollWorkerResult =
  | { ok: true; libraryArticles: number; libraryReadyMs: number; libraryRssMB: number; passes: PollPass[]; posts: number; shelved: number; scoped: number; peakConnections: number; rssMB: number; heapUsedMB: number }
  | { ok: false; error: string };

function feedText(i: number, items: number): string {
  const body = Array.from({ length: items }, (_, n) => `<item><guid>f${i}-${n}</guid><title>Story ${n} of feed ${i}</title><description>The council approved part ${n} of the plan, said councillor Mary Jones.</description><pubDate>${new Date(Date.UTC(2026, 0, 1, 0, n)).toUTCString()}</pubDate></item>`).reverse();
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${i}</title>${body.join('')}</channel></rss>`;
}

class InstantPoster implements Poster {
  posts = 0;
  async post(_channelId: string, _message: ChannelMessage, _nonce: string): Promise<PostOutcome> {
    return { kind: 'ok', messageId: String(900_000_000_000_000_000n + BigInt(++this.posts)) };
  }
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
};

async function startLibrary(contentDir: string | undefined, tmpDir: string) {
  const logger = createLogger({ level: 'error', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const t0 = performance.now();
  const library = createFolderLibrary({ contentDir: contentDir ?? join(tmpDir, 'no-library'), cachePath: join(tmpDir, 'briefing-cache.json'), maxBytes: 1_000_000, logger, rescanSeconds: 0, watch: false });
  await library.start();
  const readyMs = performance.now() - t0;
  await library.whenSummarized();
  return { library, readyMs };
}

/** Feed articles the servers' views hold beyond the operator's library. */
function articlesInScopes(library: Library, guildIds: readonly string[]): number {
  return [...new Set(guildIds)].reduce((sum, guildId) => sum + library.view(guildId).all().length - library.size, 0);
}

async function main(): Promise<PollWorkerResult> {
  const job = JSON.parse(process.argv[2] ?? '{}') as PollWorkerJob;
  const { library, readyMs } = await startLibrary(job.contentDir, job.tmpDir);
  gc();
  const libraryRssMB = process.memoryUsage().rss / 1e6;

  let items = 5;
  let open = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    const i = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
    const etag = `"${i}-${items}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feedText(i, items));
  });
  server.on('connection', (socket) => {
    peak = Math.max(peak, ++open);
    socket.on('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = createSqliteStore(join(job.tmpDir, 'feeds.db'));
  const fetcher = createFetcher({ allowAddresses: ['127.0.0.1'] });
  const articles = new FeedArticleSources(store.feeds, library);
  let shelved = 0;
  let scoped = 0;
  let clock = Date.UTC(2026, 0, 2);
  try {
    for (let i = 0; i < job.feeds; i++) {
      const feed = store.feeds.create({ guildId: String(100000000000000000n + BigInt(i % 50)), channelId: String(200000000000000000n + BigInt(i)), url: `${base}/feed/${i}.xml`, title: `Feed ${i}`, createdBy: '1', createdAt: clock, nextCheckAt: clock })!;
      store.feeds.remember(feed.id, parseFeedText(feedText(i, items)).items.flatMap((item) => item.keys), [], clock);
    }
    const poster = new InstantPoster();
    const ended: number[] = [];
    const poller = new FeedPoller({
      store, fetcher, poster, render: (a) => renderBriefingMessage(library.view(a.guildId).get(a.id) ?? toLibraryArticle(a)), minIntervalMs: 600_000, maxFailures: 8, maxFeedBytes: 5_000_000, timeoutMs: 30_000,
      clock: () => clock, concurrency: 16, onCheck: () => ended.push(performance.now()),
      onStored: (records) => {
        void articles.stored(records);
        shelved += records.length;
      },
    });
    const passes: PollPass[] = [];
    // Pass 1: nothing new (ETags learnt); pass 2: every feed 304; pass 3: one new item in each feed, briefed, shelved and posted.
    for (const [kind, change] of [['200', 0], ['304', 0], ['new item', 1]] as const) {
      items += change;
      ended.length = 0;
      const start = performance.now();
      const cpu = process.cpuUsage();
      // One pass: what the timer does, firing again while feeds are still due (a poll takes 200 at a time).
      let checked = 0;
      for (let got = -1; got !== 0; checked += got) got = (await poller.pollDue()).length;
      const used = process.cpuUsage(cpu);
      const since = ended.map((t) => t - start);
      passes.push({ kind, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, lastMs: Math.max(...since), p99Ms: percentile(since, 99), checked });
      clock += 600_000;
    }
    await poller.stop();
    // The feed articles of the last pass are briefed into their servers' scopes before the memory figure.
    await library.whenIdle();
    scoped = articlesInScopes(library, store.feeds.allArticles().map((a) => a.guildId));
    gc();
    const mem = process.memoryUsage();
    return { ok: true, libraryArticles: library.size, libraryReadyMs: readyMs, libraryRssMB, passes, posts: poster.posts, shelved, scoped, peakConnections: peak, rssMB: mem.rss / 1e6, heapUsedMB: mem.heapUsed / 1e6 };
  } finally {
    await fetcher.close();
    store.close();
    await library.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

main()
  .catch((err: unknown): PollWorkerResult => ({ ok: false, error: err instanceof Error ? err.message : String(err) }))
  .then((result) => {
    process.send?.(result, () => process.exit(0));
  });
