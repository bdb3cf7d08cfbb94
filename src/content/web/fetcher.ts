import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import packageJson from '../../../package.json';
import { createAddressPolicy, isIpLiteral, type AddressPolicy } from './address-policy';
import { DEFAULT_FETCH_MAX_BYTES, DEFAULT_FETCH_TIMEOUT_MS } from './fetch-defaults';
import { FetchError, type FetchedResource, type Fetcher, type FetchRequest } from './fetch-types';
import { clipUrl, refused, toFetchError } from './fetch-errors';
import { guardedConnector, systemResolver, type Resolver } from './guarded-connect';
import { CONNECTIONS_PER_HOST, HostQueues } from './host-queues';
import { BodyTooLargeError, discard, readBody } from './read-body';

/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;
export { AddressRefusedError } from './fetch-errors';
export { CONNECTIONS_PER_HOST } from './host-queues';

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
