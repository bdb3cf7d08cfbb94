/**
 * Arabic text normalisation for matching and scoring (never for display).
 */

/** Diacritics, tatweel, alef forms, alef maqsura and ta marbuta, in one class. */
const FOLDABLE = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u0622\u0623\u0625\u0671\u0649\u0629]/g;
const QUICK_CHECK = new RegExp(FOLDABLE.source);

function fold(char: string): string {
  switch (char) {
    case '\u0622':
    case '\u0623':
    case '\u0625':
    case '\u0671':
      return '\u0627';
    case '\u0649':
      return '\u064a';
    case '\u0629':
      return '\u0647';
    default:
      return '';
  }
}

/**
 * Normalise Arabic text for comparison: remove diacritics (tashkeel) and
 * tatweel, fold alef forms أ إ آ ٱ to ا, ى to ي and ة to ه. Other scripts are
 * left unchanged.
 */
export function normalizeArabic(text: string): string {
  return QUICK_CHECK.test(text) ? text.replace(FOLDABLE, fold) : text;
}

/** Light prefixes, longest first, in normalised form. */
const PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'] as const;

/** Whether a code unit is the first letter of a prefix (و ف ب ل ا ك): a quick test before trying each one. */
function isPrefixLetter(code: number): boolean {
  return code === 0x0648 || code === 0x0641 || code === 0x0628 || code === 0x0644 || code === 0x0627 || code === 0x0643;
}

/** Shortest stem left after a prefix is removed. */
const MIN_STEM = 2;

/**
 * Strip one light prefix (وال، بال، كال، فال، لل، ال، و، ف، ب، ل) from an
 * already normalised Arabic word, keeping a stem of at least two letters
 * (three for the one-letter prefixes, so that short words such as `بعد`
 * survive).
 */
export function stripArabicPrefixes(word: string): string {
  if (!isPrefixLetter(word.charCodeAt(0))) return word;
  for (const prefix of PREFIXES) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.length - prefix.length;
    const min = prefix.length === 1 ? MIN_STEM + 1 : MIN_STEM;
    if (rest >= min) return word.slice(prefix.length);
  }
  return word;
}

/** True when the character is a letter of the Arabic script. */
export function isArabicLetter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x0620 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3) || (code >= 0x06fa && code <= 0x06ff)
    || (code >= 0x0750 && code <= 0x077f) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc);
}
