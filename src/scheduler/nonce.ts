import { createHash } from 'node:crypto';

/** Longest nonce Discord accepts. */
export const MAX_NONCE_LENGTH = 25;

/**
 * The nonce of the post of one article to one channel: the first 25 hex-ish
 * characters (base 36 of a SHA-256) of `channelId:articleId`.
 *
 * Why deterministic: the delivery row is written as `pending` with this nonce
 * *before* the request leaves, and the request carries `enforce_nonce: true`.
 * If the process dies after Discord created the message but before the row
 * says `sent`, the restart finds the row still `pending` and re-sends with the
 * same nonce; Discord, seeing a nonce it already has from this author within
 * its dedup window (a few minutes), returns the existing message instead of
 * creating a second one. Retries inside a run (5xx, timeouts) are covered the
 * same way. The service retries pending deliveries right at start-up so the
 * retry lands inside that window; past it (a long downtime, a schedule that
 * runs rarely), the run first looks for the post in the channel's history
 * (see `RestPoster.find`). The nonce depends only on the pair, so it
 * survives any restart without having to be read back first (it is stored
 * too, and the stored one wins).
 */
export function deliveryNonce(channelId: string, articleId: string): string {
  const digest = createHash('sha256').update(`${channelId}:${articleId}`, 'utf8').digest();
  return BigInt(`0x${digest.toString('hex')}`).toString(36).padStart(MAX_NONCE_LENGTH, '0').slice(0, MAX_NONCE_LENGTH);
}
