import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldedTermSet, termSet } from '../../src/library/normalize';

/** Characters that folding treats specially, mixed with ordinary ones. */
const ALPHABET = [
  ...'abcXYZ019 \t\n.,;:\'"-«»“”’…()',
  ...'إأآٱاىيةهوفبلكـًٌٍَُِّْٰ٠١٢٣۴۵',
  ...'éÉèçœŒßİıΣσςΑΩΚÅ',
  '\u0301', '\u0316', '\u0334', '\u0653', '\u0654', '\u1fee', '\ufb6d', '\ufdf2', '\u00ad', '\u200f', '\u00a0', '\u2028',
  '\ud83d\ude00', '\ud800',
];

describe('term set of a text', () => {
  it.each([
    ['Arabic with diacritics and prefixes', 'إنَّ روسيا تدعم الحكومةَ والحكومة بالعقوبات'],
    ['French accents and case', 'Élodie MARTIN : « Ce pont relie les générations »'],
    ['Arabic-Indic digits', 'عام ٢٠٢٤ و۱۹۹۹'],
    ['a final sigma, folded with its neighbours', 'ΟΔΟΣ ΑΣ\'Α Σ'],
    ['marks that start a token', '\u0301a b\u0301c'],
    ['nothing but separators', ' … «» '],
  ])('is the whole-text folding for %s', (_name, text) => {
    expect(termSet(text)).toEqual(foldedTermSet(text));
  });

  it('is the whole-text folding for any mix of special characters', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(termSet(t)).toEqual(foldedTermSet(t));
    }), { numRuns: 2000 });
  });

  it('relies on folding working character by character outside letters, digits and marks', () => {
    const wordChar = /^[\p{L}\p{N}\p{M}]$/u;
    const mark = /^\p{M}$/u;
    const problems: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      // A separator must fold to something that still separates words.
      if (!wordChar.test(char) && (foldForSearch(`a${char}b`) === 'ab' || /^[\p{L}\p{N}]+$/u.test(foldForSearch(`a${char}b`)))) problems.push(`separator U+${code.toString(16)}`);
      // NFD reorders only marks (removed by folding): a non-mark is never moved past one.
      if (!mark.test(char) && char.normalize('NFD') === char && (`${char}\u0334`.normalize('NFD') !== `${char}\u0334` || `\u0301${char}`.normalize('NFD') !== `\u0301${char}`)) problems.push(`reordered U+${code.toString(16)}`);
    }
    expect(problems).toEqual([]);
  });
});
