import { describe, expect, it } from 'vitest';
import { embedsLength } from '../../src/discord/embed-size';
import { parsePageCustomId, QUOTES_PER_PAGE, renderQuotePage } from '../../src/discord/quote-results';
import type { ArticleLibrary, LibraryArticle, QuoteHit } from '../../src/library';
import { validatePayload } from '../support/discord-spec';
import { ARABIC, FRENCH, article } from './fixtures';

function libraryOf(articles: LibraryArticle[]): ArticleLibrary {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return { all: () => articles, get: (id) => byId.get(id), newest: () => articles[articles.length - 1] };
}

const ar = article(ARABIC, { id: 'ar', meta: { url: 'https://example.com/ar' } });
const en = article({}, { id: 'en' });
const fr = article(FRENCH, { id: 'fr' });
const lib = libraryOf([ar, en, fr]);
const hitsOf = (a: LibraryArticle, n = 1): QuoteHit[] => Array.from({ length: n }, (_, i) => ({ articleId: a.id, index: i, quote: a.briefing.quotes[0]! }));

describe('renderQuotePage', () => {
  it.each([
    ['Arabic', ar, '«', 'سيرغي لافروف'],
    ['English', en, '“', 'Jane Doe'],
    ['French', fr, '«', 'Marie Dupont'],
  ])('shows an %s quote with its speaker and the headline', (_name, a, mark, speaker) => {
    const body = renderQuotePage(hitsOf(a), 0, 'tok', 'en', lib);
    const embed = body.embeds[0]!;
    expect(embed.description).toContain(mark);
    expect(embed.author!.name).toContain(speaker);
    expect(embed.title).toBe(a.briefing.headline);
    expect(body.components ?? []).toEqual([]);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(validatePayload('MessageCreateRequest', body)).toEqual([]);
  });

  it.each([
    ['first page', 0, [true, false]],
    ['middle page', 1, [false, false]],
    ['last page', 2, [false, true]],
  ])('adds Previous/Next buttons on the %s', (_name, page, [prevDisabled, nextDisabled]) => {
    const hits = hitsOf(en, QUOTES_PER_PAGE * 2 + 1);
    const body = renderQuotePage(hits, page, 'tok', 'fr', lib);
    const buttons = body.components![0]!.components as Array<{ custom_id: string; disabled: boolean; label: string }>;
    expect(buttons.map((b) => b.disabled)).toEqual([prevDisabled, true, nextDisabled]);
    expect(buttons[0]!.label).toBe('Précédent');
    expect(new Set(buttons.map((b) => b.custom_id)).size).toBe(3);
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    expect(body.embeds.length).toBe(page === 2 ? 1 : QUOTES_PER_PAGE);
    expect(validatePayload('InteractionCallbackRequest', { type: 7, data: body })).toEqual([]);
  });

  it('keeps five huge quotes within the 6000 total', () => {
    const huge = article({ headline: 'h '.repeat(300), quotes: [{ text: 'word '.repeat(2000), speaker: 'x '.repeat(200), paragraph: 0, partial: false }] }, { id: 'huge' });
    const body = renderQuotePage(hitsOf(huge, 7), 0, 'tok', 'ar', libraryOf([huge]));
    expect(embedsLength(body.embeds)).toBeLessThanOrEqual(6000);
    expect(validatePayload('MessageCreateRequest', body)).toEqual([]);
  });

  it.each([
    ['a page id', 'quote:abc_-1:3', { token: 'abc_-1', page: 3 }],
    ['the page indicator', 'quote:abc:i', undefined],
    ['another command', 'schedule:abc:1', undefined],
    ['garbage', 'quote:../..:1', undefined],
  ])('parses %s', (_name, id, expected) => {
    expect(parsePageCustomId(id)).toEqual(expected);
  });
});
