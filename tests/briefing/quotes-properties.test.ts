import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/briefing/arabic';
import { extractQuotes, MAX_QUOTE_LENGTH, MAX_QUOTES } from '../../src/briefing/quotes';
import { normForm } from '../../src/briefing/quote-parts/tokens';
import { QuoteSchema, type Language, type Quote } from '../../src/briefing/schema';

/** Characters that stress the extractor: every quotation mark, Arabic and Latin letters, punctuation. */
const alphabet = [...'"\'“”«»„‹›‘’ :،,.؟?!\nقال أن إن وأضاف said she selon a déclaré Smith بوتين الرئيس ـًٌ'];
const messyText = fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }).map((cs) => cs.join(''));
const paragraphs = fc.array(fc.oneof(messyText, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 })), { maxLength: 12 });
const language = fc.constantFrom<Language>('ar', 'en', 'fr', 'other');

function checkBounds(quotes: readonly Quote[], count: number): void {
  expect(quotes.length).toBeLessThanOrEqual(MAX_QUOTES);
  for (const q of quotes) {
    expect(QuoteSchema.safeParse(q).success, JSON.stringify(q)).toBe(true);
    expect(q.text.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(q.paragraph).toBeLessThan(count);
    expect(q.speaker === null || q.speaker.trim().length > 0).toBe(true);
  }
}

describe('extractQuotes: properties', () => {
  it('never throws and keeps its bounds on arbitrary paragraphs', () => {
    fc.assert(fc.property(paragraphs, language, (ps, lang) => {
      checkBounds(extractQuotes(ps, lang, { headline: ps[0] }), ps.length);
    }), { numRuns: 300 });
  });

  it.each<[string, string]>([
    ['a megabyte of ASCII quotation marks', '"'.repeat(1_000_000)],
    ['a megabyte of letters', 'a'.repeat(1_000_000)],
    ['a megabyte of alternating curly marks', '“”“'.repeat(350_000)],
    ['a megabyte of short quotations with speech verbs', 'قال الرئيس: "نحن هنا اليوم" '.repeat(40_000)],
    ['a megabyte of guillemets with apostrophes', "« l'a » 'b' ".repeat(90_000)],
  ])('copes with %s in one paragraph', (_label, paragraph) => {
    checkBounds(extractQuotes([paragraph], 'ar'), 1);
  });

  it('copes with many short paragraphs full of quotes', () => {
    const words = 'السلام الحرب الاقتصاد الشعب الحكومة البرلمان القانون الحوار المدينة الطريق المستقبل الماضي الأمن الصحة التعليم العمل'.split(' ');
    const statement = (i: number): string => Array.from({ length: 7 }, (_, k) => words[(i * (k + 3) + k * k) % words.length]).join(' ');
    const ps = Array.from({ length: 20_000 }, (_, i) => `وقال المسؤول رقم ${i}: "${statement(i)} ${i}".`);
    const quotes = extractQuotes(ps, 'ar');
    checkBounds(quotes, ps.length);
    expect(quotes.length).toBe(MAX_QUOTES);
  });

  it('cuts an overlong quote at a word boundary with an ellipsis', () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const [q] = extractQuotes([`Smith said: "${long}."`], 'en');
    expect(q!.text.endsWith('…')).toBe(true);
    expect(q!.text.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(long.startsWith(q!.text.slice(0, -1))).toBe(true);
    expect(long.charAt(q!.text.length - 1)).toBe(' ');
  });
});

describe('normForm', () => {
  const arabicWord = fc.array(fc.integer({ min: 0x0600, max: 0x06ff }), { minLength: 1, maxLength: 12 }).map((cs) => String.fromCharCode(...cs));
  it('folds Arabic words exactly as normalizeArabic does', () => {
    fc.assert(fc.property(arabicWord, (w) => normForm(w) === normalizeArabic(w)), { numRuns: 500 });
  });

  it.each([['Jean', 'jean'], ['L’État', "l'état"], ['أَعلنَ', 'اعلن'], ['المتحدثة', 'المتحدثه'], ['إلى', 'الي']])('%s → %s', (word, want) => {
    expect(normForm(word)).toBe(want);
  });
});
