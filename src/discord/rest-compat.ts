import { DefaultRestOptions, type RESTOptions, type ResponseLike } from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

/** Longest wait taken from a 429 body, seconds (a bogus value must not stall the bot for hours). */
const MAX_BODY_RETRY_AFTER_S = 60;
/** Wait used when a 429 says nothing about how long to wait, seconds. */
const FALLBACK_RETRY_AFTER_S = 1;

/** The fields of a 429 JSON body, or null when it is not a JSON object. */
function rateLimitBody(text: string): { retry_after?: unknown; global?: unknown } | null {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null ? body : null;
  } catch {
    return null;
  }
}

/** `retry_after` (seconds) of a 429 JSON body, if it has a usable one. */
export function retryAfterFromBody(text: string): number | undefined {
  const value = rateLimitBody(text)?.retry_after;
  const seconds = typeof value === 'string' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_BODY_RETRY_AFTER_S) : undefined;
}

/** True when a 429 JSON body says the limit is the global one (`"global": true`). */
export function globalFromBody(text: string): boolean {
  return rateLimitBody(text)?.global === true;
}

/**
 * Wrap discord.js's request function so that a 429 without a `Retry-After`
 * header still makes discord.js wait: the wait comes from the JSON body's
 * `retry_after` (Discord sends both; some proxies and stand-ins only the
 * body), else one second. discord.js reads only the header, and without it
 * retries a 429 at once and forever. Likewise a body's `"global": true`
 * without `X-RateLimit-Global` is made the header (the scheduler then holds
 * every post, not only this channel's). Other responses pass through untouched.
 */
export function honourBodyRetryAfter(base: MakeRequest = DefaultRestOptions.makeRequest): MakeRequest {
  return async (url, init) => {
    const res = await base(url, init);
    const hasWait = Boolean(res.headers.get('retry-after'));
    const hasGlobal = res.headers.has('x-ratelimit-global');
    if (res.status !== 429 || (hasWait && hasGlobal)) return res;
    const text = await res.text();
    const headers = new Headers(res.headers as unknown as Headers);
    if (!hasWait) headers.set('retry-after', String(retryAfterFromBody(text) ?? FALLBACK_RETRY_AFTER_S));
    if (!hasGlobal && globalFromBody(text)) headers.set('x-ratelimit-global', 'true');
    const buffered: ResponseLike = {
      body: null,
      bodyUsed: false,
      headers: headers as ResponseLike['headers'],
      ok: false,
      status: res.status,
      statusText: res.statusText,
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    };
    return buffered;
  };
}
