import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { decodeText } from '../../src/content/web/charset';
import { extractArticle } from '../../src/extraction';
import { PAGE_IDS, pageBytes, WEB_FIXTURES, type PageId } from '../support/web-fixtures';

/** What each real page must give (titles as its original test suite expects them; see tests/fixtures/web/README.md). */
interface Expected {
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  language: string;
  direction: 'rtl' | 'ltr';
  firstParagraphStart: string;
  lastParagraphStart: string;
  notInText: string[];
}

const expected = JSON.parse(readFileSync(join(WEB_FIXTURES, 'pages', 'expected.json'), 'utf8')) as Record<PageId, Expected>;
const html = (id: PageId) => decodeText(pageBytes(id)).text;
/** The page's text as a browser shows it (entities decoded), to prove each left-out string was there. */
const pageText = (id: PageId) => (parseHTML(html(id)).document.documentElement.textContent ?? '').replace(/\s+/g, ' ');

describe.each(PAGE_IDS)('extractArticle on the real page %s', (id) => {
  const want = expected[id];
  const article = extractArticle(html(id), `https://news.example/${id}`);
  const paragraphs = article.text.split('\n\n');

  it('finds the headline (og:title / JSON-LD before <title> and its site suffix, never an SVG title or a subtitle)', () => {
    expect(article.title).toBe(want.title);
  });

  it('keeps byline, site name and date as metadata', () => {
    expect(article.byline ?? null).toBe(want.byline);
    expect(article.siteName ?? null).toBe(want.siteName);
    expect(article.published ?? null).toBe(want.published);
  });

  it('tells language and direction from the text', () => {
    expect(article.language).toBe(want.language);
    expect(article.direction).toBe(want.direction);
  });

  it('starts with the lead and ends with the last paragraph of the article', () => {
    expect(paragraphs[0]!.startsWith(want.firstParagraphStart)).toBe(true);
    expect(paragraphs.at(-1)!.startsWith(want.lastParagraphStart)).toBe(true);
  });

  it.each(want.notInText.map((junk) => [junk]))('leaves out the page furniture %j (present in the page)', (junk) => {
    expect(pageText(id).includes(junk)).toBe(true);
    expect(article.text.includes(junk)).toBe(false);
  });

  it('is plain text: no markup, paragraphs separated by one blank line', () => {
    expect(article.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(article.text).not.toMatch(/\n{3,}|^\s|\s$/);
    expect(paragraphs.every((paragraph) => paragraph.trim() === paragraph && paragraph !== '')).toBe(true);
  });
});
