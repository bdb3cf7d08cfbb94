/**
 * Text normalisation and tokenisation for scoring (ROUGE, quote matching).
 * Independent of the engine's own normaliser on purpose: the evaluation must
 * not share code with what it measures.
 */

/** Arabic diacritics (tashkeel), Quranic marks and superscript alef. */
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/g;
const TATWEEL = /\u0640/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Normalise for comparison: NFKC (folds Arabic presentation forms), lower
 * case, no diacritics or tatweel, alef forms أ إ آ ٱ → ا, ى → ي, ة → ه,
 * Arabic-Indic digits → 0-9. Other Latin marks (é) are kept.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(ALEF_FORMS, 'ا')
    .replace(/\u0649/g, 'ي')
    .replace(/\u0629/g, 'ه')
    .replace(ARABIC_INDIC_DIGITS, (d) => String((d.codePointAt(0)! & 0xf) % 10));
}

/** Normalised tokens: runs of letters and digits (`/[\p{L}\p{N}]+/gu`) of {@link normalizeText}. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN) ?? [];
}
