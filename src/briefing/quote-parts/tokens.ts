/**
 * Word and punctuation tokens of a short stretch of text, with positions and
 * a normalised form for lexicon look-ups.
 */
import { ARABIC_FOLD_TABLE, arabicFoldOf, normalizeArabic } from '../arabic';
import { CharClass } from '../char-class';

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

// Words may contain inner apostrophes and hyphens (don't, l'État, a-t-il, Jean-Pierre): the tokens are
// those of /[\p{L}\p{M}\p{N}]+(?:['’‑-][\p{L}\p{M}\p{N}]+)*\.?|[،,:;.!?؟؛—–()…"“”«»„‘’‹›'-]/gu, found by a
// hand-written scan (this runs over every paragraph that holds a quotation, and a regular expression with
// Unicode classes costs several times more).

/** Letters, marks and digits (`\p{L}\p{M}\p{N}`): the characters of a word. */
const WORD_CHARS = new CharClass(/^[\p{L}\p{M}\p{N}]$/u);

/** The single-character punctuation tokens. */
const PUNCT = new Set([...'،,:;.!?؟؛—–()…"“”«»„‘’‹›\'-']);
/** {@link PUNCT} by code unit (all below U+2100): the mark as a string, shared by all its tokens. */
const PUNCT_UNIT: (string | undefined)[] = new Array<string | undefined>(0x2100);
for (const ch of PUNCT) PUNCT_UNIT[ch.charCodeAt(0)] = ch;

/** Words that keep their final period (abbreviated titles); other words lose it. */
const KEEP_DOT: ReadonlySet<string> = new Set(['m.', 'mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'gen.', 'gov.', 'sen.', 'rep.', 'pr.', 'me.', 'col.', 'lt.',
  'sgt.', 'prof.', 'capt.', 'maj.', 'adm.', 'cmdr.', 'rev.', 'hon.', 'supt.', 'insp.', 'mgr.', 'mme.', 'mlle.', 'messrs.', 'brig.', 'cpl.', 'pvt.']);

/** `U.K. think-tank`: the last period of dotted capitals, followed by a lower-case word, ends no sentence. */
function isAcronymEnd(text: string, dot: number): boolean {
  const letter = text.charCodeAt(dot - 1);
  if (letter < 65 || letter > 90) return false;
  let k = dot + 1;
  while (k < text.length && text.charCodeAt(k) === 32) k++;
  const next = text[k];
  return next !== undefined && next !== next.toUpperCase() && next === next.toLowerCase();
}

/**
 * True when the period at `dot` in `text` ends an abbreviated title (Capt., Dr., Mgr.) or dotted
 * capitals before a lower-case word (U.K. think-tank), not a sentence.
 * Only the letters right before it are read.
 */
export function isTitleAbbreviation(text: string, dot: number): boolean {
  let j = dot;
  while (j > 0 && dot - j < 6) {
    const c = text.charCodeAt(j - 1);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    j--;
  }
  if (j === dot || dot - j >= 6) return false;
  const prev = j > 0 ? text.charCodeAt(j - 1) : 32;
  if (dot - j === 1 && prev === 46) return isAcronymEnd(text, dot);
  // The word must start there (not "team." inside "steam.").
  if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || prev >= 0xc0) return false;
  return KEEP_DOT.has(text.slice(j, dot + 1).toLowerCase());
}

/** True when every character of `word` lies in the Arabic block (U+0600–U+06FF). */
export function isArabicOnly(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x0600 || c > 0x06ff) return false;
  }
  return word.length > 0;
}

/** Fold Arabic text (diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه): {@link normalizeArabic}. */
export const foldArabic = normalizeArabic;

/** `\uXXXX` of the character at `c` in the Arabic block. */
function arabicEscape(c: number): string {
  return `\\u${(0x0600 + c).toString(16).padStart(4, '0')}`;
}

/** The characters whose `ARABIC_FOLD_TABLE` entry is `wanted`, as the ranges of a character class. */
function foldClass(wanted: number): string {
  let out = '';
  for (let c = 0; c < 0x100; c++) {
    if (ARABIC_FOLD_TABLE[c] !== wanted) continue;
    let last = c;
    while (last + 1 < 0x100 && ARABIC_FOLD_TABLE[last + 1] === wanted) last++;
    out += last === c ? arabicEscape(c) : `${arabicEscape(c)}-${arabicEscape(last)}`;
    c = last;
  }
  return out;
}

/** Characters the folding drops, any number of them. */
const DROPPED_RUN = `[${foldClass(-1)}]*`;
/** For each folded letter of the Arabic block, the pattern of it and of the letters folded to it (أ إ آ ٱ → ا). */
const LETTER_PATTERNS = Array.from({ length: 0x100 }, (_, c) => {
  const sources = foldClass(0x0600 + c);
  return sources === '' ? arabicEscape(c) : `[${arabicEscape(c)}${sources}]`;
});

/**
 * A regular expression matching, in unfolded text, what `foldArabic` turns
 * into `needle` (folded Arabic, see {@link isArabicOnly}): each letter or
 * one that folds to it, with dropped characters (diacritics, tatweel) in
 * between. Searching with it spares folding the text. The expression is
 * global and shared: set its `lastIndex` before each search.
 */
