import type { ChannelMessage } from './poster';

/** Discord's epoch (2015-01-01), for the time inside a snowflake. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/** The creation time (epoch ms) a message id carries, or NaN for a malformed one. */
export function snowflakeTime(id: string): number {
  return /^\d{1,20}$/.test(id) ? Number((BigInt(id) >> 22n) + DISCORD_EPOCH) : Number.NaN;
}

/** The fields of a message from `GET /channels/{id}/messages` that tell our post apart. */
export interface HistoryMessage {
  id: string;
  nonce?: string | number | null;
  content?: string;
  embeds?: Array<{ title?: string; url?: string; footer?: { text?: string } }>;
}

/**
 * What identifies the post of one article: its first embed's title, link and
 * footer (source, date, language), with the content. Discord does not return
 * a message's nonce in history, so this is what the history is searched for.
 */
export function postSignature(message: Pick<HistoryMessage, 'content' | 'embeds'>): string {
  const embed = message.embeds?.[0];
  // White space folded: what Discord stores may be trimmed where the payload was not.
  const fold = (text: string | undefined): string => (text ?? '').replace(/\s+/gu, ' ').trim();
  return JSON.stringify([fold(message.content), fold(embed?.title), fold(embed?.url), fold(embed?.footer?.text)]);
}

/** True when a message of the history is our post: the same nonce, or else the same signature. */
export function isOurPost(candidate: HistoryMessage, message: ChannelMessage, nonce: string): boolean {
  if (candidate.nonce !== undefined && candidate.nonce !== null && String(candidate.nonce) === nonce) return true;
  return postSignature(candidate) === postSignature(message);
}
