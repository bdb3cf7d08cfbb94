import { describe, expect, it } from 'vitest';
import { canonicalLink, discoverFeedLinks, htmlToText, itemKeys } from '../../../src/content/feeds';

describe('canonicalLink', () => {
  it.each([
    ['http://News.Example.COM/a?utm_source=rss&id=3#top', 'https://news.example.com/a?id=3'],
    ['https://example.com/ar/مقال?utm_medium=x', 'https://example.com/ar/%D9%85%D9%82%D8%A7%D9%84'],
    ['https://example.fr:443/dépêche', 'https://example.fr/d%C3%A9p%C3%AAche'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalLink(input)).toBe(expected);
  });

  it.each([['javascript:alert(1)'], ['/relative'], ['ftp://x/y'], ['']])('%j is no link', (input) => {
    expect(canonicalLink(input)).toBeUndefined();
  });
});

describe('itemKeys', () => {
  const base = { guid: 'g-1', link: 'https://news.example/a', title: 'Ministers meet', published: 1 };
  const shared = (a: typeof base, b: typeof base): boolean => itemKeys(a).keys.some((key) => itemKeys(b).keys.includes(key));

  it.each([
    ['a new guid, same link', { ...base, guid: 'g-2' }],
    ['a new guid and link, same title', { ...base, guid: 'g-2', link: 'https://news.example/b' }],
    ['an edited date', { ...base, published: 99 }],
    ['utm parameters and http', { ...base, guid: null, link: 'http://news.example/a?utm_campaign=z' }],
    ['the same title in another case and spacing', { ...base, guid: 'g-3', link: null, title: '  ministers   MEET ' }],
  ] as const)('%s still matches a seen key', (_case, changed) => {
    expect(shared(base, changed as typeof base)).toBe(true);
  });

  it('a different story shares no key', () => {
    expect(shared(base, { guid: 'g-9', link: 'https://news.example/z', title: 'Other news', published: 1 })).toBe(false);
  });

  it.each([
    [{ guid: 'x', link: 'https://a.example/1', title: 't', published: null }, 'id:x'],
    [{ guid: null, link: 'https://a.example/1#c', title: 't', published: null }, 'link:https://a.example/1'],
  ])('primary key: id, else canonical link', (item, key) => {
    expect(itemKeys(item).key).toBe(key);
  });

  it('primary key without id or link: a hash of title and date', () => {
    const a = itemKeys({ guid: null, link: null, title: 'عنوان', published: 1 }).key;
    expect(a).toMatch(/^hash:/);
    expect(itemKeys({ guid: null, link: null, title: 'عنوان', published: 2 }).key).not.toBe(a);
  });
});

describe('discoverFeedLinks', () => {
  it('finds RSS, Atom and JSON feeds announced by a page, resolved and without repeats', () => {
    const html = `<html><head><base href="https://site.example/news/">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">
      <link rel="alternate" type="application/atom+xml; charset=utf-8" href="/atom">
      <link rel="Alternate" type="application/feed+json" href="https://site.example/feed.json">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">
      <link rel="stylesheet" type="text/css" href="s.css">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="javascript:x">
    </head><body></body></html>`;
    expect(discoverFeedLinks(html, 'https://site.example/page')).toEqual([
      'https://site.example/news/rss.xml',
      'https://site.example/atom',
      'https://site.example/feed.json',
    ]);
  });

  it('a page without feed links gives none', () => {
    expect(discoverFeedLinks('<html><head><title>x</title></head></html>', 'https://a.example/')).toEqual([]);
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>قال الوزير&nbsp;«نعم»</p><p>ثم غادر</p>', 'قال الوزير\u00a0«نعم»\n\nثم غادر'.replace('\u00a0', ' ')],
    ['<p>He said &ldquo;yes&rdquo; &amp; left&hellip;</p>', 'He said “yes” & left…'],
    ['Le ministre a d&eacute;clar&#233; &#x2014; <b>non</b>', 'Le ministre a déclaré — non'],
    ['<div>one<br>two</div><script>alert(1)</script><!-- x -->', 'one\n\ntwo'],
    ['a &frac12; cup &unknownentity; here', 'a ½ cup &unknownentity; here'],
    ['3 < 4 and 5 > 2', '3 < 4 and 5 > 2'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
