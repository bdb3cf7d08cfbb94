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

/**
 * What the Arabic folding (as `normalizeArabic` in `../arabic`) does to each
 * code point of the Arabic block U+0600–U+06FF: 0 keep, -1 drop (diacritics,
 * tatweel), else the replacement (آ أ إ ٱ → ا, ى → ي, ة → ه).
 */
const FOLD_TABLE = ((): Int32Array => {
  const table = new Int32Array(0x100);
  const drop = (from: number, to: number): void => { for (let c = from; c <= to; c++) table[c - 0x0600] = -1; };
  drop(0x0610, 0x061a);
  drop(0x064b, 0x065f);
  drop(0x0670, 0x0670);
  drop(0x06d6, 0x06dc);
  drop(0x06df, 0x06e8);
  drop(0x06ea, 0x06ed);
  drop(0x0640, 0x0640);
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671]) table[c - 0x0600] = 0x0627;
  table[0x0649 - 0x0600] = 0x064a;
  table[0x0629 - 0x0600] = 0x0647;
  return table;
})();

function foldOf(c: number): number {
  return c >= 0x0600 && c <= 0x06ff ? FOLD_TABLE[c - 0x0600]! : 0;
}

/**
 * Fold Arabic text the way `normalizeArabic` (`../arabic`) does (diacritics
 * and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه), copying the runs between
 * folded characters in one pass; text with nothing to fold is returned as is.
 */
export function foldArabic(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const f = foldOf(text.charCodeAt(i));
    if (f === 0) continue;
    out += text.slice(from, i);
    if (f > 0) out += String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Normalised comparison form of one word: lower case, ’ as ', Arabic folded as by `normalizeArabic` (`../arabic`). */
export function normForm(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) return foldArabic(word);
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
