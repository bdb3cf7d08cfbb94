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

/**
 * Whether a predicted speaker (name or role) names the same person as one of
 * the accepted forms: every token of one is among the tokens of the other
 * ("Putin" ~ "Vladimir Putin", "Russian President Vladimir Putin"). With no
 * accepted form, only a missing speaker is right.
 */
export function speakerMatches(predicted: readonly (string | null | undefined)[], accepted: readonly string[]): boolean {
  const names = predicted.filter((p): p is string => typeof p === 'string' && tokenize(p).length > 0);
  if (accepted.length === 0) return names.length === 0;
  return names.some((name) => {
    const p = new Set(tokenize(name));
    return accepted.some((form) => {
      const g = tokenize(form);
      if (g.length === 0) return false;
      const gs = new Set(g);
      return g.every((t) => p.has(t)) || [...p].every((t) => gs.has(t));
    });
  });
}

/** Counts of one article (summable). */
export interface QuoteCounts {
  gold: number;
  /** Predicted quotes that count (allowed extras excluded). */
  predicted: number;
  matched: number;
  speakerCorrect: number;
}

/** Outcome of one article: counts plus what was missed and what was spurious. */
export interface QuoteMatchResult extends QuoteCounts {
  missed: string[];
  spurious: string[];
  wrongSpeaker: { text: string; expected: string[]; got: string | null }[];
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
  const result: QuoteMatchResult = { gold: gold.quotes.length, predicted: 0, matched: goldUsed.size, speakerCorrect: 0, missed: [], spurious: [], wrongSpeaker: [] };
  gold.quotes.forEach((gq, g) => {
    const p = goldUsed.get(g);
    if (p === undefined) {
      result.missed.push(gq.text);
      return;
    }
    const pq = predicted[p]!;
    if (speakerMatches([pq.speaker, pq.speakerRole], gq.speaker_any)) result.speakerCorrect++;
    else result.wrongSpeaker.push({ text: gq.text, expected: gq.speaker_any, got: pq.speaker ?? pq.speakerRole ?? null });
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

/** Precision, recall, F1 and speaker accuracy from summed counts (0 when undefined). */
export function quoteMetrics(c: QuoteCounts): { precision: number; recall: number; f1: number; speakerAccuracy: number } {
  const precision = c.predicted > 0 ? c.matched / c.predicted : 0;
  const recall = c.gold > 0 ? c.matched / c.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, speakerAccuracy: c.matched > 0 ? c.speakerCorrect / c.matched : 0 };
}

/** Sum of counts. */
export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  return { gold: a.gold + b.gold, predicted: a.predicted + b.predicted, matched: a.matched + b.matched, speakerCorrect: a.speakerCorrect + b.speakerCorrect };
}
