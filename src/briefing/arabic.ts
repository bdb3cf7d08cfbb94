/**
 * Arabic text normalisation for matching and scoring (never for display).
 */

/**
 * The Arabic folding, in one readable definition: the code points it drops
 * (diacritics — tashkeel and Quranic marks — and tatweel) and the letters it
 * replaces (alef forms أ إ آ ٱ → ا, ى → ي, ة → ه). Every folding of the
 * engine (this module's {@link normalizeArabic}, the tokenizers of
 * `tokens.ts` and `quote-parts/tokens.ts`) reads the table built from it.
 */
const DROPPED: readonly (readonly [number, number])[] = [
  [0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670], [0x06d6, 0x06dc], [0x06df, 0x06e8], [0x06ea, 0x06ed], [0x0640, 0x0640],
];
const REPLACED: Readonly<Record<string, string>> = { 'آ': 'ا', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه' };

/**
 * What the folding does to each code unit of the Arabic block U+0600–U+06FF
 * (index: code − 0x0600): 0 keep, -1 drop, else the code of the replacement.
 * Built from {@link DROPPED} and {@link REPLACED}.
 */
export const ARABIC_FOLD_TABLE: Int32Array = ((): Int32Array => {
  const table = new Int32Array(0x100);
  for (const [from, to] of DROPPED) for (let c = from; c <= to; c++) table[c - 0x0600] = -1;
  for (const [letter, folded] of Object.entries(REPLACED)) table[letter.charCodeAt(0) - 0x0600] = folded.charCodeAt(0);
  return table;
})();

/** What the folding does to the code unit `code`: 0 keep (also outside the Arabic block), -1 drop, else the replacement's code. */
export function arabicFoldOf(code: number): number {
  return code >= 0x0600 && code <= 0x06ff ? ARABIC_FOLD_TABLE[code - 0x0600]! : 0;
}

/**
 * Normalise Arabic text for comparison: remove diacritics (tashkeel) and
 * tatweel, fold alef forms أ إ آ ٱ to ا, ى to ي and ة to ه. Other scripts are
 * left unchanged. One pass, copying the runs between folded characters; text
 * with nothing to fold is returned as is.
 */
export function normalizeArabic(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const f = arabicFoldOf(text.charCodeAt(i));
    if (f === 0) continue;
    out += text.slice(from, i);
    if (f > 0) out += String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
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
