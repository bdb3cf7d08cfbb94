import { normalizeArabic, stripArabicPrefixes } from '../briefing/arabic';

const MARKS = /\p{M}/gu;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Fold text for matching (never for display): Arabic normalisation (diacritics,
 * tatweel, alef forms, ى→ي, ة→ه), then every combining mark removed (so
 * French é → e), Arabic-Indic digits to ASCII, lower case, and whitespace
 * collapsed.
 */
export function foldForSearch(text: string): string {
  return normalizeArabic(text)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(ARABIC_INDIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of already folded text. */
export function wordsOf(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/**
 * Index terms of one folded word: the word itself and, for Arabic words, the
 * word without a light prefix (و، ال، بال…), so `والحكومة` is found by `حكومة`.
 */
export function termsOf(word: string): string[] {
  const stripped = stripArabicPrefixes(word);
  return stripped === word ? [word] : [word, stripped];
}
