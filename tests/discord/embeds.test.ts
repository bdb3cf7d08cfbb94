import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import type { Quote } from '../../src/briefing/schema';
import { embedsLength } from '../../src/discord/embed-size';
import { renderBriefing } from '../../src/discord/embeds';
import { LIMITS } from '../../src/discord/limits';
import { renderBriefingMessage } from '../../src/discord/message';
import { validatePayload } from '../support/discord-spec';
import { ARABIC, FRENCH, article } from './fixtures';

const ZWSP = '\u200b';

function respectsLimits(embeds: ReturnType<typeof renderBriefing>['embeds']): void {
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(embedsLength(embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(field.name.length).toBeGreaterThan(0);
    }
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footerText);
  }
}

describe('renderBriefing labels and layout', () => {
  it.each([
    ['Arabic', ARABIC, 'الملخص', 'أبرز الاقتباسات', '«', 'سيرغي لافروف (وزير الخارجية الروسي)', 'العربية'],
    ['English', {}, 'Summary', 'Key quotes', '“', 'Jane Doe (the mayor)', 'English'],
    ['French', FRENCH, 'Résumé', 'Citations clés', '«', 'Marie Dupont', 'français'],
  ])('renders an %s article with its labels, quote marks and footer', (_lang, overrides, summary, quotes, mark, speaker, language) => {
    const { embeds } = renderBriefing(article(overrides, { meta: { source: 'Wire', published: '2024-05-01' } }));
    const embed = embeds[0]!;
    expect(embed.title).toBe(overrides.headline ?? 'Mayor opens new bridge');
    expect(embed.description).toContain(`**${summary}**`);
    expect(embed.description).toContain(`**${quotes}**`);
    expect(embed.fields![0]!.name).toContain(speaker);
    expect(embed.fields![0]!.value).toContain(mark);
    expect(embed.footer!.text).toBe(`Wire · 2024-05-01 · ${language}`);
    expect(embed.color).toBeTypeOf('number');
    expect(embed.timestamp).toBe('2024-05-01T00:00:00.000Z');
    respectsLimits(embeds);
  });

  it('starts Arabic field names and values with a right-to-left mark', () => {
    const field = renderBriefing(article(ARABIC)).embeds[0]!.fields![0]!;
    expect(field.name.startsWith('\u200f')).toBe(true);
    expect(field.value.startsWith('\u200f«')).toBe(true);
  });

  it.each([
    ['with a url', { url: 'https://news.example/a?b=1' }, 'https://news.example/a?b=1'],
    ['without a url', {}, undefined],
  ])('links the title %s', (_name, meta, url) => {
    expect(renderBriefing(article({}, { meta })).embeds[0]!.url).toBe(url);
  });

  it.each([
    ['a speaker without a role', { speaker: 'Ana', speakerRole: undefined }, 'Ana'],
    ['a role without a speaker', { speaker: null, speakerRole: 'the police' }, 'the police'],
    ['nobody', { speaker: null, speakerRole: undefined }, 'Unknown speaker'],
    ['a role repeated as the speaker, once', { speaker: 'The mayor', speakerRole: 'The mayor' }, 'The mayor'],
    ['a name and a distinct role', { speaker: 'Ana Ruiz', speakerRole: 'the mayor' }, 'Ana Ruiz (the mayor)'],
  ])('names %s', (_name, quote, expected) => {
    const q: Quote = { text: 'Hello there', paragraph: 0, partial: false, ...quote };
    expect(renderBriefing(article({ quotes: [q] })).embeds[0]!.fields![0]!.name).toBe(expected);
  });

  it('names each speaker once on the README article (its spokeswoman is both speaker and role)', () => {
    const briefing = createBriefing(readFileSync(join(__dirname, '../../content/lavrov-north-korea.txt'), 'utf8'));
    const fields = renderBriefing(article(briefing)).embeds[0]!.fields!;
    expect(fields.length).toBeGreaterThan(0);
    for (const [i, field] of fields.entries()) {
      const quote = briefing.quotes[i]!;
      for (const part of [quote.speaker, quote.speakerRole]) {
        if (part) expect(field.name.split(part).length - 1, field.name).toBeLessThanOrEqual(1);
      }
      expect(field.name).not.toMatch(/^\u200f?(.+)(، |, )\1$/u);
    }
  });

  it('says so when there are no quotes, without fields', () => {
    const embed = renderBriefing(article({ quotes: [] })).embeds[0]!;
    expect(embed.fields).toBeUndefined();
    expect(embed.description).toContain('No quotes in this article.');
  });
});

