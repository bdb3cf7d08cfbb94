/**
 * Keep the quotations worth reading, rank them and bound the list: attributed
 * full statements first (named speaker > role > none), longer over shorter,
 * earlier slightly over later; scare quotes and names dropped, near-duplicates
 * merged, overlong texts cut at a word boundary.
 */
import type { Quote } from '../schema';
import { countWords, foldArabic, foldedRunEnd, letterRuns } from './tokens';

/** A quotation with what the ranking needs to know. */
export interface Candidate {
  quote: Quote;
  /** Whether a speech verb or attribution word goes with it. */
  attributed: boolean;
  /** Whether the speaker is a person's name (not only a role). */
  named: boolean;
  /** Preceded by a word such as "film", `صحيفة`, "opération": a title or a name, not speech. */
  titleLike: boolean;
  /** Position in the article (order found). */
  order: number;
}

/** Most quotes returned. */
export const MAX_QUOTES = 25;
/** Longest quote text, in characters, before it is cut with "…". */
export const MAX_QUOTE_LENGTH = 500;

/** A candidate kept by {@link score}, with its score. */
interface Scored {
  c: Candidate;
  s: number;
}

/** Keep/score one candidate; null means it is not a key quote. */
function score(c: Candidate, paragraphs: number, headlineWords: ReadonlySet<string>): number | null {
  const words = countWords(c.quote.text);
  // Two words pass only as a whole attributed statement ("Absolutely not," she said).
  if (words < 2 || (words === 2 && (c.quote.speaker === null || c.quote.partial || c.titleLike))) return null;
  if ((!c.attributed || c.quote.partial) && words < 4) return null; // scare quote, a name, a term
  if (words === 2 && !/[.!?؟…]$/u.test(c.quote.text)) return null; // a two-word label, not a sentence
  if (c.titleLike && words < 8) return null;
  let s = 0;
  if (c.quote.speaker !== null) s += c.named ? 3 : 2;
  else if (c.attributed) s += 0.5;
  s += Math.min(words, 30) / 15;
  if (!c.quote.partial) s += 1;
  if (c.titleLike) s -= 1.5;
  s -= (0.8 * c.quote.paragraph) / Math.max(1, paragraphs);
  if (headlineWords.size > 0) s += Math.min(sharedWords(c.quote.text, headlineWords), 3) * 0.15;
  return s;
}

/**
 * Number of distinct words of `keyWords(text)` in `headlineWords`, read off
 * the text without making its comparison form: only words longer than two
 * characters are cut out and folded.
 */
function sharedWords(text: string, headlineWords: ReadonlySet<string>): number {
  const lowered = lowerCase(text);
  const shared: string[] = [];
  let i = 0;
  while (i < lowered.length) {
    const end = foldedRunEnd(lowered, i);
    if (end === i) {
      i++;
      continue;
    }
    // Folding never lengthens a word, so a run of two characters or fewer is no key word.
    if (end - i > 2) {
      const w = foldArabic(lowered.slice(i, end));
      if (w.length > 2 && headlineWords.has(w) && !shared.includes(w)) shared.push(w);
    }
    i = end;
  }
  return shared.length;
}

/** Comparison form of a text: letters and digits only, normalised. */
function comparable(text: string): string {
  return letterRuns(foldArabic(lowerCase(text)));
}

/** Per UTF-16 code unit, filled on first use: 0 unknown, 1 lower-casing keeps it, 2 it may change (or a surrogate). */
const CASE_CLASS = new Uint8Array(0x10000);

/** `text.toLowerCase()`, skipped for text it would not change (Arabic has no case; the call costs more than the check). */
function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) continue;
    let k = CASE_CLASS[c]!;
    if (k === 0) {
      const ch = String.fromCharCode(c);
      k = (c >= 0xd800 && c <= 0xdfff) || ch.toLowerCase() !== ch ? 2 : 1;
      CASE_CLASS[c] = k;
    }
    if (k === 2) return text.toLowerCase();
  }
  return text;
}

/** Words longer than two letters of a {@link comparable} form. */
function keyWordsOf(key: string): Set<string> {
  const out = new Set<string>();
  for (const w of key.split(' ')) if (w.length > 2) out.add(w);
  return out;
}

function keyWords(text: string): Set<string> {
  return keyWordsOf(comparable(text));
}

function nearDuplicate(a: string, b: string, aWords: Set<string>, bWords: Set<string>): boolean {
  if (a === b) return true;
  if ((a.length >= 12 && b.includes(a)) || (b.length >= 12 && a.includes(b))) return true;
  let shared = 0;
  for (const w of aWords) if (bWords.has(w)) shared++;
  const union = aWords.size + bWords.size - shared;
  return union > 0 && shared / union >= 0.8;
}

/** Cut `text` to {@link MAX_QUOTE_LENGTH} at a word boundary, ending with "…". */
export function clipQuote(text: string): string {
  if (text.length <= MAX_QUOTE_LENGTH) return text;
  const cut = text.slice(0, MAX_QUOTE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s،,;:.]+$/u, '')}…`;
}

/** The key quotes, best first, at most {@link MAX_QUOTES}. */
export function rankQuotes(candidates: readonly Candidate[], paragraphs: number, headline?: string): Quote[] {
  const headlineWords = headline ? keyWords(headline) : new Set<string>();
  // The comparison form of a quote and its set of words are made only for the quotes tried for keeping.
  const scored: Scored[] = [];
  for (const c of candidates) {
    const s = score(c, paragraphs, headlineWords);
    if (s !== null) scored.push({ c, s });
  }
  scored.sort((x, y) => y.s - x.s || x.c.order - y.c.order);
  const kept: { quote: Quote; key: string; words: Set<string> }[] = [];
  for (const entry of scored) {
    if (kept.length >= MAX_QUOTES) break;
    const c = entry.c;
    const key = comparable(c.quote.text);
    const words = keyWordsOf(key);
    if (kept.some((k) => nearDuplicate(k.key, key, k.words, words))) continue;
    kept.push({ quote: { ...c.quote, text: clipQuote(c.quote.text) }, key, words });
  }
  return kept.map((k) => k.quote);
}
