import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, stripArabicPrefixes } from '../../src/briefing/arabic';
import { normalizeText } from '../../src/briefing/normalize';
import type { Language } from '../../src/briefing/schema';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS, FRENCH_STOPWORDS } from '../../src/briefing/stopwords';
import { contentTokens } from '../../src/briefing/tokens';

/** The plain regex pipeline the one-pass normaliser replaced (the reference). */
function referenceNormalize(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ {2,}/g, ' ');
}

/** The split-based tokenizer the one-pass tokenizer replaced (the reference). */
function referenceTokens(sentence: string, language: Language): string[] {
  const out: string[] = [];
  const text = language === 'ar' || language === 'other' ? normalizeArabic(sentence) : sentence;
  for (const raw of text.split(/[^\p{L}\p{N}'’]+/u)) {
    let word = raw.replace(/^['’]+|['’]+$/g, '');
    if (word.length === 0 || raw.length > 40) continue;
    if (/^[\u0600-\u06ff]/.test(word)) {
      if (ARABIC_STOPWORDS.has(word)) continue;
      word = stripArabicPrefixes(word);
      if (!ARABIC_STOPWORDS.has(word) && word.length >= 2) out.push(word);
      continue;
    }
    word = word.toLowerCase().replace(/^(?:l|d|qu|j|n|s|c|m|t)['’]/, '').replace(/['’]s$/, '');
    if (word.length < 2 || ENGLISH_STOPWORDS.has(word) || FRENCH_STOPWORDS.has(word)) continue;
    out.push(/^\d/.test(word) || !(word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) ? word : word.slice(0, -1));
  }
  return out;
}

/** Characters that matter to both: letters of three scripts, Arabic marks and folded forms, apostrophes, spaces and controls of every kind, astral letters and emoji. */
const CHARS = Array.from('ab Z9\'’.,-éÀ×ابةىأإآٱ\u064b\u0651\u0640\u0670١ 𝐀😀²½ \n\r\t\u00a0\u200b\u202e\u2028\u0085\u007f\u0001\u3000\ufeff\u00ad\u0301e\u0065\u0301');
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((a) => a.join(''));
const language = fc.constantFrom<Language>('ar', 'en', 'fr', 'other');

describe('normalizeText (one pass)', () => {
  it.each([
    ['CRLF and CR line ends', 'a\r\nb\rc', 'a\nb\nc'],
    ['exotic and repeated spaces', 'a\u00a0\u2003 \tb', 'a b'],
    ['zero-width, bidi and BOM', '\ufeffال\u200bوزير\u202e', 'الوزير'],
    ['controls', 'a\u0007b\u007fc', 'a b c'],
    ['decomposed accents (NFC)', 'de\u0301ja\u0300', 'déjà'],
    ['nothing to do', 'Le ministre est arrivé.', 'Le ministre est arrivé.'],
  ])('normalises %s', (_case, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('matches the regex pipeline on any text', () => {
    fc.assert(fc.property(text, (raw) => normalizeText(raw) === referenceNormalize(raw)), { numRuns: 3000 });
  });
});

describe('contentTokens (one pass)', () => {
  it.each([
    ['ar', 'قالَ الوزيرُ إنّ الحكـــومة ستعلن الخطة', ['وزير', 'حكومه', 'ستعلن', 'خطه']],
    ['en', "The minister's plans aren't final", ['minister', 'plan', "aren't", 'final']],
    ['fr', "L’accord d'Helsinki reste fragile", ['accord', 'helsinki', 'reste', 'fragile']],
    ['other', '', []],
  ] as const)('tokenises %s text', (lang, sentence, expected) => {
    expect(contentTokens(sentence, lang)).toEqual(expected);
  });

  it('matches the split-based tokenizer on any text', () => {
    fc.assert(fc.property(text, language, (raw, lang) => JSON.stringify(contentTokens(raw, lang)) === JSON.stringify(referenceTokens(raw, lang))), { numRuns: 3000 });
  });
});
