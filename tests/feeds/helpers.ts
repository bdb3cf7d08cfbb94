import { afterEach, beforeEach } from 'vitest';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchedResource, Fetcher } from '../../src/content/web/fetch-types';
import { FetchError } from '../../src/content/web/fetch-types';
import type { FeedCheckDeps } from '../../src/feeds/check';
import { toLibraryArticle } from '../../src/feeds/article';
import { renderBriefingMessage } from '../../src/discord/message';
import type { PostOutcome } from '../../src/scheduler/outcome';
import type { ChannelMessage, Poster } from '../../src/scheduler/poster';
import { createSqliteStore, type StoreWithFeeds } from '../../src/store';

/** A handler of the local feed server: what to answer to one request. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 whose routes tests change as they go. */
export interface FeedServer {
  base: string;
  routes: Map<string, Handler>;
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: FeedServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, routes, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Answer with a body (a feed), honouring If-None-Match against `etag`. */
export function serve(body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler {
  return (req, res) => {
    if (headers.etag && req.headers['if-none-match'] === headers.etag) {
      res.writeHead(304, { etag: headers.etag }).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(body);
  };
}

/**
 * A minimal fetcher over node:http for these tests (127.0.0.1 only, no
 * address policy): conditional headers, redirects (permanent ones tracked),
 * a size cap. The product uses the safe fetcher of src/content/web.
 */
export const testFetcher: Fetcher = async (req) => {
  let url = req.url;
  let permanentUrl = url;
  let permanentChain = true;
  for (let hop = 0; hop < 5; hop++) {
    const answer = await new Promise<FetchedResource>((resolve, reject) => {
      const headers: Record<string, string> = { accept: req.accept ?? '*/*', 'user-agent': 'BriefingTest' };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      const r = request(url, { headers, signal: req.signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ url, permanentUrl, status: res.statusCode ?? 0, headers: flat, body: new Uint8Array(Buffer.concat(chunks)) });
        });
      });
      r.on('error', (error) => reject(new FetchError('network', `network: ${error.message}`, url)));
      r.end();
    });
    if ([301, 302, 303, 307, 308].includes(answer.status) && answer.headers.location) {
      url = new URL(answer.headers.location, url).toString();
      permanentChain &&= answer.status === 301 || answer.status === 308;
      if (permanentChain) permanentUrl = url;
      continue;
    }
    return { ...answer, permanentUrl };
  }
  throw new FetchError('too-many-redirects', 'too many redirects', req.url);
};

/** A poster that records what it is asked to post and answers as told. */
export class RecordingPoster implements Poster {
  readonly posts: Array<{ channelId: string; message: ChannelMessage; nonce: string }> = [];
  /** Outcomes to give, in order; `ok` once they run out. */
  next: PostOutcome[] = [];
  private id = 1000;

  async post(channelId: string, message: ChannelMessage, nonce: string): Promise<PostOutcome> {
    const outcome = this.next.shift() ?? { kind: 'ok', messageId: String(++this.id) };
    if (outcome.kind === 'ok') this.posts.push({ channelId, message, nonce });
    return outcome;
  }

  titles(): string[] {
    return this.posts.map((p) => p.message.embeds[0]?.title ?? p.message.content ?? '');
  }
}

/** An RSS 2.0 document of these items (newest first, as feeds list them). */
export function rss(items: Array<{ guid?: string; link?: string; title: string; date?: string; text?: string }>, extra = ''): string {
  const body = items
    .map((item) => `<item><title>${item.title}</title>${item.link ? `<link>${item.link}</link>` : ''}${item.guid ? `<guid>${item.guid}</guid>` : ''}${item.date ? `<pubDate>${item.date}</pubDate>` : ''}<description>${item.text ?? `${item.title}. ${item.title}.`}</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test news</title><link>https://news.example/</link>${extra}${body}</channel></rss>`;
}

export const GUILD = '100000000000000001';
export const OTHER_GUILD = '100000000000000002';
export const CHANNEL = '200000000000000001';

/** A store, a poster and check deps around them. */
export function feedDeps(overrides: Partial<FeedCheckDeps> = {}): Omit<FeedCheckDeps, 'store' | 'poster'> & { store: StoreWithFeeds; poster: RecordingPoster } {
  const store = createSqliteStore(':memory:');
  const poster = new RecordingPoster();
  return {
    store,
    poster,
    fetcher: testFetcher,
    render: (article) => renderBriefingMessage(toLibraryArticle(article)),
    minIntervalMs: 600_000,
    maxFailures: 4,
    maxFeedBytes: 5_000_000,
    timeoutMs: 5000,
    ...overrides,
  } as Omit<FeedCheckDeps, 'store' | 'poster'> & { store: StoreWithFeeds; poster: RecordingPoster };
}

/** What {@link useFeedServer} gives each test: a local feed server and check deps around a fresh store. */
export interface FeedTestBed {
  server: FeedServer;
  deps: ReturnType<typeof feedDeps>;
}

/** A local feed server and fresh check deps (`overrides` as {@link feedDeps} takes them), started before each test of the calling block and closed after it. */
export function useFeedServer(overrides: Partial<FeedCheckDeps> = {}): FeedTestBed {
  const bed = {} as FeedTestBed;
  beforeEach(async () => {
    bed.server = await startFeedServer();
    bed.deps = feedDeps(overrides);
  });
  afterEach(async () => {
    bed.deps.store.close();
    await bed.server.close();
  });
  return bed;
}
