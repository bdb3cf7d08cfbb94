import type { Awaitable, DeliveryRecord, DeliveryStore } from '../store/types';
import { DEFAULT_DELIVERY_LEASE_MS } from '../store/rows';
import { deliveryNonce } from './nonce';
import type { FindOutcome, PostOutcome } from './outcome';
import { withTimeout } from './pool';
import { DEFAULT_NONCE_WINDOW_MS, type ChannelMessage, type Poster } from './poster';

/** Longest wait for one send (a look in the history and the post, with the poster's own retries), ms, unless a caller says otherwise. */
export const SEND_TIMEOUT_MS = 60_000;

/** How one delivery went. */
export type DeliveryResult =
  /** Posted now, found already posted in the history, or returned by Discord for a nonce it had. */
  | { kind: 'sent'; messageId: string }
  /** Already sent, skipped or rejected, or in flight in another worker's hands under its lease: nothing to do. */
  | { kind: 'done' }
  /** Discord (or rendering) refused this payload for good: recorded, never retried. */
  | { kind: 'rejected'; reason: string }
  /** A transient failure: recorded as failed, retried later with the same nonce (and a look in the history first). */
  | { kind: 'failed'; reason: string }
  /** Discord refuses the channel: recorded as not sent, retried after a resume. */
  | { kind: 'paused'; reason: string }
  /** It may have landed and the history cannot tell: recorded `uncertain`, checked again at the next run, never posted blind. */
  | { kind: 'uncertain'; reason: string }
  /** This worker's lease ran out and another took the delivery over: nothing recorded here; the other worker settles it. */
  | { kind: 'superseded' };

/** One message to deliver exactly once to a channel. */
export interface Delivery {
  channelId: string;
  /** What the delivery is of (an article id, or a notice's own id); unique per channel. */
  articleId: string;
  /** The schedule behind it, null for feed posts and notices. */
  scheduleId: number | null;
  /** Key of the article's content (see `LibraryArticle.contentKey`), recorded on the row. */
  contentKey?: string | null;
  /** Built only when the message is really to be sent. */
  render: () => ChannelMessage;
}

/** What delivering needs: the record, the poster, and how long things may take. */
export interface DeliveryDeps {
  deliveries: Awaitable<DeliveryStore>;
  poster: Poster;
  /**
   * How long Discord folds a repeated nonce, ms (default 5 minutes). A
   * delivery left pending or failed longer ago than this is looked for in
   * the channel's history before it is posted again.
   */
  nonceWindowMs?: number;
  /** Look in the history before re-sending (default true; false only to show what happens without). */
  reconcile?: boolean;
  /** How long a claimed delivery is this worker's, ms (default `DEFAULT_DELIVERY_LEASE_MS`). */
  leaseMs?: number;
  /** Longest wait for one send, ms (default {@link SEND_TIMEOUT_MS}); always kept under half the lease. */
  sendTimeoutMs?: number;
}

/**
 * A clock that starts at `start` (a run's or a check's time) and runs on with
 * the monotonic clock: each delivery of a long run is leased from when it
 * really begins, not from when the run did, and a test's made-up time stays
 * made-up.
 */
export function runningClock(start: number): () => number {
  const origin = performance.now();
  return () => start + Math.round(performance.now() - origin);
}

/** Prefix of the error of a delivery that certainly did not land (Discord refused the channel). */
const NOT_SENT = 'not sent: ';

/** True when an earlier attempt of this delivery may have created the message (unknown end, a transient failure, or uncertain). */
function mayHaveLanded(previous: DeliveryRecord | undefined): previous is DeliveryRecord {
  if (!previous) return false;
  if (previous.status === 'pending' || previous.status === 'uncertain') return true;
  return previous.status === 'failed' && !previous.error?.startsWith(NOT_SENT);
}

function fromFind(found: FindOutcome): PostOutcome | undefined {
  if (found.kind === 'found') return { kind: 'ok', messageId: found.messageId };
  if (found.kind === 'forbidden' || found.kind === 'unknown') return { kind: 'uncertain', reason: found.reason };
  if (found.kind === 'retry') return found;
  return undefined;
}

/**
 * Post the message, or find that an earlier attempt already did: an attempt
 * that may have landed and is older than the nonce window (Discord no longer
 * folds its nonce), or one left uncertain, is first looked for in the
 * channel's history. Found → that message; absent → posted once; the
 * history unreadable → uncertain (never posted blind).
 */
