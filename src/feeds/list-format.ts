import { escapeMarkdown } from '../discord/text';
import { textIn } from '../errors';
import { discordTime, uncertainNote } from '../scheduler/list-format';
import { scheduleListTexts } from '../scheduler/messages';
import type { FeedRecord } from '../store/types';
import { feedName } from './messages';
import { feedListTexts as say } from './user-messages';

/** Longest description of the list embed we fill (Discord allows 4096). */
const MAX_LIST_LENGTH = 3900;

/**
 * One line of `/feed list`: id, title, URL, channel, last and next check,
 * status (and why it is paused); `uncertain`: how many of its channel's posts
 * are uncertain; in `language` (`ar`, `fr`; English otherwise).
 */
export function feedLine(feed: FeedRecord, uncertain = 0, language?: string): string {
  const url = feed.url.length > 200 ? `${feed.url.slice(0, 199)}…` : feed.url;
  const detail = feed.lastDetail ? ` (${escapeMarkdown(feed.lastDetail.slice(0, 150))})` : '';
  const last = textIn(feed.lastCheckAt === null ? say.neverChecked() : say.checked(discordTime(feed.lastCheckAt), detail), language);
  const state = textIn(feed.pausedReason ? scheduleListTexts.paused(escapeMarkdown(feed.pausedReason.slice(0, 300))) : feed.failures ? say.failedChecks(feed.failures) : say.active(), language);
  const next = textIn(feed.pausedReason ? say.noNext() : say.next(discordTime(feed.nextCheckAt)), language);
  // In <…>: a link without a preview; markdown is not read inside, so the URL is not escaped (only what would end it).
  const link = url.replace(/[<>\s]/g, (char) => encodeURIComponent(char));
  return `**#${feed.id}** ${feedName(feed)} · <#${feed.channelId}>\n<${link}>\n${state} · ${last} · ${next}${uncertainNote(uncertain, language)}`;
}

/** The lines of `/feed list` in `language`, cut to fit one embed description. `uncertainIn` counts a channel's uncertain deliveries. */
export function feedList(feeds: readonly FeedRecord[], uncertainIn: (channelId: string) => number = () => 0, language?: string): string {
  let text = '';
  for (const [i, feed] of feeds.entries()) {
    const line = feedLine(feed, uncertainIn(feed.channelId), language);
    const more = `\n${textIn(scheduleListTexts.more(feeds.length - i), language)}`;
    if (text.length + line.length + 2 + more.length > MAX_LIST_LENGTH) return `${text}${more}`;
    text += `${text ? '\n\n' : ''}${line}`;
  }
  return text;
}

/** An autocomplete choice for a feed: `#3 · Title (paused)` (in `language`), at most 100 characters. */
export function feedChoiceName(feed: FeedRecord, language?: string): string {
  const name = `#${feed.id} · ${feed.title || feed.url}${feed.pausedReason ? textIn(say.choicePaused(), language) : ''}`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}
