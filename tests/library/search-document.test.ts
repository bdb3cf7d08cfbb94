import { describe, expect, it } from 'vitest';
import { articleDocument, MAX_LEXEME, RULES, tsqueryOf, typedWords, wellFormedText } from '../../src/library/search-document';
import { article } from './search-fixture';

describe('tsqueryOf: typed words as a Postgres tsquery with the in-memory rules', () => {
  it.each([
    ['an Arabic word: itself and without ال, both prefixes', ['الحكومه'], RULES.quoteText, "('الحكومه':* | 'حكومه':*)"],
    ['an Arabic word behind و+ال', ['والحكومه'], RULES.quoteText, "('والحكومه':* | 'حكومه':*)"],
    ['a two-letter quote word: whole word only', ['لا'], RULES.quoteText, "('لا')"],
    ['English, every word required', ['bridge', 'of'], RULES.quoteText, "('bridge':*) & ('of')"],
    ['French, folded', ['election'], RULES.quoteText, "('election':*)"],
    ['a speaker letter: a prefix', ['j'], RULES.speaker, "('j':*)"],
    ['a title word: as typed, never stripped', ['القاهره'], RULES.title, "('القاهره':*)"],
    ['title or lead: stripped too', ['القاهره'], RULES.titleOrLead, "('القاهره':* | 'قاهره':*)"],
  ])('%s', (_name, words, rule, expected) => {
    expect(tsqueryOf(words, rule)).toBe(expected);
  });

  it('no words: no query', () => {
    expect(tsqueryOf([], RULES.quoteText)).toBeUndefined();
  });

  it('a word longer than a lexeme is cut and looked up by its start', () => {
    expect(tsqueryOf(['a'.repeat(MAX_LEXEME + 10)], RULES.quoteText)).toBe(`('${'a'.repeat(MAX_LEXEME)}':*)`);
  });

  it.each([
    ['Arabic with diacritics and tatweel', 'الحُكـــومةَ', ['الحكومه'], false],
    ['French accents and case', 'Élection', ['election'], false],
    ['one letter', 'É', ['e'], true],
    ['punctuation only', '«!»', [], false],
  ])('typedWords: %s', (_name, typed, words, short) => {
    expect(typedWords(typed)).toEqual({ words, short });
  });
});

describe('articleDocument: what Postgres stores of an article', () => {
  const a = article('cairo', 'مدرسةٌ جديدة', 5, 'افتتحت وزارة التربية والتعليم مدرسة جديدة في حي شبرا بالقاهرة لاستقبال ألف تلميذ', [{ text: 'والتعليمُ حقٌّ', speaker: 'أم كلثوم' }], 'ar');

  it('has the folded terms of the title, lead and quotes, and a speaker key', () => {
    const d = articleDocument(a);
    expect(d.titleTerms).toEqual(expect.arrayContaining(['مدرسه', 'جديده', 'cairo']));
    expect(d.anyTerms).toEqual(expect.arrayContaining(['مدرسه', 'شبرا', 'قاهره']));
    expect(d.quotes[0]).toMatchObject({ index: 0, shortName: 'أم كلثوم', suggestKey: 'ام كلثوم', textTerms: expect.arrayContaining(['والتعليم', 'تعليم', 'حق']) });
  });

  it('its signature changes with what is indexed, not otherwise', () => {
    const same = articleDocument({ ...a, mtimeMs: 99 }).signature;
    const other = articleDocument({ ...a, briefing: { ...a.briefing, quotes: [{ ...a.briefing.quotes[0]!, text: 'نص آخر' }] } }).signature;
    expect(same).toBe(articleDocument(a).signature);
    expect(other).not.toBe(same);
  });

  it.each([
    ['a NUL', 'a\u0000b', 'a\ufffdb'],
    ['a lone high surrogate', 'a\ud800b', 'a\ufffdb'],
    ['a lone low surrogate', '\udc00b', '\ufffdb'],
    ['a pair (an emoji) kept', 'a😀b', 'a😀b'],
  ])('text Postgres cannot store: %s', (_name, text, stored) => {
    expect(wellFormedText(text)).toBe(stored);
  });
});
