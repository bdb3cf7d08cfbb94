import { describe, expect, it } from 'vitest';
import { feedChoiceName, feedLine, feedList } from '../../src/feeds/list-format';
import type { FeedRecord } from '../../src/store';

function feed(overrides: Partial<FeedRecord> = {}): FeedRecord {
  return {
    id: 3, guildId: '1', channelId: '200000000000000001', url: 'https://news.example/rss_feed?a=1', title: 'أخبار *العالم*', etag: null, lastModified: null,
    createdBy: '1', createdAt: 0, lastCheckAt: Date.UTC(2026, 0, 1), nextCheckAt: Date.UTC(2026, 0, 1, 0, 10), failures: 0, lastDetail: '2 new, posted 2', pausedReason: null, ...overrides,
  };
}

describe('/feed list lines', () => {
  it('id, title (escaped), channel, URL (intact, no preview), status, last and next check', () => {
    const line = feedLine(feed());
    expect(line).toContain('**#3** أخبار \\*العالم\\* · <#200000000000000001>');
    expect(line).toContain('<https://news.example/rss_feed?a=1>');
    expect(line).toMatch(/✅ active · checked <t:\d+:R> \(2 new, posted 2\) · next <t:\d+:R>/);
  });

  it.each([
    [{ pausedReason: 'HTTP 410 Gone: the feed is no longer at this address' }, /⏸ paused: HTTP 410 Gone.*next: —/],
    [{ failures: 3, lastDetail: 'HTTP 500 Internal Server Error' }, /⚠️ 3 failed checks · checked .*HTTP 500/],
    [{ lastCheckAt: null, title: '' }, /https:\/\/news\.example[\s\S]*never checked/],
  ])('%o', (overrides, expected) => {
    expect(feedLine(feed(overrides))).toMatch(expected);
  });

  it('a long list is cut to one embed with how many more', () => {
    const text = feedList(Array.from({ length: 40 }, (_, i) => feed({ id: i + 1, url: `https://news.example/${'x'.repeat(150)}/${i}` })));
    expect(text.length).toBeLessThanOrEqual(3900);
    expect(text).toMatch(/… and \d+ more$/);
  });

  it('autocomplete names: id, title and whether paused, at most 100 characters', () => {
    expect(feedChoiceName(feed({ pausedReason: 'x' }))).toBe('#3 · أخبار *العالم* (paused)');
    expect(feedChoiceName(feed({ title: 'T'.repeat(300) })).length).toBe(100);
  });
});
