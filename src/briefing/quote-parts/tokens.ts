/**
 * Word and punctuation tokens of a short stretch of text, with positions and
 * a normalised form for lexicon look-ups.
 */

/** One word or punctuation mark. */
export interface Token {
  /** The text as written. */
  text: string;
  /** Lower-cased, Arabic-normalised form for comparisons. */
  norm: string;
  /** True for punctuation (`، , : ; . ! ? ؟ ؛ — – ( )`) and quotation marks. */
  punct: boolean;
  /** Offset of the first character in the tokenised string. */
  start: number;
}

// Words may contain inner apostrophes and hyphens (don't, l'État, a-t-il, Jean-Pierre).
// Each alternative starts with a distinct class, so matching is linear.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’‑-][\p{L}\p{M}\p{N}]+)*\.?|[،,:;.!?؟؛—–()…"“”«»„‘’‹›'-]/gu;

/** The single-character punctuation tokens. */
const PUNCT = new Set([...'،,:;.!?؟؛—–()…"“”«»„‘’‹›\'-']);

/** Words that keep their final period (abbreviated titles); other words lose it. */
const KEEP_DOT = new Set(['m.', 'mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'gen.', 'gov.', 'sen.', 'rep.', 'pr.', 'me.', 'col.', 'lt.', 'sgt.', 'prof.']);

/** Characters the Arabic folding changes or removes (as `normalizeArabic` in `../arabic`). */
const FOLDED = /\u0640|[\u0622\u0623\u0625\u0671\u0649\u0629]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/gu;
const FOLD_TO: Readonly<Record<string, string>> = { 'آ': 'ا', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه' };

/** Folded forms already computed (words repeat a lot); bounded. */
const foldCache = new Map<string, string>();
const FOLD_CACHE_SIZE = 20_000;

/**
 * Fold one Arabic word the way `normalizeArabic` does (diacritics and tatweel
 * removed, أ إ آ ٱ → ا, ى → ي, ة → ه) in one regular-expression pass: this
 * runs for every token, where five passes cost too much.
 */
function foldArabicWord(word: string): string {
  const known = foldCache.get(word);
  if (known !== undefined) return known;
  const folded = word.replace(FOLDED, (ch) => FOLD_TO[ch] ?? '');
  if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/** Normalised comparison form of one word: lower case, ’ as ', Arabic folded as by `normalizeArabic` (`../arabic`). */
export function normForm(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) return foldArabicWord(word);
  }
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Tokenise `text` (intended for short contexts, a few hundred characters). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = TOKEN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[0];
    if (word.length === 1 && PUNCT.has(word)) {
      out.push({ text: word, norm: word, punct: true, start: m.index });
      continue;
    }
    if (word.endsWith('.') && !KEEP_DOT.has(word.toLowerCase())) {
      const bare = word.slice(0, -1);
      out.push({ text: bare, norm: normForm(bare), punct: false, start: m.index });
      out.push({ text: '.', norm: '.', punct: true, start: m.index + bare.length });
      continue;
    }
    out.push({ text: word, norm: normForm(word), punct: false, start: m.index });
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Number of words in `text` (letter or digit runs; inner apostrophes and hyphens join). */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** True when the character starts with an upper-case letter (Latin, Greek, Cyrillic…). */
export function isCapitalized(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase() && first === first.toUpperCase();
}
