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
  return foldChars(text).replace(/\s+/g, ' ').trim();
}

/**
 * The key under which a typed id or title finds an article, the same in the
 * bot (`/brief article:`) and the CLI (`npm run brief -- <id>`): text folded
 * by {@link foldForSearch}, so `LAVROV-North-Korea` finds `lavrov-north-korea`.
 */
export function nameKey(text: string): string {
  return foldForSearch(text);
}

/** {@link foldForSearch} but for white space. */
function foldChars(text: string): string {
  return normalizeArabic(text)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(ARABIC_INDIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .toLowerCase();
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

/** How one UTF-16 unit folds, found on first sight (0 = not yet known). */
const enum Fold {
  Unknown = 0,
  /** A letter or digit left as it is. */
  Keep,
  /** A letter or digit folded to another single unit (see `FOLDED_TO`). */
  Map,
  /** Folded away (a mark, tatweel): its neighbours join. */
  Drop,
  /** Folds to no letter or digit: ends a word. */
  Separator,
  /** Anything else (several units, surrogates, a context-dependent case): the text is folded whole. */
  Whole,
}
const FOLD_KIND = new Uint8Array(0x10000);
const FOLDED_TO = new Uint16Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const NO_LETTER_OR_DIGIT = /^[^\p{L}\p{N}]*$/u;
/** Lower case of Σ depends on its neighbours (final ς). */
const SIGMA = 0x03a3;

/** How the unit `code` folds, by folding it alone (exact: folding works unit by unit, see {@link termSet}). */
function foldKind(code: number): Fold {
  let kind = FOLD_KIND[code]!;
  if (kind !== Fold.Unknown) return kind;
  const char = String.fromCharCode(code);
  const folded = code === SIGMA || (code >= 0xd800 && code <= 0xdfff) ? undefined : foldChars(char);
  if (folded === undefined) kind = Fold.Whole;
  else if (folded === '') kind = Fold.Drop;
  else if (folded === char && LETTER_OR_DIGIT.test(char)) kind = Fold.Keep;
  else if (folded.length === 1 && LETTER_OR_DIGIT.test(folded)) kind = Fold.Map;
  else kind = NO_LETTER_OR_DIGIT.test(folded) ? Fold.Separator : Fold.Whole;
  FOLDED_TO[code] = kind === Fold.Map ? folded?.charCodeAt(0) ?? code : code;
  FOLD_KIND[code] = kind;
  return kind;
}

/** Longest word built unit by unit (a longer one makes the text be folded whole). */
const MAX_WORD = 1024;
/** Units of the word being built, when it differs from the raw text (a plain array: `fromCharCode.apply` takes it fastest). */
const wordUnits: number[] = new Array<number>(MAX_WORD).fill(0);

/**
 * Distinct index terms of a raw text, in order of first occurrence: the same
 * as `wordsOf(foldForSearch(text)).flatMap(termsOf)` without duplicates, in
 * one pass over the text with a table of how each unit folds. This is exact
 * because folding works unit by unit: every unit NFD reorders is a mark
 * (removed), only Σ lower-cases by context, and white space only separates.
 */
export function termSet(text: string): string[] {
  const terms = new Set<string>();
  let start = -1;
  let length = 0;
  /** False while the word is a plain slice of the text. */
  let changed = false;
  for (let i = 0; i <= text.length; i++) {
    // One space past the end closes the last word.
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    const kind = foldKind(code);
    if (kind === Fold.Keep || kind === Fold.Map) {
      if (start < 0) start = i;
      if (kind === Fold.Map) changed = true;
      if (length < MAX_WORD) wordUnits[length] = FOLDED_TO[code]!;
      length++;
    } else if (kind === Fold.Drop) {
      if (start >= 0) changed = true;
    } else if (kind === Fold.Whole || length > MAX_WORD) {
      return foldedTermSet(text);
    } else if (start >= 0) {
      addTerms(terms, changed ? String.fromCharCode.apply(null, wordUnits.slice(0, length)) : text.slice(start, i));
      start = -1;
      length = 0;
      changed = false;
    }
  }
  return [...terms];
}

function addTerms(terms: Set<string>, word: string): void {
  terms.add(word);
  const stripped = stripArabicPrefixes(word);
  if (stripped !== word) terms.add(stripped);
}

/** The reference definition of {@link termSet}: fold the whole text, then split it into words. */
export function foldedTermSet(text: string): string[] {
  return [...new Set(wordsOf(foldForSearch(text)).flatMap(termsOf))];
}
