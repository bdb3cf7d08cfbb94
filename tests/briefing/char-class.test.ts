import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharClass, isWhiteSpace } from '../../src/briefing/char-class';

const LETTERS_MARKS_DIGITS = /^[\p{L}\p{M}\p{N}]$/u;
const LETTERS_DIGITS = /^[\p{L}\p{N}]$/u;

/** What the expression itself says of the character at `i`: its width when it is in the class, else 0. */
function byExpression(pattern: RegExp, text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  if (cp > 0xffff) return pattern.test(ch) ? 2 : 0;
  return cp >= 0xd800 && cp <= 0xdfff ? 0 : pattern.test(ch) ? 1 : 0;
}

describe('CharClass', () => {
  it.each([
    ['an ASCII letter', 'a', LETTERS_DIGITS, 1],
    ['a digit', '7', LETTERS_DIGITS, 1],
    ['an underscore', '_', LETTERS_DIGITS, 0],
    ['an Arabic letter', 'ق', LETTERS_DIGITS, 1],
    ['tatweel', 'ـ', LETTERS_DIGITS, 1],
    ['an Arabic diacritic, with marks', '\u064e', LETTERS_MARKS_DIGITS, 1],
    ['an Arabic diacritic, without marks', '\u064e', LETTERS_DIGITS, 0],
    ['a French accented letter', 'é', LETTERS_DIGITS, 1],
    ['an Arabic-Indic digit', '٣', LETTERS_DIGITS, 1],
    ['an astral letter (𝐀)', '𝐀', LETTERS_DIGITS, 2],
    ['an emoji', '😀', LETTERS_DIGITS, 0],
    ['a lone high surrogate', '\ud835', LETTERS_DIGITS, 0],
    ['an Arabic comma', '،', LETTERS_DIGITS, 0],
  ])('reads %s', (_name, text, pattern, width) => {
    expect(new CharClass(pattern).width(text, 0)).toBe(width);
  });

  it('agrees with its expression on any text, asked twice (the second answer from the cache)', () => {
    const classes = [LETTERS_DIGITS, LETTERS_MARKS_DIGITS].map((pattern) => ({ pattern, chars: new CharClass(pattern) }));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        for (const { pattern, chars } of classes) {
          for (let i = 0; i < text.length; i++) {
            expect(chars.width(text, i)).toBe(byExpression(pattern, text, i));
            expect(chars.width(text, i)).toBe(byExpression(pattern, text, i));
          }
        }
      }),
    );
  });
});

describe('isWhiteSpace', () => {
  it.each([
    ['a space', ' ', true],
    ['a tab', '\t', true],
    ['a line feed', '\n', true],
    ['a no-break space', '\u00a0', true],
    ['a narrow no-break space', '\u202f', true],
    ['an ideographic space', '\u3000', true],
    ['a letter', 'a', false],
    ['an Arabic letter', 'ب', false],
    ['an Arabic comma', '،', false],
    ['a zero-width joiner', '\u200d', false],
  ])('reads %s', (_name, char, expected) => {
    expect(isWhiteSpace(char.charCodeAt(0))).toBe(expected);
  });

  it('agrees with /\\s/u on every code unit', () => {
    for (let code = 0; code < 0x10000; code++) expect(isWhiteSpace(code)).toBe(/\s/u.test(String.fromCharCode(code)));
  });
});
