import { ARABIC_FOLD_TABLE, arabicFoldOf, stripArabicPrefixes } from './arabic';
import type { Language } from './schema';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS, FRENCH_STOPWORDS } from './stopwords';

/** Longest content word kept (longer runs are noise: URLs, base64…). */
const MAX_WORD = 40;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What a UTF-16 code unit is to the tokenizer. */
const enum Kind {
  /** Separates words. */
  Separator,
  /** Part of a word (letter, digit, apostrophe). */
  Word,
  /** Removed by Arabic folding without splitting the word (diacritics, tatweel). */
  Ignored,
}

/** Arabic letter forms that folding maps to another letter, by code (alef forms → ا, ى → ي, ة → ه; '' when none): strings made once, as a one-letter string of a non-Latin code is a fresh allocation. */
const FOLDED_LETTERS: readonly string[] = Array.from({ length: 0x100 }, (_, c) => (ARABIC_FOLD_TABLE[c]! > 0 ? String.fromCharCode(ARABIC_FOLD_TABLE[c]!) : ''));

/** Kind + 1 of each code unit below U+0700 per folding mode (0: not yet known): a table read instead of a chain of range tests. */
const FOLDED_KINDS = new Uint8Array(0x700);
const PLAIN_KINDS = new Uint8Array(0x700);

function kindOf(text: string, i: number, code: number, fold: boolean): Kind {
  if (code >= 0x700) return kindBeyond(text, i, code, fold);
  const table = fold ? FOLDED_KINDS : PLAIN_KINDS;
  const known = table[code]!;
  if (known !== 0) return known - 1;
  const kind = kindBeyond(text, i, code, fold);
  table[code] = kind + 1;
  return kind;
}

function kindBeyond(text: string, i: number, code: number, fold: boolean): Kind {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x27 ? Kind.Word : Kind.Separator;
  }
  if (fold && arabicFoldOf(code) === -1) return Kind.Ignored;
  if (code === 0x2019) return Kind.Word;
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? Kind.Separator : Kind.Word;
  if ((code >= 0x0620 && code <= 0x064a) || (code >= 0x0660 && code <= 0x0669)) return Kind.Word;
  if (code >= 0xd800 && code <= 0xdbff) {
    const pair = text.codePointAt(i) ?? code;
    return LETTER_OR_DIGIT.test(String.fromCodePoint(pair)) ? Kind.Word : Kind.Separator;
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const pair = i > 0 ? text.codePointAt(i - 1) ?? code : code;
    return pair > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(pair)) ? Kind.Word : Kind.Separator;
  }
  return LETTER_OR_DIGIT.test(text[i]!) ? Kind.Word : Kind.Separator;
}

/**
 * Content-word tokens of a sentence for similarity scoring: lower-cased,
 * Arabic normalised (for `ar` and `other`: diacritics and tatweel removed,
 * alef forms, ى and ة folded) with light prefixes stripped, stop words and
 * one-letter tokens removed, light English/French plural folding. One pass
 * over the sentence: words are letters, digits and apostrophes.
 */
export function contentTokens(sentence: string, language: Language): string[] {
  const out: string[] = [];
  const fold = language === 'ar' || language === 'other';
  const length = sentence.length;
  let start = -1; // start of the current word's unfolded run
  let word = ''; // the current word before `start` (set only once folding changed something)
  let folded = false;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? sentence.charCodeAt(i) : 0x20;
    const kind = kindOf(sentence, i, code, fold);
    if (kind === Kind.Word) {
      const to = fold && code >= 0x0622 && code <= 0x0671 ? FOLDED_LETTERS[code - 0x0600]! : '';
      if (to !== '') {
        word += start >= 0 ? sentence.slice(start, i) : '';
        word += to;
        folded = true;
        start = -1;
      } else if (start < 0) start = i;
      continue;
    }
    if (kind === Kind.Ignored) {
      if (start >= 0 || folded || word !== '') {
        word += start >= 0 ? sentence.slice(start, i) : '';
        folded = true;
        start = -1;
      }
      continue;
    }
    if (start >= 0 || folded) {
      const raw = folded ? word + (start >= 0 ? sentence.slice(start, i) : '') : sentence.slice(start, i);
      if (raw !== '') addToken(out, raw);
    }
    start = -1;
    word = '';
    folded = false;
  }
  return out;
}

/** Filter and fold one raw word, appending it to `out` when it carries content. */
function addToken(out: string[], raw: string): void {
  let word = raw;
  if (word.length > MAX_WORD) return;
  if (isApostrophe(word.charCodeAt(0)) || isApostrophe(word.charCodeAt(word.length - 1))) {
    word = word.replace(/^['’]+|['’]+$/g, '');
    if (word.length === 0) return;
  }
  if (isArabicWord(word)) {
    if (ARABIC_STOPWORDS.has(word)) return;
    word = stripArabicPrefixes(word);
    if (ARABIC_STOPWORDS.has(word) || word.length < 2) return;
    out.push(word);
    return;
  }
  word = word.toLowerCase();
  if (word.includes("'") || word.includes('’')) word = word.replace(/^(?:l|d|qu|j|n|s|c|m|t)['’]/, '').replace(/['’]s$/, '');
  if (word.length < 2 || ENGLISH_STOPWORDS.has(word) || FRENCH_STOPWORDS.has(word)) return;
  const first = word.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    out.push(word);
    return;
  }
  out.push(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

function isArabicWord(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 0x0600 && code <= 0x06ff;
}

/** Number of whitespace-separated words in a text. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
