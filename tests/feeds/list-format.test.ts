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

describe('/feed list lines in the reader’s language', () => {
  it.each([
    ['ar', {}, /✅ نشط · فُحص <t:\d+:R> \(2 new, posted 2\) · الفحص التالي <t:\d+:R>/],
    ['fr', {}, /✅ actif · vérifié <t:\d+:R> \(2 new, posted 2\) · prochaine vérification <t:\d+:R>/],
    ['en', {}, /✅ active · checked <t:\d+:R> \(2 new, posted 2\) · next <t:\d+:R>/],
    ['ar', { pausedReason: 'HTTP 410 Gone' }, /⏸ موقوف مؤقتًا: HTTP 410 Gone · .* · الفحص التالي: —/],
    ['fr', { pausedReason: 'HTTP 410 Gone' }, /⏸ en pause : HTTP 410 Gone · .* · prochaine vérification : —/],
    ['ar', { failures: 3 }, /⚠️ فحوص فاشلة: 3 · /],
    ['fr', { failures: 1 }, /⚠️ 1 vérification en échec · /],
    ['fr', { failures: 3 }, /⚠️ 3 vérifications en échec · /],
    ['ar', { lastCheckAt: null }, /لم يُفحص بعد/],
    ['fr', { lastCheckAt: null }, /jamais vérifié/],
  ] as const)('%s %o', (language, overrides, expected) => {
    const line = feedLine(feed(overrides), 0, language);
    expect(line).toMatch(expected);
    // Ids, names, channels and links are the same in every language.
    expect(line).toContain('**#3** أخبار \\*العالم\\* · <#200000000000000001>\n<https://news.example/rss_feed?a=1>');
  });

  it.each([
    ['ar', /❓ منشورات غير مؤكدة: 2/, /… و\d+ أخرى$/, '#3 · أخبار *العالم* (موقوف)'],
    ['fr', /❓ 2 publications incertaines/, /… et \d+ de plus$/, '#3 · أخبار *العالم* (en pause)'],
    ['en', /❓ 2 posts uncertain/, /… and \d+ more$/, '#3 · أخبار *العالم* (paused)'],
  ] as const)('%s: the uncertain note, the cut of a long list and the autocomplete name', (language, uncertain, more, choice) => {
    expect(feedLine(feed(), 2, language)).toMatch(uncertain);
    const text = feedList(Array.from({ length: 40 }, (_, i) => feed({ id: i + 1, url: `https://news.example/${'x'.repeat(150)}/${i}` })), () => 0, language);
    expect(text.length).toBeLessThanOrEqual(3900);
    expect(text).toMatch(more);
    expect(feedChoiceName(feed({ pausedReason: 'x' }), language)).toBe(choice);
  });
});
