import type { Readable } from 'node:stream';
import PQueue from 'p-queue';
import { Agent, request } from 'undici';
import packageJson from '../../../package.json';
import { createAddressPolicy, isIpLiteral, type AddressPolicy } from './address-policy';
import { DEFAULT_FETCH_MAX_BYTES, DEFAULT_FETCH_TIMEOUT_MS } from './fetch-defaults';
import { FetchError, type FetchedResource, type Fetcher, type FetchRequest } from './fetch-types';
import { guardedConnector, RefusedAddressError, systemResolver, type Resolver } from './guarded-connect';
import { BodyTooLargeError, discard, readBody } from './read-body';

/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;
/** Connections open at once to one host. */
export const CONNECTIONS_PER_HOST = 2;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/** How the fetcher is set up (from configuration, in the composition root). */
export interface FetcherOptions {
  /** IPs or CIDR ranges reachable although local or private (`FETCH_ALLOW_ADDRESSES`). */
  allowAddresses?: readonly string[];
  /** Sent as `User-Agent`; default {@link userAgent}(). */
  userAgent?: string;
  /** Body cap when a request gives none. */
  maxBytes?: number;
  /** Whole-fetch timeout when a request gives none. */
  timeoutMs?: number;
  /** DNS resolution (tests point names at chosen addresses). */
  resolver?: Resolver;
}

/** A {@link Fetcher} that owns connections: `close()` them on shutdown. */
export type SafeFetcher = Fetcher & { close(): Promise<void> };

/** The honest User-Agent: `Briefing/<version> (Discord news-briefing bot; +<contact>)`. */
export function userAgent(contact?: string): string {
  return `Briefing/${packageJson.version} (Discord news-briefing bot${contact ? `; +${contact}` : ''})`;
}

/**
 * The one way the product reaches the web: http(s) only, every address
 * checked (after DNS, on the socket actually connected, each redirect hop),
 * redirects followed by hand, body and time capped, at most
 * {@link CONNECTIONS_PER_HOST} connections per host.
 */
export function createFetcher(options: FetcherOptions = {}): SafeFetcher {
  const policy = createAddressPolicy(options.allowAddresses);
  const agent = new Agent({ connect: guardedConnector(policy, options.resolver ?? systemResolver, { timeout: 10_000 }), connections: CONNECTIONS_PER_HOST });
  const queues = new HostQueues();
  const settings = { policy, agent, queues, userAgent: options.userAgent ?? userAgent(), maxBytes: options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES };
  const defaultTimeout = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const fetcher = async (req: FetchRequest): Promise<FetchedResource> => {
    const timeoutMs = req.timeoutMs ?? defaultTimeout;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      return await followRedirects(req, signal, settings);
    } catch (error) {
      throw toFetchError(error, req.url, timeout.aborted ? timeoutMs : undefined);
    }
  };
  return Object.assign(fetcher, { close: () => agent.close() });
}

interface Settings {
  policy: AddressPolicy;
  agent: Agent;
  queues: HostQueues;
  userAgent: string;
  maxBytes: number;
}

async function followRedirects(req: FetchRequest, signal: AbortSignal, settings: Settings): Promise<FetchedResource> {
  let url = checkUrl(req.url, req.url, settings.policy);
  let permanentUrl = url.href;
  let stillPermanent = true;
  for (let hop = 0; ; hop++) {
    const answer = await settings.queues.run(url.hostname, signal, () => fetchOnce(url, req, signal, settings));
    const location = answer.headers.location;
    if (!REDIRECTS.has(answer.status) || !location) return { ...answer, permanentUrl };
    if (hop >= MAX_REDIRECTS) throw new FetchError('too-many-redirects', `Too many redirects (more than ${MAX_REDIRECTS}) from ${req.url}`, req.url);
    stillPermanent &&= PERMANENT.has(answer.status);
    url = checkUrl(resolveLocation(location, url, req.url), req.url, settings.policy);
    if (stillPermanent) permanentUrl = url.href;
  }
}

