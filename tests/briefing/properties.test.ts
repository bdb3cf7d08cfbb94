import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefingSchema, createBriefing, MAX_HEADLINE_LENGTH, type BriefingOptions } from '../../src/briefing';
import { MAX_QUOTE_LENGTH, MAX_QUOTES } from '../../src/briefing/bounds';
import { splitSentences } from '../../src/briefing/segment';
import { MAX_SUMMARY_SENTENCES } from '../../src/briefing/summary';

/** Pieces that exercise the engine: Arabic and Latin words, quote marks, punctuation, markers, controls. */
const PIECES = [
  'وقال', 'الوزير', 'إن', '«', '»', '“', '”', '"', '„', '‘', '’', '.', '؟', '،', '؛', '…', '...', '!', '?', ':', '-', '—', '(CNN) --',
  '[ad_1]', 'المصدر', 'Source:', 'Read more:', 'اقرأ أيضا', 'By', 'Par', 'بقلم', 'said', 'a déclaré', 'Dr.', 'د.', 'U.S.', '3.5', '٣٫٥',
  '\n', '\n\n', '\r\n', ' ', '\u200f', '\u202b', '\ufeff', '\u0000', '😀', 'word', 'mot', 'كلمة', '#', '•', '1-',
];
const articleLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 500 }), articleLike);
const options: fc.Arbitrary<BriefingOptions> = fc.record(
  {
    sentences: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double()),
    words: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double()),
    title: fc.string({ maxLength: 600 }),
    language: fc.constantFrom('ar', 'en', 'fr', 'de', '', 'xx-YY'),
  },
  { requiredKeys: [] },
);

function checkBounds(text: string, opts: BriefingOptions): void {
  const briefing = createBriefing(text, opts);
  expect(() => BriefingSchema.parse(briefing)).not.toThrow();
  expect(briefing.headline.length).toBeGreaterThan(0);
  expect(briefing.headline.length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
  expect(briefing.quotes.length).toBeLessThanOrEqual(MAX_QUOTES);
  for (const quote of briefing.quotes) expect(quote.text.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
  const asked = opts.words === undefined && typeof opts.sentences === 'number' && Number.isFinite(opts.sentences) ? Math.max(1, Math.floor(opts.sentences)) : MAX_SUMMARY_SENTENCES;
  expect(briefing.summary.length).toBeLessThanOrEqual(Math.min(asked, MAX_SUMMARY_SENTENCES));
  for (const sentence of briefing.summary) expect(sentence.trim().length).toBeGreaterThan(0);
}

describe('createBriefing properties', () => {
  it('never throws and keeps its bounds on arbitrary strings', () => {
    fc.assert(fc.property(anyText, options, (text, opts) => checkBounds(text, opts)), { numRuns: 200 });
  });

  it('never throws and keeps its bounds on huge strings', () => {
    const huge = fc.tuple(fc.constantFrom(...PIECES.filter((p) => p !== '\u0000')), fc.string({ maxLength: 40 }), fc.integer({ min: 1_000, max: 20_000 }))
      .map(([piece, noise, times]) => `${piece} ${noise} `.repeat(times).slice(0, 200_000));
    fc.assert(fc.property(huge, (text) => checkBounds(text, {})), { numRuns: 15 });
  });

  it('splitSentences loses no non-space character', () => {
    fc.assert(
      fc.property(articleLike, (text) => {
        const paragraph = text.replace(/\s+/g, ' ').trim();
        expect(splitSentences(paragraph, 'ar').join(' ').replace(/\s+/g, '')).toBe(paragraph.replace(/\s+/g, ''));
      }),
      { numRuns: 200 },
    );
  });
});
