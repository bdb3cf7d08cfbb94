import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTerm, joinTerms, NO_TERMS, plainTermList, splitTerms, swapBlocks, termNeedle } from '../../src/library/term-list';

/** Terms as the index makes them (no spaces): Arabic, English, French, Latin-1 letters the fold keeps (ß, ø), Persian, Greek, CJK and astral letters. */
const word = fc.oneof(
  fc.constantFrom('حكومه', 'الحكومه', 'بوتين', 'لافروف', 'bridge', 'bride', 'elysee', 'straße', 'øresund', 'پوتین', 'ελλαδα', '東京', '𝒳𝒴', 'ـ', 'a'),
  fc.stringMatching(/^[a-z\u0621-\u064a\u00df-\u00ff]{1,8}$/),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }).map((t) => t.replace(/ /g, '_')),
);
const terms = fc.uniqueArray(word, { maxLength: 12 });

describe('term lists', () => {
  it('give back the terms they were made of (Arabic, English, French and any other script)', () => {
    fc.assert(
      fc.property(terms, (list) => {
        expect(splitTerms(joinTerms(list))).toEqual(list);
      }),
    );
    expect(joinTerms([])).toBe(NO_TERMS);
    expect(splitTerms(NO_TERMS)).toEqual([]);
  });

  it('have a term, or a term starting with a prefix, exactly when the plain spaced list does', () => {
    fc.assert(
      fc.property(terms, word, fc.boolean(), fc.nat(), (list, other, prefix, cut) => {
        const candidates = [other, ...list, ...list.map((t) => t.slice(0, 1 + (cut % t.length)))];
        const packed = joinTerms(list);
        const plain = plainTermList.join(list);
        for (const term of candidates) {
          expect(hasTerm(packed, term, prefix)).toBe(plainTermList.has(plain, term, prefix));
          expect(packed.includes(termNeedle(term, prefix))).toBe(plainTermList.has(plain, term, prefix));
        }
      }),
    );
  });

  it.each([
    ['Arabic', ['الحكومه', 'حكومه', 'قال', 'لافروف', '2024']],
    ['English', ['the', 'bridge', 'leeds']],
    ['French (folded: no accents)', ['elysee', 'ministre', 'deja', 'francois']],
    ['Arabic with English names', ['بوتين', 'putin', 'kremlin']],
  ])('store %s terms one byte a character (every unit below 0x100)', (_name, list) => {
    const packed = joinTerms(list);
    expect([...packed].every((c) => c.charCodeAt(0) < 0x100)).toBe(true);
    expect(splitTerms(packed)).toEqual(list);
  });

  it('swap the two blocks unit by unit, its own inverse, on any text (long texts, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom('ا', 'ب', 'é', 'z', ' '), minLength: 4000, maxLength: 9000 })), (text) => {
        const swapped = swapBlocks(text);
        expect(swapped).toHaveLength(text.length);
        expect(swapBlocks(swapped)).toBe(text);
      }),
    );
    expect(swapBlocks('حé a')).toBe('\u00ad\u0669 a');
  });
});
