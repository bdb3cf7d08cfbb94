import type { Quote } from '../src/briefing/schema';
import type { AnnotatedArticle } from './quote-gold';
import { addCounts, matchQuotes, quoteMetrics, ZERO_COUNTS, type QuoteCounts, type QuoteMatchResult, type QuoteMetrics } from './quote-match';

/** The engine under test: article text to its quotes and headline. */
export type ExtractQuotes = (text: string) => { quotes: readonly Quote[]; headline: string };

/** Scores of one group of articles (a language, or all). */
export interface QuoteScores extends QuoteCounts, QuoteMetrics {
  articles: number;
  /** Articles whose headline is their title (the annotated text's first line). */
  headlinesRight: number;
}

/** Result of the quote evaluation of one annotated set. */
export interface QuoteEvaluation {
  /** Which set: `eval/quotes` (the project's own) or `quotes-dev` (real news annotated independently). */
  set: string;
  byLanguage: Record<string, QuoteScores>;
  overall: QuoteScores;
  perArticle: (QuoteMatchResult & { language: string; name: string; headline: string; title: string })[];
}

/** Text compared as a reader would: NFC, runs of white space as one space, trimmed. */
const asRead = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The title of an annotated article: its first non-empty line (the convention of `eval/quotes` and `quotes-dev`). */
export function titleOf(text: string): string {
  return asRead(text.split('\n').find((line) => line.trim() !== '') ?? '');
}

function scores(list: readonly (QuoteCounts & { headline: string; title: string })[]): QuoteScores {
  const counts = list.reduce<QuoteCounts>(addCounts, ZERO_COUNTS);
  const headlinesRight = list.filter((a) => asRead(a.headline) === a.title).length;
  return { articles: list.length, headlinesRight, ...counts, ...quoteMetrics(counts) };
}

/** Run the extractor on every annotated article; micro-averaged scores per language and overall. */
export function evaluateQuotes(set: string, articles: readonly AnnotatedArticle[], extract: ExtractQuotes): QuoteEvaluation {
  const perArticle = articles.map((a) => {
    const { quotes, headline } = extract(a.text);
    return { language: a.language, name: a.name, headline, title: titleOf(a.text), ...matchQuotes(quotes, a.gold) };
  });
  const languages = [...new Set(perArticle.map((a) => a.language))].sort();
  return {
    set,
    byLanguage: Object.fromEntries(languages.map((l) => [l, scores(perArticle.filter((a) => a.language === l))])),
    overall: scores(perArticle),
    perArticle,
  };
}

/** The goals of issue 12 for one language: speaker right ≥ 0.9 and wrong ≤ 0.05 of found quotes, recall and precision ≥ 0.95, every headline right. */
export const QUOTE_GOALS = { right: 0.9, wrong: 0.05, recall: 0.95, precision: 0.95 } as const;

/** Whether a language's scores meet each goal of {@link QUOTE_GOALS}. */
export function quoteGoals(s: QuoteScores): Record<keyof typeof QUOTE_GOALS | 'headlines', boolean> {
  return {
    headlines: s.headlinesRight === s.articles,
    right: s.right >= QUOTE_GOALS.right,
    wrong: s.wrong <= QUOTE_GOALS.wrong,
    recall: s.recall >= QUOTE_GOALS.recall,
    precision: s.precision >= QUOTE_GOALS.precision,
  };
}
