import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefingSchema, cleanArticle, createBriefing } from '../../src/briefing';
import { boundQuotes, MAX_QUOTE_LENGTH, MAX_QUOTES, sectionsOf } from '../../src/briefing/bounds';
import { normalizeArabic } from '../../src/briefing/arabic';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
const bodyOf = (md: string): string => md.replace(/^---[\s\S]*?---\n/, '');

describe('createBriefing on hand-written articles', () => {
  it.each([
    ['ar', 'ar-boilerplate.txt', { language: 'ar', direction: 'rtl', byline: 'بقلم سارة الأحمد', dateline: 'القاهرة -', headline: 'الحكومة تعلن خطة لخفض أسعار الخبز' }, 'ردود الفعل'],
    ['en', 'en-council.txt', { language: 'en', direction: 'ltr', byline: 'By Jane Smith', dateline: 'LONDON (Reuters) -', headline: 'City council approves new tram line after long debate' }, 'What happens next'],
    ['fr', 'fr-reforme.md', { language: 'fr', direction: 'ltr', byline: 'Par Jean Dupont', dateline: 'PARIS (AFP) -' }, 'Une mobilisation massive'],
  ] as const)('gives headline, metadata and sections (%s)', (_lang, file, expected, heading) => {
    const briefing = createBriefing(bodyOf(fixture(file)));
    expect(() => BriefingSchema.parse(briefing)).not.toThrow();
    expect(briefing).toMatchObject(expected);
    expect(briefing.sections.map((s) => s.heading)).toEqual([heading]);
  });

  it.each([['ar-boilerplate.txt'], ['en-council.txt'], ['fr-reforme.md']])('indexes sections and quotes by cleaned paragraph (%s)', (file) => {
    const text = bodyOf(fixture(file));
    const { paragraphs } = cleanArticle(text);
    const briefing = createBriefing(text);
    for (const section of briefing.sections) expect(paragraphs[section.paragraph]).toBe(section.heading);
    expect(briefing.quotes.length).toBeGreaterThan(0);
    for (const quote of briefing.quotes) {
      const words = normalizeArabic(quote.text).split(/\s+/).slice(0, 3).join(' ');
      expect(normalizeArabic(paragraphs[quote.paragraph] ?? '')).toContain(words);
    }
  });

  it('uses the front-matter title and language when given', () => {
    const briefing = createBriefing(bodyOf(fixture('fr-reforme.md')), { title: 'Le Parlement adopte la réforme des retraites', language: 'fr' });
    expect(briefing.headline).toBe('Le Parlement adopte la réforme des retraites');
  });
});

describe('bounds', () => {
  const quote = { text: 'Some words here', speaker: 'Ann Lee', paragraph: 0, partial: false };

  it('keeps at most MAX_QUOTES quotes', () => {
    expect(boundQuotes(Array.from({ length: 40 }, () => quote), 3)).toHaveLength(MAX_QUOTES);
  });

  it('cuts long quote text and marks it partial', () => {
    const [long] = boundQuotes([{ ...quote, text: 'word '.repeat(500) }], 1);
    expect(long!.text.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(long!.partial).toBe(true);
  });

  it.each([
    ['empty text', { ...quote, text: '   ' }, 0],
    ['a negative paragraph', { ...quote, paragraph: -1 }, 0],
    ['a blank speaker (becomes null)', { ...quote, speaker: '  ' }, 1],
  ])('handles %s', (_name, input, count) => {
    const out = boundQuotes([input], 2);
    expect(out).toHaveLength(count);
    if (count === 1) expect(out[0]!.speaker).toBeNull();
  });

  it('makes sections from heading paragraphs only', () => {
    expect(sectionsOf(['a.', 'Heading', 'b.'], ['body', 'heading', 'body'])).toEqual([{ heading: 'Heading', paragraph: 1 }]);
  });
});
