/**
 * Word and punctuation tokens of a short stretch of text, with positions and
 * a normalised form for lexicon look-ups.
 */
import { normalizeArabic } from '../arabic';

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

/** Words that keep their final period (abbreviated titles); other words lose it. */
const KEEP_DOT = new Set(['m.', 'mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'gen.', 'gov.', 'sen.', 'rep.', 'pr.', 'me.', 'col.', 'lt.', 'sgt.', 'prof.']);

/** Normalised comparison form of one word. */
export function normForm(word: string): string {
  return normalizeArabic(word.toLowerCase().replace(/’/g, "'"));
}

/** Tokenise `text` (intended for short contexts, a few hundred characters). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let word = m[0];
    const punct = word.length === 1 && !/[\p{L}\p{N}]/u.test(word);
    if (!punct && word.endsWith('.') && !KEEP_DOT.has(word.toLowerCase())) {
      out.push({ text: word.slice(0, -1), norm: normForm(word.slice(0, -1)), punct: false, start: m.index });
      out.push({ text: '.', norm: '.', punct: true, start: m.index + word.length - 1 });
      continue;
    }
    if (word.length === 0) break;
    word = word.normalize('NFC');
    out.push({ text: word, norm: normForm(word), punct, start: m.index });
  }
  return out;
}

/** Number of words in `text` (letters or digits runs). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of text) {
    const w = /[\p{L}\p{N}]/u.test(ch);
    if (w && !inWord) n++;
    inWord = w || (inWord && (ch === '\'' || ch === '’' || ch === '-'));
  }
  return n;
}

/** True when the character starts with an upper-case letter (Latin, Greek, Cyrillic…). */
export function isCapitalized(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase() && first === first.toUpperCase();
}
