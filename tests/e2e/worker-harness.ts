import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { createFolderLibrary } from '../../src/library';
import { createLogger } from '../../src/logger';
import { OPERATOR_SCOPE } from '../../src/store/postgres/search';
import { PostgresSearchWriter } from '../../src/store/postgres/search-writer';

/** A message post seen by a {@link DiscordTap}: its channel, and which worker's tap saw it. */
export interface TappedPost {
  channelId: string;
  worker: string;
}

/**
 * What every tap of one test shares: posts in flight per channel, across
 * every worker (the largest number ever seen at once is the claim).
 */
export class InFlight {
  private readonly now = new Map<string, number>();
  /** Most posts ever in flight at once to one channel. */
  max = 0;
  started(channelId: string): void {
    const n = (this.now.get(channelId) ?? 0) + 1;
    this.now.set(channelId, n);
    this.max = Math.max(this.max, n);
  }
  ended(channelId: string): void {
    this.now.set(channelId, (this.now.get(channelId) ?? 1) - 1);
  }
}

/** Options of {@link startTap}. */
export interface TapOptions {
  /** The fake Discord's REST base (`fake.apiUrl`). */
  apiUrl: string;
  worker: string;
  inFlight: InFlight;
  /** Each message post waits this long before it is passed on (so that overlapping posts would show), ms. */
  delayMs?: number;
  /** The post is made in Discord, then its answer is never given back (the worker is killed meanwhile). */
  hold?: (post: TappedPost) => boolean;
  /** Called when a post's answer is held back. */
  onHeld?: (post: TappedPost) => void;
}

/** A loopback HTTP proxy in front of the fake Discord, one per worker process: `apiUrl` is the worker's DISCORD_API_URL. */
export interface DiscordTap {
  apiUrl: string;
  close(): Promise<void>;
}

const MESSAGE_POST = /\/channels\/(\d+)\/messages$/;

async function bodyOf(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Start a tap: every request passes through to the fake unchanged; message posts are counted, delayed or held as asked. */
export async function startTap(options: TapOptions): Promise<DiscordTap> {
  const upstream = new URL(options.apiUrl);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const match = req.method === 'POST' ? MESSAGE_POST.exec(req.url?.split('?')[0] ?? '') : null;
      const post = match ? { channelId: match[1]!, worker: options.worker } : undefined;
      if (post) {
        options.inFlight.started(post.channelId);
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      }
      const held = post !== undefined && options.hold?.(post) === true;
      const answer = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (reply) => {
        void bodyOf(reply).then((data) => {
          if (post) options.inFlight.ended(post.channelId);
          if (held) {
            options.onHeld?.(post);
            return; // the message exists in Discord; its answer never reaches the worker
          }
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          res.end(data);
        });
      });
      answer.on('error', () => res.destroy());
      answer.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}${upstream.pathname}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Insert schedules straight into Postgres (what `/schedule add` writes), each due at `nextRunAt`. */
export async function insertSchedules(pool: pg.Pool, rows: ReadonlyArray<{ guildId: string; channelId: string; pattern: string; nextRunAt: number; primed: boolean }>): Promise<number[]> {
  const result = await pool.query<{ id: number }>(`INSERT INTO schedules (guild_id, channel_id, when_text, pattern, timezone, created_by, created_at, next_run_at, primed)
    SELECT g, c, p, p, 'UTC', '300000000000000003', 0, n, pr FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::boolean[]) AS t (g, c, p, n, pr) RETURNING id`,
  [rows.map((r) => r.guildId), rows.map((r) => r.channelId), rows.map((r) => r.pattern), rows.map((r) => r.nextRunAt), rows.map((r) => r.primed)]);
  return result.rows.map((r) => r.id);
}

/**
 * Brief the articles of `dir` and write them to Postgres, as the active
 * `ROLE=ingest` does: what `ROLE=scheduler` workers read (they load no folder).
 */
export async function writeArticles(pool: pg.Pool, dir: string): Promise<void> {
  const library = createFolderLibrary({ contentDir: dir, maxBytes: 1_000_000, logger: createLogger({ level: 'silent' }), rescanSeconds: 1, watch: false, workers: 0 });
  await library.start();
  const writer = new PostgresSearchWriter(pool);
  try {
    await writer.reconcile(OPERATOR_SCOPE, library.all());
  } finally {
    await writer.close();
    await library.stop();
  }
}
