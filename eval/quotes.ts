import type { Quote } from '../src/briefing/schema';
import type { AnnotatedArticle } from './quote-gold';
import { addCounts, matchQuotes, quoteMetrics, type QuoteCounts, type QuoteMatchResult } from './quote-match';

/** Quote extraction under test: article text to quotes. */
export type ExtractQuotes = (text: string) => readonly Quote[];

/** Scores of one group of articles (a language, or all). */
export interface QuoteScores extends QuoteCounts {
  articles: number;
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
}

/** Result of the quote evaluation. */
export interface QuoteEvaluation {
  byLanguage: Record<string, QuoteScores>;
  overall: QuoteScores;
  perArticle: (QuoteMatchResult & { language: string; name: string })[];
}

const ZERO: QuoteCounts = { gold: 0, predicted: 0, matched: 0, speakerCorrect: 0 };

function scores(list: readonly QuoteCounts[]): QuoteScores {
  const counts = list.reduce(addCounts, ZERO);
  return { articles: list.length, ...counts, ...quoteMetrics(counts) };
}

/** Run the extractor on every annotated article; micro-averaged scores per language and overall. */
export function evaluateQuotes(articles: readonly AnnotatedArticle[], extract: ExtractQuotes): QuoteEvaluation {
  const perArticle = articles.map((a) => ({ language: a.language, name: a.name, ...matchQuotes(extract(a.text), a.gold) }));
  const languages = [...new Set(perArticle.map((a) => a.language))].sort();
  return {
    byLanguage: Object.fromEntries(languages.map((l) => [l, scores(perArticle.filter((a) => a.language === l))])),
    overall: scores(perArticle),
    perArticle,
  };
}
