/**
 * The contract between the web fetcher (safe HTTP client) and what reads the
 * web through it (page extraction, feed polling). One shape, one place.
 */

/** What a caller asks of one fetch. */
export interface FetchRequest {
  /** An absolute http(s) URL typed by a user or found in a feed. */
  url: string;
  /** Sent as `Accept`. */
  accept?: string;
  /** Conditional GET: the ETag of the last 200. */
  etag?: string;
  /** Conditional GET: the Last-Modified of the last 200. */
  lastModified?: string;
  /** Cap on the body in bytes; larger bodies fail with `too-large`. */
  maxBytes?: number;
  /** Cap on the whole fetch (every redirect hop included), in milliseconds. */
  timeoutMs?: number;
  /** Aborts the fetch (e.g. on shutdown). */
  signal?: AbortSignal;
}

/** A fetch that got an HTTP answer (any status). */
export interface FetchedResource {
  /** The URL finally answered, after redirects. */
  url: string;
  /** The URL to keep for next time: the last URL reached through permanent (301/308) redirects only. */
  permanentUrl: string;
  status: number;
  /** Response headers, names lower-case. */
  headers: Record<string, string>;
  /** The raw body bytes (empty for 304). Decode with the charset helper, never as UTF-8 blindly. */
  body: Uint8Array;
}

/** Why a fetch got no usable HTTP answer. */
export type FetchFailureReason =
  | 'bad-url' // not an absolute http(s) URL
  | 'refused-address' // resolves to (or redirects to) a loopback/private/link-local/multicast/metadata address not allowed
  | 'too-large'
  | 'timeout'
  | 'too-many-redirects'
  | 'bad-body' // the server answered, but its compressed body (gzip, deflate, br) could not be unpacked
  | 'network'; // DNS failure, connection refused or reset, TLS error

/** Thrown by a {@link Fetcher} when there is no HTTP answer to return. Its message is one line, safe to show a user. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(readonly reason: FetchFailureReason, message: string, readonly url: string) {
    super(message);
  }
}

/** The one way the product reaches the web. */
export type Fetcher = (request: FetchRequest) => Promise<FetchedResource>;
