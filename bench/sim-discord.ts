/**
 * The fake Discord of `npm run sim`: a loopback HTTP server answering the two
 * REST calls the scheduler makes (post a message, read a channel's history)
 * and counting, per (channel, nonce) — the nonce is derived from channel and
 * article — how many messages were really created. Like Discord with
 * `enforce_nonce`, a repeated nonce within {@link NONCE_WINDOW_MS} returns the
 * first message instead of a second one; like Discord's global limit, more
 * than {@link GLOBAL_LIMIT} requests in any second get a global 429 with a
 * `retry_after`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How long a nonce is folded into its first message (Discord: a few minutes). */
const NONCE_WINDOW_MS = 5 * 60_000;
/** Discord's global limit, requests per any one second. */
const GLOBAL_LIMIT = 50;
const POST_ROUTE = /^\/api\/v10\/channels\/(\d+)\/messages$/;

/** What the fake saw. */
export interface SimDiscordCounts {
  /** Messages created per `channel/nonce` (more than 1 is a duplicate post). */
  created: Map<string, number>;
  /** Arrival time (epoch ms) of each accepted post that created a message. */
  createdAt: number[];
  /** Requests answered with a 429. */
  rateLimited: number;
  /** Requests that repeated a nonce and got the first message back. */
  folded: number;
}

/** A running fake Discord. */
export interface SimDiscord {
  /** REST base URL for discord.js (`…/api`). */
  apiUrl: string;
  counts: SimDiscordCounts;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Start the fake on a free 127.0.0.1 port. */
export async function startSimDiscord(): Promise<SimDiscord> {
  const counts: SimDiscordCounts = { created: new Map(), createdAt: [], rateLimited: 0, folded: 0 };
  const firstMessage = new Map<string, { id: string; at: number }>();
  const recent: number[] = [];
  let nextId = 1_300_000_000_000_000_000n;
  const overLimit = (now: number): boolean => {
    while (recent.length && now - recent[0]! >= 1000) recent.shift();
    if (recent.length >= GLOBAL_LIMIT) return true;
    recent.push(now);
    return false;
  };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const now = Date.now();
      if (overLimit(now)) {
        counts.rateLimited++;
        const retryAfter = Math.max(0.001, (recent[0]! + 1000 - now) / 1000);
        answer(response, 429, { message: 'You are being rate limited.', retry_after: retryAfter, global: true, code: 0 },
          { 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
        return;
      }
      const path = (request.url ?? '').split('?')[0]!;
      const match = POST_ROUTE.exec(path);
      if (!match) return answer(response, 404, { message: 'Unknown route', code: 0 });
      const channelId = match[1]!;
      if (request.method === 'GET') return answer(response, 200, []);
      if (request.method !== 'POST') return answer(response, 405, { message: 'Method not allowed', code: 0 });
      const { nonce } = JSON.parse(body) as { nonce?: string };
      const key = `${channelId}/${nonce ?? ''}`;
      const first = firstMessage.get(key);
      if (nonce && first && now - first.at < NONCE_WINDOW_MS) {
        counts.folded++;
        return answer(response, 200, { id: first.id, channel_id: channelId, nonce, content: '', embeds: [] });
      }
      const id = String(nextId++);
      firstMessage.set(key, { id, at: now });
      counts.created.set(key, (counts.created.get(key) ?? 0) + 1);
      counts.createdAt.push(now);
      answer(response, 200, { id, channel_id: channelId, nonce, content: '', embeds: [] });
    })().catch(() => answer(response, 500, { message: 'fake failed', code: 0 }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    counts,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
