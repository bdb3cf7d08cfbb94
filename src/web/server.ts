import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../logger';
import type { HttpReplies } from './http-replies';
import { fallbackAnswer, isKnownInteractionType } from './fallback-answer';
import { isSignedByDiscord } from './signature';

/** An interaction as Discord POSTs it (only the fields the endpoint itself reads). */
export interface RawInteraction {
  id: string;
  type: number;
  [field: string]: unknown;
}

/** Options of {@link createInteractionServer}. */
export interface InteractionServerOptions {
  /** The application's public key ({@link publicKeyFromHex}). */
  publicKey: KeyObject;
  replies: HttpReplies;
  /** Runs a verified interaction (any type but PING) through the bot's router; resolves when the router is done. */
  handle(interaction: RawInteraction): Promise<void>;
  /** Answers `GET /healthz` with 200 once true (a load balancer sends traffic only then). */
  isReady(): boolean;
  logger: Logger;
  /** Clock for the timestamp check, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Longest wait for the first callback before answering "something went wrong", ms (default 2900: Discord gives up at 3 s). */
  answerWithinMs?: number;
}

/** Largest request body accepted (interactions with resolved data are a few KB). */
export const MAX_BODY_BYTES = 1_000_000;
/** PING → PONG. */
const PONG = JSON.stringify({ type: 1 });
/** The only body type Discord sends (a charset parameter allowed). */
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

class TooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType = 'text/plain; charset=utf-8'): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function parseInteraction(body: Buffer): RawInteraction | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as Partial<RawInteraction> | null;
    return value && typeof value.id === 'string' && /^\d{1,20}$/.test(value.id) && typeof value.type === 'number' ? (value as RawInteraction) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Discord's HTTP interactions endpoint (`POST /interactions`): verifies the
 * Ed25519 signature and the timestamp (401 otherwise), answers PING with PONG,
 * and runs every other interaction through the same router as the gateway,
 * answering with its first callback (a reply, a deferral, autocomplete
 * choices). What it cannot take gets a 4xx with a JSON `{"error"}` and one
 * warning line (never the body): a body over {@link MAX_BODY_BYTES} 413, a
 * body that is not JSON 415, JSON that is not an interaction 400, an
 * interaction type it does not know 400. An interaction the router leaves
 * unanswered (it failed, or could not even defer in time) gets the one-line
 * ephemeral "something went wrong" in the user's language (no choices for an
 * autocomplete), never a 500. Keeps nothing between requests: any number of
 * replicas can sit behind a load balancer. `GET /healthz` is 200 once the bot is ready.
 */
export function createInteractionServer(options: InteractionServerOptions): Server {
  const log = options.logger.child({ component: 'interactions-http' });
  const now = options.now ?? Date.now;
  const answerWithinMs = options.answerWithinMs ?? 2900;

  const refuse = (res: ServerResponse, status: number, reason: string, fields: Record<string, unknown>): void => {
    log.warn(fields, `interaction refused (${status}): ${reason}`);
    send(res, status, JSON.stringify({ error: reason }), 'application/json');
  };

  const answer = async (interaction: RawInteraction, res: ServerResponse): Promise<void> => {
    const pending = options.replies.expect(interaction.id);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), answerWithinMs)));
    const handled = options.handle(interaction).then(() => 'unanswered' as const, (error: unknown) => {
      log.error({ err: error, interactionId: interaction.id }, 'interaction handler failed');
      return 'unanswered' as const;
    });
    const outcome = await Promise.race([pending.reply, late, handled]);
    clearTimeout(timer);
    pending.cancel();
    if (typeof outcome === 'object') return send(res, 200, outcome.body, outcome.contentType);
    const fallback = fallbackAnswer(interaction, (labels) => labels.genericError);
    const fields = { interactionId: interaction.id, type: interaction.type, outcome };
    if (fallback === undefined) return refuse(res, 400, 'interaction type not supported', fields);
    log.warn(fields, 'interaction not answered in time over HTTP: answered "something went wrong"');
    send(res, 200, fallback, 'application/json');
  };

  const receive = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const remote = req.socket.remoteAddress;
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      // The rest of the body is not read: this connection cannot carry another request.
      res.shouldKeepAlive = false;
      if (error instanceof TooLarge) return refuse(res, 413, `body over ${MAX_BODY_BYTES} bytes`, { remote, contentLength: req.headers['content-length'] });
      return refuse(res, 400, 'body could not be read', { remote });
    }
    const signed = { signature: req.headers['x-signature-ed25519'] as string | undefined, timestamp: req.headers['x-signature-timestamp'] as string | undefined, body };
    if (!isSignedByDiscord(signed, options.publicKey, now())) {
      log.warn({ remote }, 'interaction refused: bad signature or stale timestamp');
      return send(res, 401, 'invalid request signature');
    }
    if (!JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? '')) return refuse(res, 415, 'body must be application/json', { remote, contentType: req.headers['content-type']?.slice(0, 100) });
    const interaction = parseInteraction(body);
    if (!interaction) return refuse(res, 400, 'body is not an interaction', { remote, bytes: body.length });
    if (interaction.type === 1) return send(res, 200, PONG, 'application/json');
    if (!isKnownInteractionType(interaction.type)) return refuse(res, 400, 'interaction type not supported', { interactionId: interaction.id, type: interaction.type });
    await answer(interaction, res);
  };

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (req.method === 'GET' && path === '/healthz') return send(res, options.isReady() ? 200 : 503, options.isReady() ? 'ok' : 'starting');
    if (path !== '/interactions') return send(res, 404, 'not found');
    if (req.method !== 'POST') return send(res, 405, 'method not allowed');
    receive(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'interactions endpoint failed');
      send(res, 500, 'error');
    });
  });
}
