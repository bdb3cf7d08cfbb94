import { groupDigits } from '../../errors';
import { FetchError } from './fetch-types';
import { RefusedAddressError } from './guarded-connect';
import { BodyTooLargeError } from './read-body';

/** A `refused-address` failure that names the host refused (the original URL's, or a redirect's). */
export class AddressRefusedError extends FetchError {
  constructor(readonly host: string, url: string) {
    super('refused-address', `Refused: ${host} is a local or private address`, url);
  }
}

/** The refusal of `host` (an IP literal or a name), for the fetch of `url`. */
export function refused(host: string, url: string): FetchError {
  return new AddressRefusedError(host.replace(/^\[|\]$/g, ''), url);
}

/** Any failure as a one-line {@link FetchError}; no stack, no internals. */
export function toFetchError(error: unknown, url: string, timedOutAfter: number | undefined): FetchError {
  if (error instanceof FetchError) return error;
  const host = hostOf(url);
  if (timedOutAfter !== undefined) return new FetchError('timeout', `${host} did not answer within ${Math.round(timedOutAfter / 100) / 10} s`, url);
  const cause = findCause(error);
  if (cause instanceof RefusedAddressError) return refused(cause.host, url);
  if (cause instanceof BodyTooLargeError) return new FetchError('too-large', `The page at ${host} is over the ${groupDigits(cause.maxBytes, 'en')}-byte limit`, url);
  if (isDecompressionError(cause)) return new FetchError('bad-body', `${host} sent a damaged answer: its compressed body could not be unpacked`, url);
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

/** zlib's errors (`Z_DATA_ERROR`, `Z_BUF_ERROR`…) and brotli's (`ERR__ERROR_FORMAT_…`): a body that says it is compressed and is not, or is cut. */
function isDecompressionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(?:Z_|ERR__ERROR_)/.test(code);
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

export function clipUrl(text: string): string {
  const line = text.replace(/[\r\n\t]+/g, ' ');
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
