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

/** The comparison form of a text ({@link comparison}) and its words longer than two letters. */
interface Comparison {
  key: string;
  words: Set<string>;
}

/** A candidate kept by {@link score}, with its score and, once made, its comparison form. */
interface Scored {
  c: Candidate;
  s: number;
  comparison?: Comparison;
}

/** Keep/score one candidate; null means it is not a key quote. Sets `entry.comparison` when it compares with the headline. */
function score(c: Candidate, paragraphs: number, headlineWords: ReadonlySet<string>, entry: Scored): number | null {
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
  if (headlineWords.size > 0) {
    entry.comparison = comparison(c.quote.text);
    let shared = 0;
    for (const w of entry.comparison.words) if (headlineWords.has(w)) shared++;
    s += Math.min(shared, 3) * 0.15;
  }
  return s;
}

/**
 * The comparison form of a text (its letters and digits, lower-cased and
 * folded, the runs of them joined by single spaces) and its {@link keyWordsOf}
 * words, in one pass: each run of letters (with the diacritics folding drops)
 * is folded and kept. Text with surrogates takes the two steps (a dropped
 * mark between two halves would join them into one letter).
 */
function comparison(text: string): Comparison {
  const lowered = lowerCase(text);
  if (/[\ud800-\udfff]/.test(lowered)) {
    const key = letterRuns(foldArabic(lowered));
    return { key, words: keyWordsOf(key) };
  }
  const parts: string[] = [];
  const words = new Set<string>();
  let i = 0;
  while (i < lowered.length) {
    const end = foldedRunEnd(lowered, i);
    if (end === i) {
      i++;
      continue;
    }
    const w = foldArabic(lowered.slice(i, end));
    if (w !== '') {
      parts.push(w);
      if (w.length > 2) words.add(w);
    }
    i = end;
  }
  return { key: parts.join(' '), words };
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

/** Words longer than two letters of a comparison form. */
function keyWordsOf(key: string): Set<string> {
  const out = new Set<string>();
  for (const w of key.split(' ')) if (w.length > 2) out.add(w);
  return out;
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
  const headlineWords = headline ? comparison(headline).words : new Set<string>();
  // The comparison form of a quote is made once, and only when needed.
  const scored: Scored[] = [];
  for (const c of candidates) {
    const entry: Scored = { c, s: 0 };
    const s = score(c, paragraphs, headlineWords, entry);
    if (s === null) continue;
    entry.s = s;
    scored.push(entry);
  }
  scored.sort((x, y) => y.s - x.s || x.c.order - y.c.order);
  const kept: { quote: Quote; key: string; words: Set<string> }[] = [];
  for (const entry of scored) {
    if (kept.length >= MAX_QUOTES) break;
    const c = entry.c;
    const { key, words } = entry.comparison ?? comparison(c.quote.text);
    if (kept.some((k) => nearDuplicate(k.key, key, k.words, words))) continue;
    kept.push({ quote: { ...c.quote, text: clipQuote(c.quote.text) }, key, words });
  }
  return kept.map((k) => k.quote);
}
