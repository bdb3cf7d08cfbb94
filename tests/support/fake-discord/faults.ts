import type { FaultSpec, RequestMatcher } from './types';

interface PendingFault {
  matcher: RequestMatcher;
  response: FaultSpec;
  remaining: number;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  0: 'General error',
  10003: 'Unknown Channel',
  10008: 'Unknown Message',
  10062: 'Unknown interaction',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
};

/** True when a request (method, path, route) satisfies every field of the matcher. */
export function matches(m: RequestMatcher, method: string, path: string, route: string | null): boolean {
  if (m.method && m.method.toUpperCase() !== method) return false;
  if (m.route && m.route !== route) return false;
  if (m.path instanceof RegExp && !m.path.test(path)) return false;
  if (typeof m.path === 'string' && m.path !== path) return false;
  return true;
}

/** An answer ready to be written: status, headers and JSON body. */
export interface CannedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Turn a fault into the exact answer Discord would give (headers included). */
export function faultResponse(f: FaultSpec): CannedResponse {
  if (f.status === 429) {
    const retryAfter = f.retryAfter ?? 0.1;
    const scope = f.scope ?? 'user';
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': 'fakebucket0000000000000000000000',
      'x-ratelimit-scope': scope,
    };
    if (scope === 'global') headers['x-ratelimit-global'] = 'true';
    const where = f.retryAfterIn ?? 'both';
    return {
      status: 429, headers: where === 'body' ? {} : headers,
      body: { message: 'You are being rate limited.', ...(where === 'header' ? {} : { retry_after: retryAfter }), global: scope === 'global', code: 0 },
    };
  }
  const code = f.code ?? (f.status === 403 ? 50013 : f.status === 404 ? 10003 : 0);
  const message = f.message ?? (f.status >= 500 ? `${f.status}: Internal Server Error` : DEFAULT_MESSAGES[code] ?? 'Error');
  return { status: f.status, headers: {}, body: { message, code } };
}

/** Queue of injected failures, consumed in order by matching requests. */
export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  /** Make the next `times` matching requests fail with `response`. */
  add(matcher: RequestMatcher, response: FaultSpec, times = 1): void {
    this.pending.push({ matcher, response, remaining: times });
  }

  /** Consume one fault for this request, if any matches. */
  take(method: string, path: string, route: string | null): FaultSpec | null {
    const i = this.pending.findIndex((p) => matches(p.matcher, method, path, route));
    if (i < 0) return null;
    const p = this.pending[i]!;
    p.remaining -= 1;
    if (p.remaining <= 0) this.pending.splice(i, 1);
    return p.response;
  }

  /** How many injected failures are still waiting. */
  get size(): number {
    return this.pending.reduce((n, p) => n + p.remaining, 0);
  }

  /** Forget every pending fault. */
  clear(): void {
    this.pending.length = 0;
  }
}