async function send(deps: DeliveryDeps, channelId: string, message: ChannelMessage, nonce: string, previous: DeliveryRecord | undefined, now: number): Promise<PostOutcome> {
  const window = deps.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS;
  if (deps.reconcile !== false && mayHaveLanded(previous) && (previous.status === 'uncertain' || now - previous.updatedAt >= window)) {
    if (!deps.poster.find) {
      if (previous.status === 'uncertain') return { kind: 'uncertain', reason: previous.error ?? 'an earlier post cannot be checked' };
    } else {
      const known = fromFind(await deps.poster.find(channelId, message, nonce, previous.createdAt));
      if (known) return known;
    }
  }
  return deps.poster.post(channelId, message, nonce);
}

/** The send timeout in force: the caller's (or the default), but never more than half the lease. */
function sendTimeout(deps: DeliveryDeps): number {
  return Math.min(deps.sendTimeoutMs ?? SEND_TIMEOUT_MS, (deps.leaseMs ?? DEFAULT_DELIVERY_LEASE_MS) / 2);
}

/**
 * Deliver one message exactly once, the one way every post goes (scheduled
 * articles, feed items, notices):
 * 1. claim the delivery row as `pending` with this worker as owner under a
 *    lease (`DeliveryStore.begin`); a row another worker holds is left alone;
 * 2. send it with its deterministic nonce and `enforce_nonce` (see
 *    {@link deliveryNonce}), bounded by a timeout shorter than the lease,
 *    after a look in the history when an earlier attempt may have landed
 *    beyond the nonce window (see {@link send});
 * 3. record the outcome only if this worker still holds the row (a worker
 *    whose lease ran out and was taken over changes nothing).
 * Never throws for Discord errors; a render error rejects the delivery.
 */
export async function deliverOnce(delivery: Delivery, deps: DeliveryDeps, now: number): Promise<DeliveryResult> {
  const { channelId, articleId } = delivery;
  const { deliveries } = deps;
  const previous = await deliveries.get(channelId, articleId);
  const row = await deliveries.begin(channelId, articleId, delivery.scheduleId, deliveryNonce(channelId, articleId), now, delivery.contentKey ?? null, deps.leaseMs ?? DEFAULT_DELIVERY_LEASE_MS);
  if (!row.claimed) return { kind: 'done' };
  let message: ChannelMessage;
  try {
    message = delivery.render();
  } catch (error) {
    const reason = `render failed: ${error instanceof Error ? error.message : String(error)}`;
    return (await deliveries.markFailed(channelId, articleId, 'rejected', reason, now)) ? { kind: 'rejected', reason } : { kind: 'superseded' };
  }
  const timeoutMs = sendTimeout(deps);
  const outcome = await withTimeout(send(deps, channelId, message, row.nonce, previous, now), timeoutMs, (): PostOutcome => ({ kind: 'retry', reason: `no answer from Discord within ${timeoutMs / 1000} s` }));
  return record(deliveries, delivery, outcome, now);
}

/** Write a send's outcome to the row, if this worker still holds it. */
async function record(deliveries: Awaitable<DeliveryStore>, { channelId, articleId }: Delivery, outcome: PostOutcome, now: number): Promise<DeliveryResult> {
  let held: boolean;
  let result: DeliveryResult;
  switch (outcome.kind) {
    case 'ok':
      held = await deliveries.markSent(channelId, articleId, outcome.messageId, now);
      result = { kind: 'sent', messageId: outcome.messageId };
      break;
    case 'reject':
      held = await deliveries.markFailed(channelId, articleId, 'rejected', outcome.reason, now);
      result = { kind: 'rejected', reason: outcome.reason };
      break;
    case 'uncertain':
      held = await deliveries.markFailed(channelId, articleId, 'uncertain', outcome.reason, now);
      result = { kind: 'uncertain', reason: outcome.reason };
      break;
    case 'pause':
      // Refused: it did not land. After a resume it is retried with the same nonce, without a look in the history.
      held = await deliveries.markFailed(channelId, articleId, 'failed', `${NOT_SENT}${outcome.reason}`, now);
      result = { kind: 'paused', reason: outcome.reason };
      break;
    default:
      held = await deliveries.markFailed(channelId, articleId, 'failed', outcome.reason, now);
      result = { kind: 'failed', reason: outcome.reason };
  }
  return held ? result : { kind: 'superseded' };
}

