import type { Quote } from '../src/briefing/schema';
import type { AnnotatedArticle } from './quote-gold';
import { addCounts, matchQuotes, quoteMetrics, ZERO_COUNTS, type QuoteCounts, type QuoteMatchResult, type QuoteMetrics } from './quote-match';

/** Quote extraction under test: article text to quotes. */
export type ExtractQuotes = (text: string) => readonly Quote[];

/** Scores of one group of articles (a language, or all). */
export interface QuoteScores extends QuoteCounts, QuoteMetrics {
  articles: number;
}

/** Result of the quote evaluation of one annotated set. */
export interface QuoteEvaluation {
  /** Which set: `eval/quotes` (the project's own) or `quotes-dev` (real news annotated independently). */
  set: string;
  byLanguage: Record<string, QuoteScores>;
  overall: QuoteScores;
  perArticle: (QuoteMatchResult & { language: string; name: string })[];
}

function scores(list: readonly QuoteCounts[]): QuoteScores {
  const counts = list.reduce(addCounts, ZERO_COUNTS);
  return { articles: list.length, ...counts, ...quoteMetrics(counts) };
}

/** Run the extractor on every annotated article; micro-averaged scores per language and overall. */
export function evaluateQuotes(set: string, articles: readonly AnnotatedArticle[], extract: ExtractQuotes): QuoteEvaluation {
  const perArticle = articles.map((a) => ({ language: a.language, name: a.name, ...matchQuotes(extract(a.text), a.gold) }));
  const languages = [...new Set(perArticle.map((a) => a.language))].sort();
  return {
    set,
    byLanguage: Object.fromEntries(languages.map((l) => [l, scores(perArticle.filter((a) => a.language === l))])),
    overall: scores(perArticle),
    perArticle,
  };
}

/** The goals of issue 12 for one language: speaker right ≥ 0.9 and wrong ≤ 0.05 of found quotes, recall and precision ≥ 0.95. */
export const QUOTE_GOALS = { right: 0.9, wrong: 0.05, recall: 0.95, precision: 0.95 } as const;

/** Whether a language's scores meet each goal of {@link QUOTE_GOALS}. */
export function quoteGoals(s: QuoteMetrics): Record<keyof typeof QUOTE_GOALS, boolean> {
  return {
    right: s.right >= QUOTE_GOALS.right,
    wrong: s.wrong <= QUOTE_GOALS.wrong,
    recall: s.recall >= QUOTE_GOALS.recall,
    precision: s.precision >= QUOTE_GOALS.precision,
  };
}
