import type { Quote } from '../src/briefing/schema';
import type { Gold } from './quote-gold';
import { tokenize } from './normalize';
import { rougeN } from './rouge';

/** Smallest token F1 for a predicted quote to count as a gold quote. */
export const MATCH_THRESHOLD = 0.5;

/** Token-overlap F1 of two texts after normalisation: ROUGE-1 F1 (multiset intersection). */
export function overlapF1(a: string, b: string): number {
  return rougeN(tokenize(a), tokenize(b), 1).f;
}

/** How a predicted speaker compares with the accepted forms. */
export type SpeakerVerdict = 'right' | 'wrong' | 'none';

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** English and French articles (tokenised: `l’` is `l`), which the annotators leave out of speaker forms. */
const ARTICLES = new Set(['a', 'an', 'the', 'le', 'la', 'les', 'l', 'un', 'une']);

/** Words of a speaker without its leading article ("A Nato official", « le ministère des Affaires étrangères »). */
function withoutLeadingArticle(words: string[]): string[] {
  return words.length > 1 && ARTICLES.has(words[0]!) ? words.slice(1) : words;
}

/**
 * Strict speaker scoring (issue 12). A predicted speaker is right only when
 * it contains an accepted form (its words in a row) AND every one of its
 * words belongs to some accepted form: "شن بولتون" for بولتون is wrong, so is
 * a role when the article names the person (the annotators then list only
 * the name), and so is a surname the annotators did not accept. No predicted
 * speaker is `none`, except when the article gives no speaker (no accepted
 * form), where it is right and any speaker is wrong. Words are compared after
 * {@link tokenize} (case, diacritics, alef forms, ى/ي, ة/ه folded), without
 * a leading English or French article (the annotators write `Nato official`,
 * `ministère des Affaires étrangères`).
 */
export function judgeSpeaker(predicted: string | null | undefined, accepted: readonly string[]): SpeakerVerdict {
  const words = withoutLeadingArticle(tokenize(predicted ?? ''));
  if (words.length === 0) return accepted.length === 0 ? 'right' : 'none';
  const forms = accepted.map(tokenize).filter((f) => f.length > 0);
  const known = new Set(forms.flat());
  const right = forms.some((f) => containsRun(words, f)) && words.every((w) => known.has(w));
  return right ? 'right' : 'wrong';
}

/** The speaker a quote shows: its name, else its role alone. */
export function shownSpeaker(q: Pick<Quote, 'speaker' | 'speakerRole'>): string | null {
  return q.speaker ?? q.speakerRole ?? null;
}

/** Counts of one article (summable). */
export interface QuoteCounts {
  gold: number;
  /** Predicted quotes that count (allowed extras excluded). */
  predicted: number;
  matched: number;
  /** Matched quotes whose speaker is right, wrong, or missing ({@link judgeSpeaker}). */
  speakerRight: number;
  speakerWrong: number;
  speakerNone: number;
}

/** Counts of nothing. */
export const ZERO_COUNTS: QuoteCounts = { gold: 0, predicted: 0, matched: 0, speakerRight: 0, speakerWrong: 0, speakerNone: 0 };

/** A matched quote whose speaker is not right. */
export interface SpeakerError {
  text: string;
  verdict: Exclude<SpeakerVerdict, 'right'>;
  expected: string[];
  /** What the engine gave: name and role. */
  speaker: string | null;
  role: string | null;
}

/** Outcome of one article: counts plus what was missed and what was spurious. */
export interface QuoteMatchResult extends QuoteCounts {
  missed: string[];
  spurious: string[];
  speakerErrors: SpeakerError[];
}

/**
 * Match predicted quotes to gold quotes one-to-one, best overlap first
 * (token F1 ≥ {@link MATCH_THRESHOLD}). Unmatched predictions that match an
 * allowed extra are ignored; the others are spurious.
 */
export function matchQuotes(predicted: readonly Quote[], gold: Gold): QuoteMatchResult {
  const pairs: { g: number; p: number; f: number }[] = [];
  gold.quotes.forEach((gq, g) => predicted.forEach((pq, p) => {
    const f = overlapF1(gq.text, pq.text);
    if (f >= MATCH_THRESHOLD) pairs.push({ g, p, f });
  }));
  pairs.sort((a, b) => b.f - a.f || a.g - b.g || a.p - b.p);
  const goldUsed = new Map<number, number>();
  const predUsed = new Set<number>();
  for (const pair of pairs) {
    if (goldUsed.has(pair.g) || predUsed.has(pair.p)) continue;
    goldUsed.set(pair.g, pair.p);
    predUsed.add(pair.p);
  }
  const result: QuoteMatchResult = { ...ZERO_COUNTS, gold: gold.quotes.length, matched: goldUsed.size, missed: [], spurious: [], speakerErrors: [] };
  gold.quotes.forEach((gq, g) => {
    const p = goldUsed.get(g);
    if (p === undefined) {
      result.missed.push(gq.text);
      return;
    }
    const pq = predicted[p]!;
    const verdict = judgeSpeaker(shownSpeaker(pq), gq.speaker_any);
    if (verdict === 'right') result.speakerRight++;
    else {
      if (verdict === 'wrong') result.speakerWrong++;
      else result.speakerNone++;
      result.speakerErrors.push({ text: gq.text, verdict, expected: gq.speaker_any, speaker: pq.speaker, role: pq.speakerRole ?? null });
    }
  });
  predicted.forEach((pq, p) => {
    if (predUsed.has(p)) {
      result.predicted++;
      return;
    }
    if (gold.allowed_extra.some((extra) => overlapF1(extra, pq.text) >= MATCH_THRESHOLD)) return;
    result.predicted++;
    result.spurious.push(pq.text);
  });
  return result;
}

/** Quote metrics: precision, recall, F1; speaker right / wrong / none as fractions of matched (found) quotes; 0 when undefined. */
export interface QuoteMetrics {
  precision: number;
  recall: number;
  f1: number;
  right: number;
  wrong: number;
  none: number;
}

/** Metrics from summed counts. */
export function quoteMetrics(c: QuoteCounts): QuoteMetrics {
  const precision = c.predicted > 0 ? c.matched / c.predicted : 0;
  const recall = c.gold > 0 ? c.matched / c.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const share = (n: number): number => (c.matched > 0 ? n / c.matched : 0);
  return { precision, recall, f1, right: share(c.speakerRight), wrong: share(c.speakerWrong), none: share(c.speakerNone) };
}

/** Sum of counts. */
export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  return {
    gold: a.gold + b.gold,
    predicted: a.predicted + b.predicted,
    matched: a.matched + b.matched,
    speakerRight: a.speakerRight + b.speakerRight,
    speakerWrong: a.speakerWrong + b.speakerWrong,
    speakerNone: a.speakerNone + b.speakerNone,
  };
}
