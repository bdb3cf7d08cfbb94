import type { Awaitable, DeliveryStore } from '../store/types';
import { deliveryNonce } from './nonce';
import type { ChannelMessage, Poster } from './poster';

/** How one delivery went. */
export type DeliveryResult =
  /** Posted now (or Discord returned the message its nonce already made). */
  | { kind: 'sent'; messageId: string }
  /** Already sent, skipped or rejected before: nothing to do. */
  | { kind: 'done' }
  /** Discord (or rendering) refused this payload for good: recorded, never retried. */
  | { kind: 'rejected'; reason: string }
  /** A transient failure: recorded as failed, retried later with the same nonce. */
  | { kind: 'failed'; reason: string }
  /** Discord refuses the channel: the delivery stays pending for after a resume. */
  | { kind: 'paused'; reason: string };

/** One message to deliver exactly once to a channel. */
export interface Delivery {
  channelId: string;
  /** What the delivery is of (an article id, or a notice's own id); unique per channel. */
  articleId: string;
  /** The schedule behind it, null for feed posts and notices. */
  scheduleId: number | null;
  /** Built only when the message is really to be sent. */
  render: () => ChannelMessage;
}

/**
 * Deliver one message exactly once: record it `pending` with its
 * deterministic nonce before the request leaves, send it with
 * `enforce_nonce`, then mark it `sent` (or `failed`/`rejected`). The same
 * record and nonce as a schedule's posts, so a retry after a crash lands on
 * the message already made instead of a second one.
 */
export async function deliverOnce(delivery: Delivery, deliveries: Awaitable<DeliveryStore>, poster: Poster, now: number): Promise<DeliveryResult> {
  const { channelId, articleId } = delivery;
  const row = await deliveries.begin(channelId, articleId, delivery.scheduleId, deliveryNonce(channelId, articleId), now);
  // Not begun: already settled, or in flight in another instance's hands (never reopened).
  if (row.status !== 'pending' || row.owner !== deliveries.owner) return { kind: 'done' };
  let message: ChannelMessage;
  try {
    message = delivery.render();
  } catch (error) {
    const reason = `render failed: ${error instanceof Error ? error.message : String(error)}`;
    await deliveries.markFailed(channelId, articleId, 'rejected', reason, now);
    return { kind: 'rejected', reason };
  }
  const outcome = await poster.post(channelId, message, row.nonce);
  switch (outcome.kind) {
    case 'ok':
      await deliveries.markSent(channelId, articleId, outcome.messageId, now);
      return { kind: 'sent', messageId: outcome.messageId };
    case 'reject':
      await deliveries.markFailed(channelId, articleId, 'rejected', outcome.reason, now);
      return { kind: 'rejected', reason: outcome.reason };
    case 'pause':
      return { kind: 'paused', reason: outcome.reason };
    default:
      await deliveries.markFailed(channelId, articleId, 'failed', outcome.reason, now);
      return { kind: 'failed', reason: outcome.reason };
  }
}