describe('renderBriefing escaping', () => {
  it.each([
    ['@everyone in a quote', '@everyone look', `@${ZWSP}everyone`],
    ['a user mention in a quote', 'thanks <@123456789012345678>', `<${ZWSP}@123456789012345678>`],
    ['markdown in a quote', '**loud** [x](http://evil.example)', '\\*\\*loud\\*\\* \\[x\\]\\(http://evil.example)'],
  ])('neutralises %s', (_name, text, expected) => {
    const embed = renderBriefing(article({ quotes: [{ text, speaker: '@here', paragraph: 0, partial: false }] })).embeds[0]!;
    expect(embed.fields![0]!.value).toContain(expected);
    expect(embed.fields![0]!.name).toBe(`@${ZWSP}here`);
  });

  it.each([
    ['headline', { headline: '# @everyone **news**' }, (e: { title?: string }) => e.title],
    ['summary', { summary: ['> <@&123456789012345678> _hi_'] }, (e: { description?: string }) => e.description],
  ])('escapes the %s', (_name, overrides, pick) => {
    const text = pick(renderBriefing(article(overrides)).embeds[0]!) ?? '';
    expect(text).not.toMatch(/(^|[^\\])\*\*news/);
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@&');
    expect(text).not.toMatch(/(^|[^\\])_hi/);
  });
});

describe('renderBriefing limits', () => {
  const longWord = (n: number, word: string): string => Array.from({ length: n }, () => word).join(' ');
  const huge = (lang: 'ar' | 'en' | 'fr', word: string) =>
    article({
      language: lang,
      direction: lang === 'ar' ? 'rtl' : 'ltr',
      headline: longWord(200, word),
      summary: Array.from({ length: 40 }, () => longWord(120, word)),
      quotes: Array.from({ length: 40 }, (_, i) => ({ text: longWord(400, word), speaker: longWord(100, `${word}${i}`), speakerRole: longWord(50, word), paragraph: i, partial: false })),
    }, { meta: { source: longWord(100, word), author: longWord(100, word), url: 'https://example.com/x' } });

  it.each([
    ['Arabic', huge('ar', 'الحكومة')],
    ['English', huge('en', 'government')],
    ['French', huge('fr', 'gouvernement')],
  ])('keeps a huge %s article within every limit, cut with an ellipsis', (_name, big) => {
    const { embeds } = renderBriefing(big, { maxQuotes: 25 });
    respectsLimits(embeds);
    expect(validatePayload('MessageCreateRequest', renderBriefingMessage(big, { maxQuotes: 25 }))).toEqual([]);
    const embed = embeds[0]!;
    expect(embed.title!.endsWith('…')).toBe(true);
    expect(embed.fields!.length).toBeGreaterThanOrEqual(3);
    expect(embed.fields![0]!.value).toContain('…');
    expect(embed.description).toContain('…');
  });

  it.each([0, 1, 5, 25, 100])('caps the fields at 25 whatever maxQuotes (%i) says', (maxQuotes) => {
    const quotes = Array.from({ length: 40 }, (_, i) => ({ text: `Quote ${i}`, speaker: `S${i}`, paragraph: i, partial: false }));
    const fields = renderBriefing(article({ quotes }), { maxQuotes }).embeds[0]!.fields ?? [];
    expect(fields.length).toBe(Math.min(maxQuotes, 25));
  });
});

describe('renderBriefingMessage', () => {
  it.each([['Arabic', ARABIC], ['English', {}], ['French', FRENCH]])('sends %s briefings with no mentions allowed', (_name, overrides) => {
    const message = renderBriefingMessage(article(overrides));
    expect(message.allowed_mentions.parse).toEqual([]);
    expect(message.embeds).toHaveLength(1);
    expect(validatePayload('MessageCreateRequest', message)).toEqual([]);
    expect(validatePayload('InteractionCallbackRequest', { type: 4, data: message })).toEqual([]);
  });
});
