/**
 * Polling at scale: 1,000 feeds on one local HTTP server (127.0.0.1), checked
 * by one {@link FeedPoller} through the real safe fetcher, posting to an
 * instant poster, on a SQLite file. Every feed is due at once; a pass ends
 * when all are checked. Figures: the pass (each feed's lateness = when its
 * check ended after the due time), the most connections the server saw open
 * at once (goal ≤ 2: one host), and the process RSS after the passes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseFeedText } from '../src/content/feeds';
import { createFetcher } from '../src/content/web/fetcher';
import { toLibraryArticle } from '../src/feeds/article';
import { FeedPoller } from '../src/feeds/service';
import { renderBriefingMessage } from '../src/discord/message';
import type { ChannelMessage, Poster, PostOutcome } from '../src/scheduler';
import { createSqliteStore } from '../src/store';
import { percentile } from './stats';
import type { BenchRow } from './types';

const GROUP = 'feeds';
const FEEDS = 1000;

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

/** Run the polling figures in `tmpDir`. */
export async function pollRows(tmpDir: string): Promise<BenchRow[]> {
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
  const store = createSqliteStore(join(tmpDir, 'feeds.db'));
  const fetcher = createFetcher({ allowAddresses: ['127.0.0.1'] });
  let clock = Date.UTC(2026, 0, 2);
  try {
    for (let i = 0; i < FEEDS; i++) {
      const feed = store.feeds.create({ guildId: String(100000000000000000n + BigInt(i % 50)), channelId: String(200000000000000000n + BigInt(i)), url: `${base}/feed/${i}.xml`, title: `Feed ${i}`, createdBy: '1', createdAt: clock, nextCheckAt: clock })!;
      store.feeds.remember(feed.id, parseFeedText(feedText(i, items)).items.flatMap((item) => item.keys), [], clock);
    }
    const poster = new InstantPoster();
    const ended: number[] = [];
    const poller = new FeedPoller({
      store, fetcher, poster, render: (a) => renderBriefingMessage(toLibraryArticle(a)), minIntervalMs: 600_000, maxFailures: 8, maxFeedBytes: 5_000_000, timeoutMs: 30_000,
      clock: () => clock, concurrency: 16, onCheck: () => ended.push(performance.now()),
    });
    // Pass 1: nothing new (ETags learnt); pass 2: every feed 304; pass 3: one new item in each feed.
    const passes: Array<{ ms: number; p99: number; checked: number }> = [];
    for (const change of [0, 0, 1]) {
      items += change;
      ended.length = 0;
      const start = performance.now();
      // One pass: what the timer does, firing again while feeds are still due (a poll takes 200 at a time).
      let checked = 0;
      for (let got = -1; got !== 0; checked += got) got = (await poller.pollDue()).length;
      passes.push({ ms: performance.now() - start, p99: percentile(ended.map((t) => t - start), 99), checked });
      clock += 600_000;
    }
    await poller.stop();
    const rss = process.memoryUsage().rss / 1e6;
    const slowest = Math.max(...passes.map((p) => p.ms));
    const checked = passes.every((p) => p.checked === FEEDS);
    return [
      { group: GROUP, name: `poll ${FEEDS} feeds: slowest pass`, value: Math.round(slowest), unit: 'ms', goal: '≤ 60000 ms, all checked', pass: slowest <= 60_000 && checked, note: `passes ${passes.map((p) => `${(p.ms / 1000).toFixed(1)} s`).join(' / ')} (200 / 304 / 1 new each: ${poster.posts} posts); p99 check end ${(passes[2]!.p99 / 1000).toFixed(1)} s` },
      { group: GROUP, name: 'poll: connections open at once (one host)', value: peak, unit: '', goal: '≤ 2', pass: peak <= 2 },
      { group: GROUP, name: 'poll: RSS after the passes', value: Math.round(rss), unit: 'MB', goal: '≤ 400 MB', pass: rss <= 400, note: 'bench process (without the 10,000-article library)' },
    ];
  } finally {
    await fetcher.close();
    store.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
