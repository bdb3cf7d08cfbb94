import { ARABIC_ABBREVIATIONS, BEFORE_NUMBER, MAYBE_FINAL, NEVER_FINAL, SENTENCE_STARTERS } from './abbreviations';
import { isArabicLetter, normalizeArabic } from './arabic';
import { findQuoteSpans, insideQuoteMask } from './quote-spans';
import type { Language } from './schema';

const TERMINATORS = new Set(['.', '!', '?', '؟', '…', '‼', '⁇', '۔']);
/** Sentence-ending punctuation. */
const TERMINATOR = /[.!?؟…‼⁇۔]/;
/** Top-level domains written in Arabic letters after a glued period (`بيت.كوم`, `مصراوي.نت`). */
const ARABIC_DOMAINS = /^(?:كوم|نت|أورج|اورج|أورغ|اورغ)(?![\p{L}\p{N}])/u;
const TRAILERS = new Set(['"', '\'', '”', '»', '’', '›', ')', ']', '}', '“']);

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00a0' || /\s/.test(ch));
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The run of non-space characters ending just before `end`. */
function tokenBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && start > end - 40 && !isSpace(text[start - 1])) start--;
  return text.slice(start, end).replace(/^[("'“«‘[]+/, '');
}

/** The word (letters and digits) starting at `start`, after any opening marks. */
function wordAfter(text: string, start: number): string {
  let i = start;
  while (i < text.length && i < start + 4 && /[("'“«‘[„-]/.test(text[i]!)) i++;
  let end = i;
  while (end < text.length && end < i + 30 && isLetterOrDigit(text[end])) end++;
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

/** Decide whether a period closes the sentence, from the token before it and the word after. */
function periodEnds(token: string, next: string): boolean {
  const bare = token.replace(/\.+$/, '');
  if (bare === '') return true;
  // Arabic: single letters and known abbreviations (د. أ.د. م.)
  const arabic = normalizeArabic(bare.replace(/\./g, ''));
  if (isArabicLetter(bare[bare.length - 1] ?? '') && ARABIC_ABBREVIATIONS.has(arabic) && bare.length <= 4) return false;
  const lower = bare.toLowerCase();
  const lastWord = lower.split(/[^\p{L}]+/u).pop() ?? '';
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
  const spans = findQuoteSpans(text);
  const mask = spans.length > 0 ? insideQuoteMask(text, spans) : undefined;
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  const finder = new RegExp(TERMINATOR.source, 'g');
  while (i < text.length) {
    finder.lastIndex = i;
    const found = finder.exec(text);
    if (!found) break;
    i = found.index;
    const ch = text[i]!;
    const termStart = i;
    let j = i + 1;
    while (j < text.length && (TERMINATORS.has(text[j]!) || TRAILERS.has(text[j]!))) j++;
    const terms = text.slice(termStart, j);
    const boundary = j;
    i = j;
    if (mask !== undefined && mask[boundary]! > 0) continue;
    const atEnd = boundary >= text.length;
    if (atEnd) break;
    const glued = !isSpace(text[boundary]);
    if (glued) {
      // `.` glued to the next word ends a sentence only between Arabic words (الأربعاء.وقال).
      if (!(ch === '.' && isArabicLetter(text[termStart - 1] ?? '') && isArabicLetter(text[boundary] ?? ''))) continue;
      if (ARABIC_DOMAINS.test(text.slice(boundary, boundary + 6))) continue; // بيت.كوم is a site name
    }
    let k = boundary;
    while (k < text.length && isSpace(text[k])) k++;
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

function pushSentence(out: string[], raw: string): void {
  const sentence = raw.trim();
  if (sentence !== '') out.push(sentence);
}
