import { normalizeArabic, stripArabicPrefixes } from './arabic';
import type { Language } from './schema';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS, FRENCH_STOPWORDS } from './stopwords';

const SEPARATORS = /[^\p{L}\p{N}'’]+/u;

/** Longest content word kept (longer runs are noise: URLs, base64…). */
const MAX_WORD = 40;

/**
 * Content-word tokens of a sentence for similarity scoring: lower-cased,
 * Arabic normalised with light prefixes stripped, stop words and one-letter
 * tokens removed, light English/French plural folding.
 */
export function contentTokens(sentence: string, language: Language): string[] {
  const out: string[] = [];
  const text = language === 'ar' || language === 'other' ? normalizeArabic(sentence) : sentence;
  for (const raw of text.split(SEPARATORS)) {
    let word = raw;
    if (word.length === 0 || word.length > MAX_WORD) continue;
    if (isApostrophe(word.charCodeAt(0)) || isApostrophe(word.charCodeAt(word.length - 1))) {
      word = word.replace(/^['’]+|['’]+$/g, '');
      if (word.length === 0) continue;
    }
    if (isArabicWord(word)) {
      if (ARABIC_STOPWORDS.has(word)) continue;
      word = stripArabicPrefixes(word);
      if (ARABIC_STOPWORDS.has(word) || word.length < 2) continue;
      out.push(word);
      continue;
    }
    word = word.toLowerCase();
    if (word.includes("'") || word.includes('’')) word = word.replace(/^(?:l|d|qu|j|n|s|c|m|t)['’]/, '').replace(/['’]s$/, '');
    if (word.length < 2 || ENGLISH_STOPWORDS.has(word) || FRENCH_STOPWORDS.has(word)) continue;
    const first = word.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) {
      out.push(word);
      continue;
    }
    out.push(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return out;
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
