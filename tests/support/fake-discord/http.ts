import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseBody, readRaw } from './body';
import { faultResponse, type FaultQueue } from './faults';
import { matchRoute } from './routes';
import type { RecordedRequest } from './types';
import { rateLimitHeaders, withoutOptionalMessageFields, withUnknownFields, type RateLimitHeaders } from './variants';
import type { RestResult, World } from './world';

const PREFIX = '/api/v10';

/** Settings of the REST server that tests may change while it runs. */
export interface RestControls {
  token: string;
  faults: FaultQueue;
  /** Extra delay before every REST answer, in ms. */
  latencyMs: number;
  /** Delay before Discord handles each REST request (it reaches Discord late: a callback sent at t lands at t + this), in ms. */
  requestLatencyMs?: number;
  /** Where every request is recorded. */
  requests: RecordedRequest[];
  /** Errors thrown by handlers (a bug in the fake or an unexpected body). */
  handlerErrors: Error[];
  /** Add an unknown field to every object of every JSON answer (default false). */
  unknownFields?: boolean;
  /** Rate-limit headers on successful answers (default `none`). */
  rateLimitHeaders?: RateLimitHeaders;
  /** Answer message objects without their optional fields (nonce echo, embeds, components, mentions…; default false). */
  sparseMessages?: boolean;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (k === 'authorization' || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function send(res: ServerResponse, result: RestResult, c: RestControls, route: string | null): void {
  if (result.reset) {
    res.socket?.resetAndDestroy();
    return;
  }
  const limits = result.status < 300 ? rateLimitHeaders(c.rateLimitHeaders ?? 'none', route) : {};
  const headers: Record<string, string> = { via: '1.1 fake-discord', ...limits, ...(result.headers ?? {}) };
  if (result.body === undefined) {
    res.writeHead(result.status, headers).end();
    return;
  }
  const body = c.sparseMessages ? withoutOptionalMessageFields(result.body) : result.body;
  const json = JSON.stringify(c.unknownFields ? withUnknownFields(body) : body);
  res.writeHead(result.status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function answer(req: IncomingMessage, world: World, c: RestControls): Promise<RestResult & { route: string | null }> {
  if (c.requestLatencyMs) await sleep(c.requestLatencyMs);
  const time = Date.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const full = url.pathname;
  const path = full.startsWith(PREFIX) ? full.slice(PREFIX.length) || '/' : full;
  const parsed = await parseBody(await readRaw(req), req.headers['content-type']);
  const authHeader = req.headers.authorization;
  const auth: RecordedRequest['auth'] = authHeader === undefined ? 'missing' : authHeader === `Bot ${c.token}` ? 'ok' : 'bad';
  const matched = full.startsWith(PREFIX) ? matchRoute(method, path) : null;
  const record: RecordedRequest = {
    method, path, query: Object.fromEntries(url.searchParams), route: matched?.route.template ?? null,
    body: parsed.body, headers: headersOf(req), auth, status: 0, injected: false, time,
    ...(parsed.files ? { files: parsed.files } : {}),
  };
  c.requests.push(record);
  let holdMs = 0;
  const result = ((): RestResult => {
    if (!matched) return { status: 404, body: { message: '404: Not Found', code: 0 } };
    if (auth === 'bad' || (auth === 'missing' && !matched.route.tokenAuth)) {
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    }
    const fault = c.faults.take(method, path, matched.route.template);
    if (fault && !fault.afterHandling && !fault.emptyBody && fault.delayMs === undefined) {
      record.injected = true;
      return fault.reset ? { status: 0, reset: true } : faultResponse(fault);
    }
    if (parsed.error) return { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
    let handled: RestResult;
    try {
      handled = matched.route.handler({ method, path, params: matched.params, query: record.query, body: parsed.body }, world);
    } catch (e) {
      c.handlerErrors.push(e instanceof Error ? e : new Error(String(e)));
      return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    }
    if (!fault) return handled;
    if (fault.delayMs !== undefined) {
      holdMs = fault.delayMs;
      return handled;
    }
    record.injected = true;
    if (fault.emptyBody) return { status: fault.status };
    // The request took effect; its answer is lost (the connection is reset, or a proxy answers with an error instead).
    return fault.reset ? { status: 0, reset: true } : faultResponse(fault);
  })();
  record.status = result.status;
  record.response = result.body;
  if (c.latencyMs + holdMs > 0) await sleep(c.latencyMs + holdMs);
  world.signal.notify();
  return { ...result, route: record.route };
}

/** Start the REST server on 127.0.0.1 (ephemeral port). */
export function createRestServer(world: World, controls: RestControls): Server {
  return createServer((req, res) => {
    answer(req, world, controls).then((r) => send(res, r, controls, r.route), (e: unknown) => {
      controls.handlerErrors.push(e instanceof Error ? e : new Error(String(e)));
      send(res, { status: 500, body: { message: '500: Internal Server Error', code: 0 } }, controls, null);
    });
  });
}