async function fetchOnce(url: URL, req: FetchRequest, signal: AbortSignal, settings: Settings): Promise<Omit<FetchedResource, 'permanentUrl'>> {
  const response = await request(url, { dispatcher: settings.agent, method: 'GET', headers: requestHeaders(req, settings.userAgent), signal });
  const headers = flattenHeaders(response.headers);
  const body = response.body as unknown as Readable;
  if (REDIRECTS.has(response.statusCode) && headers.location) {
    await response.body.dump();
    return { url: url.href, status: response.statusCode, headers, body: new Uint8Array() };
  }
  const maxBytes = req.maxBytes ?? settings.maxBytes;
  const declared = Number(headers['content-length']);
  if (!headers['content-encoding'] && Number.isFinite(declared) && declared > maxBytes) {
    discard(body);
    throw new BodyTooLargeError(maxBytes);
  }
  const bytes = response.statusCode === 304 ? (await response.body.dump(), new Uint8Array()) : await readBody(body, headers['content-encoding'], maxBytes);
  return { url: url.href, status: response.statusCode, headers, body: bytes };
}

function requestHeaders(req: FetchRequest, agentName: string): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': agentName,
    accept: req.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  return headers;
}

/** Parse and check one URL: absolute http(s), and a literal IP must be allowed. */
function checkUrl(text: string, original: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('bad-url', `Not a web address: ${clipUrl(text)}`, original);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad-url', `Only http and https links can be fetched, not ${url.protocol.replace(/:$/, '')}`, original);
  if (url.username || url.password) throw new FetchError('bad-url', 'Links with a user name or password are not fetched', original);
  if (isIpLiteral(url.hostname) && !policy.allows(url.hostname)) throw refused(url.hostname, original);
  url.hash = '';
  return url;
}

function resolveLocation(location: string, base: URL, original: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new FetchError('bad-url', `Bad redirect from ${base.host}`, original);
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** A `refused-address` failure that names the host refused (the original URL's, or a redirect's). */
export class AddressRefusedError extends FetchError {
  constructor(readonly host: string, url: string) {
    super('refused-address', `Refused: ${host} is a local or private address`, url);
  }
}

function refused(host: string, url: string): FetchError {
  return new AddressRefusedError(host.replace(/^\[|\]$/g, ''), url);
}

/** Any failure as a one-line {@link FetchError}; no stack, no internals. */
function toFetchError(error: unknown, url: string, timedOutAfter: number | undefined): FetchError {
  if (error instanceof FetchError) return error;
  const host = hostOf(url);
  if (timedOutAfter !== undefined) return new FetchError('timeout', `${host} did not answer within ${Math.round(timedOutAfter / 100) / 10} s`, url);
  const cause = findCause(error);
  if (cause instanceof RefusedAddressError) return refused(cause.host, url);
  if (cause instanceof BodyTooLargeError) return new FetchError('too-large', `The page at ${host} is larger than ${formatBytes(cause.maxBytes)}`, url);
  return new FetchError('network', `Could not reach ${host}: ${describeNetworkError(cause)}`, url);
}

function findCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof RefusedAddressError || current instanceof BodyTooLargeError) return current;
    if (!current.cause) break;
    current = current.cause;
  }
  return current;
}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the name could not be resolved',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  ABORT_ERR: 'cancelled',
};

function describeNetworkError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_CODES[code]) return NETWORK_CODES[code];
  if (typeof code === 'string' && /CERT|SSL|TLS/.test(code)) return 'TLS certificate error';
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  return typeof code === 'string' ? code : 'network error';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || clipUrl(url);
  } catch {
    return clipUrl(url);
  }
}

function clipUrl(text: string): string {
  const line = text.replace(/[\r\n\t]+/g, ' ');
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} KB`;
}

/** One queue per host, so at most {@link CONNECTIONS_PER_HOST} requests run against it at once; idle queues are dropped. */
class HostQueues {
  private readonly queues = new Map<string, PQueue>();

  async run<T>(host: string, signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(host);
    if (!queue) {
      queue = new PQueue({ concurrency: CONNECTIONS_PER_HOST });
      this.queues.set(host, queue);
    }
    try {
      return await queue.add(task, { signal });
    } finally {
      if (queue.size === 0 && queue.pending === 0 && this.queues.get(host) === queue) this.queues.delete(host);
    }
  }
}
