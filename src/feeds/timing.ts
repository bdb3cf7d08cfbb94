/** The longest a feed's own hints (Retry-After, Cache-Control max-age, RSS ttl) may delay its next check. */
export const MAX_HINT_MS = 3600_000;
/** The longest backoff between two failing checks. */
export const MAX_BACKOFF_MS = 6 * 3600_000;

/** Seconds of a `Retry-After` header (delta-seconds or an HTTP date), if readable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** `max-age` of a `Cache-Control` header, ms, if any (`no-cache`/`no-store` give none). */
export function maxAgeMs(value: string | undefined): number | undefined {
  const match = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)"?/i.exec(value ?? '');
  return match ? Number(match[1]) * 1000 : undefined;
}

/** What a check learnt about when to come back. */
export interface TimingHints {
  headers?: Record<string, string>;
  ttlMinutes?: number | null;
}

/**
 * When to check a healthy feed next: the minimum interval, or later when the
 * feed asks (Retry-After, Cache-Control max-age, RSS ttl); a hint counts up
 * to an hour (a longer minimum interval still wins).
 */
export function nextCheckAt(now: number, minIntervalMs: number, hints: TimingHints = {}): number {
  const asked = Math.max(
    retryAfterMs(hints.headers?.['retry-after'], now) ?? 0,
    maxAgeMs(hints.headers?.['cache-control']) ?? 0,
    (hints.ttlMinutes ?? 0) * 60_000,
  );
  return now + Math.max(minIntervalMs, Math.min(asked, MAX_HINT_MS));
}

/**
 * When to try a failing feed again: the minimum interval doubled per failure
 * in a row, or the server's Retry-After when it asks for longer; never more
 * than six hours.
 */
export function backoffCheckAt(now: number, minIntervalMs: number, failures: number, headers?: Record<string, string>): number {
  const backoff = Math.min(MAX_BACKOFF_MS, Math.max(minIntervalMs, 1000) * 2 ** Math.max(0, failures - 1));
  const asked = Math.min(retryAfterMs(headers?.['retry-after'], now) ?? 0, MAX_BACKOFF_MS);
  return now + Math.max(backoff, asked);
}
