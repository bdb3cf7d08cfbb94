import { ARABIC_ABBREVIATIONS, BEFORE_NUMBER, MAYBE_FINAL, NEVER_FINAL, SENTENCE_STARTERS } from './abbreviations';
import { isArabicLetter, normalizeArabic } from './arabic';
import { isWhiteSpace } from './char-class';
import { findQuoteSpans, type QuoteSpan } from './quote-spans';
import type { Language } from './schema';

/** Sentence-ending punctuation (one expression for all calls: `splitSentences` sets its `lastIndex` before each search). */
const TERMINATOR = /[.!?؟…‼⁇۔]/g;
/** Top-level domains written in Arabic letters after a glued period (`بيت.كوم`, `مصراوي.نت`). */
const ARABIC_DOMAINS = /^(?:كوم|نت|أورج|اورج|أورغ|اورغ)(?![\p{L}\p{N}])/u;
/** A terminator (. ! ? ؟ … ‼ ⁇ ۔) or a closing mark after one (" ' ” » ’ › ) ] } “), by code: no one-letter string per character. */
function isTerminatorOrTrailer(code: number): boolean {
  switch (code) {
    case 0x2e: case 0x21: case 0x3f: case 0x61f: case 0x2026: case 0x203c: case 0x2047: case 0x6d4:
    case 0x22: case 0x27: case 0x201d: case 0xbb: case 0x2019: case 0x203a: case 0x29: case 0x5d: case 0x7d: case 0x201c:
      return true;
    default:
      return false;
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `text[i]` is white space (false past the end). */
function isSpaceAt(text: string, i: number): boolean {
  return i < text.length && isWhiteSpace(text.charCodeAt(i));
}

/** Whether `text[i]` is a letter or digit (false past the end); ASCII and Arabic letters answered without the regex. */
function isLetterOrDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  if ((code >= 0x0620 && code <= 0x064a) || (code >= 0x0660 && code <= 0x0669)) return true;
  return i < text.length && LETTER_OR_DIGIT.test(text[i]!);
}

/** Opening marks before a word: ( " ' “ « ‘ [ „ - */
function isOpeningMark(code: number): boolean {
  return code === 0x28 || code === 0x22 || code === 0x27 || code === 0x201c || code === 0xab || code === 0x2018 || code === 0x5b || code === 0x201e || code === 0x2d;
}

/** The run of non-space characters ending just before `end`. */
function tokenBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && start > end - 40 && !isSpaceAt(text, start - 1)) start--;
  return text.slice(start, end).replace(/^[("'“«‘[]+/, '');
}

/** The word (letters and digits) starting at `start`, after any opening marks. */
function wordAfter(text: string, start: number): string {
  let i = start;
  while (i < text.length && i < start + 4 && isOpeningMark(text.charCodeAt(i))) i++;
  let end = i;
  while (end < text.length && end < i + 30 && isLetterOrDigitAt(text, end)) end++;
  return text.slice(i, end);
}

function startsLower(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toUpperCase() && first === first.toLowerCase();
}

function startsUpper(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase();
}

/** The letters after the last non-letter of `word` ('' when it ends in one); plain ASCII or Arabic letters are the whole word, no regex split. */
function lastLetterRun(word: string): string {
  let plain = true;
  for (let i = 0; i < word.length && plain; i++) {
    const code = word.charCodeAt(i);
    plain = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x0620 && code <= 0x064a);
  }
  return plain ? word : word.split(/[^\p{L}]+/u).pop() ?? '';
}

/** Decide whether a period closes the sentence, from the token before it and the word after. */
function periodEnds(token: string, next: string): boolean {
  const bare = token.replace(/\.+$/, '');
  if (bare === '') return true;
  // Arabic: single letters and known abbreviations (د. أ.د. م.)
  if (bare.length <= 4 && isArabicLetter(bare[bare.length - 1] ?? '') && ARABIC_ABBREVIATIONS.has(normalizeArabic(bare.replace(/\./g, '')))) return false;
  const lower = bare.toLowerCase();
  const lastWord = lastLetterRun(lower);
  if (lower.includes('.') && /^(\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(lower)) {
    // initialism such as U.S., e.g., i.e., J.-C.
    if (lower === 'e.g' || lower === 'i.e') return false;
    return startsUpper(next) && SENTENCE_STARTERS.has(next.toLowerCase());
  }
  if (bare.length === 1 && /\p{Lu}/u.test(bare)) return false; // single initial: J. K. Rowling, M. Macron
  if (NEVER_FINAL.has(lastWord) && lastWord === lower) return false;
  if (BEFORE_NUMBER.has(lastWord) && lastWord === lower && /^\d/.test(next)) return false;
  if (MAYBE_FINAL.has(lastWord)) return startsUpper(next);
  if (startsLower(next)) return false;
  return true;
}

/**
 * Split one paragraph into sentences. Handles Arabic punctuation (؟ ends a
 * sentence, ، and ؛ do not), `.` straight after an Arabic word, abbreviations
 * (`د.`, `أ.د.`, `Dr.`, `U.S.`, `M.`, `etc.`), decimals, ellipses and
 * quotations holding several sentences (never split inside a balanced «…»,
 * “…” or "…"). Linear in the paragraph's length.
 */
export function splitSentences(paragraph: string, language: Language = 'other'): string[] {
  const text = paragraph;
  const quoted = mergedInteriors(findQuoteSpans(text));
  let q = 0; // first interior of `quoted` not yet behind the boundaries reached
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    TERMINATOR.lastIndex = i;
    const found = TERMINATOR.exec(text);
    if (!found) break;
    i = found.index;
    const ch = text[i]!;
    const termStart = i;
    let j = i + 1;
    while (j < text.length && isTerminatorOrTrailer(text.charCodeAt(j))) j++;
    const terms = text.slice(termStart, j);
    const boundary = j;
    i = j;
    // Boundaries only move forward: interiors ending at or before this one are behind for good.
    while (q < quoted.length && quoted[q + 1]! <= boundary) q += 2;
    if (q < quoted.length && quoted[q]! < boundary) continue; // inside a quotation
    const atEnd = boundary >= text.length;
    if (atEnd) break;
    const glued = !isSpaceAt(text, boundary);
    if (glued) {
      // `.` glued to the next word ends a sentence only between Arabic words (الأربعاء.وقال).
      if (!(ch === '.' && isArabicLetter(text[termStart - 1] ?? '') && isArabicLetter(text[boundary] ?? ''))) continue;
      if (ARABIC_DOMAINS.test(text.slice(boundary, boundary + 6))) continue; // بيت.كوم is a site name
    }
    let k = boundary;
    while (k < text.length && isSpaceAt(text, k)) k++;
    if (k >= text.length) break;
    const next = wordAfter(text, k);
    const ellipsis = terms.startsWith('…') || terms.startsWith('..');
    if (ellipsis) {
      if (!startsUpper(next) || language === 'ar') continue;
    } else if (ch === '.' && terms.replace(/[^.]/g, '').length === 1) {
      if (!periodEnds(tokenBefore(text, termStart + 1), next)) continue;
    } else if (startsLower(next) && /[!?]/.test(ch)) {
      continue; // "Are you coming?" she asked.
    }
    pushSentence(sentences, text.slice(start, boundary));
    start = boundary;
  }
  pushSentence(sentences, text.slice(start));
  return sentences;
}

/**
 * The interiors of the quotation spans (positions strictly between a span's
 * start and end), sorted and merged into disjoint open intervals, flat as
 * `[start, end, start, end, …]`.
 */
function mergedInteriors(spans: readonly QuoteSpan[]): number[] {
  if (spans.length === 0) return [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: number[] = [];
  for (const { start, end } of sorted) {
    const last = out.length - 1;
    // Two open intervals overlap when the second starts before the first ends: one interval then.
    if (last > 0 && start < out[last]!) out[last] = Math.max(out[last]!, end);
    else out.push(start, end);
  }
  return out;
}

function pushSentence(out: string[], raw: string): void {
  const sentence = raw.trim();
  if (sentence !== '') out.push(sentence);
}
