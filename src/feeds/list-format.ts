import { escapeMarkdown } from '../discord/text';
import { discordTime, uncertainNote } from '../scheduler/list-format';
import type { FeedRecord } from '../store/types';
import { feedName } from './messages';

/** Longest description of the list embed we fill (Discord allows 4096). */
const MAX_LIST_LENGTH = 3900;

/** One line of `/feed list`: id, title, URL, channel, last and next check, status (and why it is paused); `uncertain`: how many of its channel's posts are uncertain. */
export function feedLine(feed: FeedRecord, uncertain = 0): string {
  const url = feed.url.length > 200 ? `${feed.url.slice(0, 199)}…` : feed.url;
  const last = feed.lastCheckAt === null ? 'never checked' : `checked ${discordTime(feed.lastCheckAt)}${feed.lastDetail ? ` (${escapeMarkdown(feed.lastDetail.slice(0, 150))})` : ''}`;
  const state = feed.pausedReason ? `⏸ paused: ${escapeMarkdown(feed.pausedReason.slice(0, 300))}` : feed.failures ? `⚠️ ${feed.failures} failed checks` : '✅ active';
  const next = feed.pausedReason ? 'next: —' : `next ${discordTime(feed.nextCheckAt)}`;
  // In <…>: a link without a preview; markdown is not read inside, so the URL is not escaped (only what would end it).
  const link = url.replace(/[<>\s]/g, (char) => encodeURIComponent(char));
  return `**#${feed.id}** ${feedName(feed)} · <#${feed.channelId}>\n<${link}>\n${state} · ${last} · ${next}${uncertainNote(uncertain)}`;
}

/** The lines of `/feed list`, cut to fit one embed description. `uncertainIn` counts a channel's uncertain deliveries. */
export function feedList(feeds: readonly FeedRecord[], uncertainIn: (channelId: string) => number = () => 0): string {
  let text = '';
  for (const [i, feed] of feeds.entries()) {
    const line = feedLine(feed, uncertainIn(feed.channelId));
    const more = `\n… and ${feeds.length - i} more`;
    if (text.length + line.length + 2 + more.length > MAX_LIST_LENGTH) return `${text}${more}`;
    text += `${text ? '\n\n' : ''}${line}`;
  }
  return text;
}

/** An autocomplete choice for a feed: `#3 · Title (paused)`, at most 100 characters. */
export function feedChoiceName(feed: FeedRecord): string {
  const name = `#${feed.id} · ${feed.title || feed.url}${feed.pausedReason ? ' (paused)' : ''}`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}
