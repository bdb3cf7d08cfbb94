import { buildMessage } from '../discord/message';
import { escapeMarkdown, oneLine } from '../discord/text';
import type { ChannelMessage } from '../scheduler/poster';
import type { FeedRecord } from '../store/types';

/** The feed's name for a message: its title, else its URL; escaped, one line, bounded. */
export function feedName(feed: Pick<FeedRecord, 'title' | 'url'>): string {
  const name = oneLine(feed.title || feed.url);
  return escapeMarkdown(name.length > 120 ? `${name.slice(0, 119)}…` : name);
}

/** The notice posted once in a feed's channel when the feed is paused: why, and how to resume. */
export function feedPausedMessage(feed: FeedRecord, reason: string): ChannelMessage {
  const why = escapeMarkdown(oneLine(reason)).slice(0, 500);
  return buildMessage({ content: `⏸️ The feed **${feedName(feed)}** (#${feed.id}) is paused: ${why}. Check its address, then resume it with \`/feed resume feed:${feed.id}\` (or remove it with \`/feed remove\`).` });
}