export function foldedPattern(needle: string): RegExp {
  let pattern = foldedPatterns.get(needle);
  if (!pattern) {
    const letters: string[] = [];
    for (let i = 0; i < needle.length; i++) letters.push(LETTER_PATTERNS[needle.charCodeAt(i) - 0x0600]!);
    pattern = new RegExp(letters.join(DROPPED_RUN), 'g');
    // Roles and names recur from article to article; the memo is bounded all the same.
    if (foldedPatterns.size >= MAX_FOLDED_PATTERNS) foldedPatterns.clear();
    foldedPatterns.set(needle, pattern);
  }
  return pattern;
}

/**
 * Most patterns kept by {@link foldedPattern}. Each holds its compiled code
 * (about 1.5 KB): 4,096 of them kept 6 MB of the library's heap after a first
 * start of 10,000 articles (about 2,000 distinct needles), for no measurable
 * speed over 256 (which still serves most repeats: roles and names recur
 * within a few articles).
 */
const MAX_FOLDED_PATTERNS = 256;
/** The patterns made so far, by needle. */
const foldedPatterns = new Map<string, RegExp>();

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
  return tokenizeInto(text, 0, text.length, []);
}

/**
 * Append to `out` the tokens of `text` from `from` to `n`, with offsets in
 * `text`. A token never holds a space or a line break, so when `from` and
 * `n` are the ends of `text` or such characters, the tokens are those that
 * {@link tokenize} finds there in the whole text.
 */
export function tokenizeInto(text: string, from: number, n: number, out: Token[]): Token[] {
  let i = from;
  while (i < n) {
    let w = WORD_CHARS.width(text, i);
    if (w === 0) {
      const c = text.charCodeAt(i);
      const mark = c < 0x2100 ? PUNCT_UNIT[c] : undefined;
      if (mark !== undefined) out.push({ text: mark, norm: mark, punct: true, start: i });
      i++;
      continue;
    }
    const start = i;
    i += w;
    for (;;) {
      while (i < n && (w = WORD_CHARS.width(text, i)) > 0) i += w;
      const j = i < n ? text.charCodeAt(i) : 0;
      // An inner apostrophe or hyphen joins when a word character follows.
      if ((j === 39 || j === 0x2019 || j === 0x2011 || j === 45) && i + 1 < n && (w = WORD_CHARS.width(text, i + 1)) > 0) {
        i += 1 + w;
        continue;
      }
      break;
    }
    if (i < n && text.charCodeAt(i) === 46) {
      const withDot = text.slice(start, i + 1);
      if (KEEP_DOT.has(withDot.toLowerCase())) {
        out.push({ text: withDot, norm: normForm(withDot), punct: false, start });
      } else {
        const bare = text.slice(start, i);
        out.push({ text: bare, norm: normForm(bare), punct: false, start });
        out.push({ text: '.', norm: '.', punct: true, start: i });
      }
      i++;
      continue;
    }
    const word = text.slice(start, i);
    out.push({ text: word, norm: normForm(word), punct: false, start });
  }
  return out;
}

/** Letters and digits (`\p{L}\p{N}`, no marks), as `/[\p{L}\p{N}]/u` reads them. */
const ALNUM_CHARS = new CharClass(/^[\p{L}\p{N}]$/u);

/** Index just after the run of letters and digits starting at `i` (`i` itself when there is none). */
function alnumRunEnd(text: string, i: number): number {
  let w: number;
  while (i < text.length && (w = ALNUM_CHARS.width(text, i)) > 0) i += w;
  return i;
}

/**
 * Number of words in `text`: the matches of `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*`
 * (letter or digit runs; inner apostrophes and hyphens join), counted by a
 * hand-written scan with cached character classes instead of the expression.
 */
export function countWords(text: string): number {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    let end = alnumRunEnd(text, i);
    if (end === i) {
      i++;
      continue;
    }
    for (;;) {
      const c = text.charCodeAt(end);
      const next = c === 39 || c === 0x2019 || c === 45 ? alnumRunEnd(text, end + 1) : end;
      if (next <= end + 1) break;
      end = next;
    }
    n++;
    i = end;
  }
  return n;
}

/**
 * End of the run starting at `i` of letters, digits and characters that
 * Arabic folding drops (`i` itself when there is none): after
 * {@link foldArabic}, the run is one of the runs of {@link letterRuns}.
 */
export function foldedRunEnd(text: string, i: number): number {
  while (i < text.length) {
    const w = ALNUM_CHARS.width(text, i);
    if (w > 0) i += w;
    else if (arabicFoldOf(text.charCodeAt(i)) === -1) i++;
    else break;
  }
  return i;
}

/**
 * The runs of letters and digits of `text` joined by single spaces: what
 * `text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()` gives, without the expression.
 */
export function letterRuns(text: string): string {
  const runs: string[] = [];
  let i = 0;
  while (i < text.length) {
    const end = alnumRunEnd(text, i);
    if (end === i) {
      i++;
      continue;
    }
    if (end - i === text.length) return text;
    runs.push(text.slice(i, end));
    i = end;
  }
  return runs.join(' ');
}

/** True when the character starts with an upper-case letter (Latin, Greek, Cyrillic…). */
export function isCapitalized(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase() && first === first.toUpperCase();
}
