import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/briefing/arabic';
import {
  countWords, foldArabic, foldedPattern, isArabicOnly, isTitleAbbreviation, letterRuns, normForm, tokenize, tokenizeInto, type Token,
} from '../../src/briefing/quote-parts/tokens';

/** Abbreviated titles that keep their period (as in the tokenizer). */
const KEEP_DOT = new Set(['m.', 'mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'gen.', 'gov.', 'sen.', 'rep.', 'pr.', 'me.', 'col.', 'lt.',
  'sgt.', 'prof.', 'capt.', 'maj.', 'adm.', 'cmdr.', 'rev.', 'hon.', 'supt.', 'insp.', 'mgr.', 'mme.', 'mlle.', 'messrs.', 'brig.', 'cpl.', 'pvt.']);
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’‑-][\p{L}\p{M}\p{N}]+)*\.?|[،,:;.!?؟؛—–()…"“”«»„‘’‹›'-]/gu;
const PUNCT = new Set([...'،,:;.!?؟؛—–()…"“”«»„‘’‹›\'-']);

/** The regular-expression tokenizer the hand-written scan replaced (the reference). */
function reference(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const word = m[0];
    if (word.length === 1 && PUNCT.has(word)) out.push({ text: word, norm: word, punct: true, start: m.index });
    else if (word.endsWith('.') && !KEEP_DOT.has(word.toLowerCase())) {
      const bare = word.slice(0, -1);
      out.push({ text: bare, norm: normForm(bare), punct: false, start: m.index }, { text: '.', norm: '.', punct: true, start: m.index + bare.length });
    } else out.push({ text: word, norm: normForm(word), punct: false, start: m.index });
  }
  return out;
}

/** Letters, marks, digits, joiners, periods, quotation marks, astral letters and lone surrogates. */
const alphabet = [...'ab Z\'’‑-.,«»"“”:؟،!?عربيةأإآىـًّ١٢é́ \n\t', '😀', '𝐀', '\ud800', '\udc00', 'Capt.', 'Dr.', 'Mgr.'];
const text = fc.oneof(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((cs) => cs.join('')), fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('quote tokens', () => {
  it('the hand-written scan gives exactly the tokens of the regular expression, on any text', () => {
    fc.assert(fc.property(text, (t) => {
      expect(tokenize(t)).toEqual(reference(t));
    }), { numRuns: 3000 });
  });

  it.each<[string, string, string[]]>([
    ['Arabic with diacritics and a conjunction', 'وقالَ الرئيسُ: «لن نتراجع»', ['وقالَ', 'الرئيسُ', ':', '«', 'لن', 'نتراجع', '»']],
    ['English apostrophes and an abbreviated title', "Capt. O'Neil didn't say.", ['Capt.', "O'Neil", "didn't", 'say', '.']],
    ['French inversion and elision', "« l’État », a-t-elle dit.", ['«', 'l’État', '»', ',', 'a-t-elle', 'dit', '.']],
    ['a dangling hyphen is punctuation', 'x- y', ['x', '-', 'y']],
  ])('%s', (_label, input, want) => {
    expect(tokenize(input).map((t) => t.text)).toEqual(want);
  });

  it('folds Arabic as the plain description says: diacritics and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه', () => {
    // The description written out as a regular expression, independently of the table the engine builds.
    const plain = (t: string): string => t.replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/gu, '')
      .replace(/[\u0622\u0623\u0625\u0671]/gu, '\u0627').replace(/\u0649/gu, '\u064a').replace(/\u0629/gu, '\u0647');
    fc.assert(fc.property(text, (t) => {
      expect(normalizeArabic(t)).toBe(plain(t));
      expect(foldArabic(t)).toBe(plain(t));
    }), { numRuns: 2000 });
  });

  it('counts and joins words exactly as the regular expressions they replace', () => {
    fc.assert(fc.property(text, (t) => {
      expect(countWords(t)).toBe((t.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length);
      expect(letterRuns(t)).toBe(t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
    }), { numRuns: 2000 });
  });

  it('tokenises a text cut at spaces and line breaks piece by piece as a whole', () => {
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 4 }), (t, cuts) => {
      const breaks = [...t.matchAll(/[ \n\t\r]/gu)].map((m) => m.index);
      const ends = [...new Set(cuts.filter(() => breaks.length > 0).map((c) => breaks[c % breaks.length]!))].sort((a, b) => a - b);
      const out: Token[] = [];
      let from = 0;
      for (const end of [...ends, t.length]) {
        tokenizeInto(t, from, end, out);
        from = end;
      }
      expect(out).toEqual(tokenize(t));
    }), { numRuns: 2000 });
  });

  it('finds a folded Arabic word in unfolded text exactly where folding the text would', () => {
    const arabic = fc.array(fc.constantFrom(...'ابتيهرأإآٱىةـًّ '), { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(fc.property(arabic, arabic, (t, word) => {
      const needle = foldArabic(word).replace(/ /gu, '');
      fc.pre(isArabicOnly(needle));
      const pattern = foldedPattern(needle);
      pattern.lastIndex = 0;
      expect(pattern.test(t)).toBe(foldArabic(t).includes(needle));
    }), { numRuns: 2000 });
  });

  it.each<[string, number, boolean]>([
    ['Capt. Maria Lopez', 4, true],
    ['He left. Then', 7, false],
    ['the Mgr. said', 7, true],
    ['a steam. Then', 7, false],
    ['Dr.', 2, true],
  ])('isTitleAbbreviation(%j, %i) is %s', (input, dot, want) => {
    expect(isTitleAbbreviation(input, dot)).toBe(want);
  });
});
