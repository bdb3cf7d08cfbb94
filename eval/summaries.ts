import { leadSummary, oracleSummary, type TokenizedSentence } from './baselines';
import type { EascArticle } from './easc';
import { tokenize } from './normalize';
import { meanScores, multiReferenceRouge, type RougeScores } from './rouge';
import { splitSentences } from './sentences';

/** The systems compared on EASC. */
export const SYSTEMS = ['ours', 'summaryAlone', 'lead', 'leadAfterFirst', 'leadCut', 'oracle', 'oracleAfterFirst'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** Scores of one system on one article. */
export interface SystemScore extends RougeScores {
  /** Length of the summary in words (tokens). */
  words: number;
}

/** One article's scores, for diagnosis. */
export interface ArticleResult {
  topic: number;
  name: string;
  /** Word budget: mean reference length. */
  budget: number;
  scores: Record<SystemName, SystemScore>;
}

/** Corpus-level result: macro averages over articles. */
export interface SummaryEvaluation {
  articles: number;
  meanBudget: number;
  systems: Record<SystemName, SystemScore>;
  /**
   * The same averages over each half of the corpus: odd topic numbers (the
   * half the engine's summary rules were tuned on) and even ones (held out).
   */
  halves: { tuned: Record<SystemName, SystemScore>; heldOut: Record<SystemName, SystemScore> };
  /** Articles where ours (and the summary alone) beats LEAD on ROUGE-1 / ROUGE-2. */
  oursBeatsLead: { rouge1: number; rouge2: number };
  summaryAloneBeatsLead: { rouge1: number; rouge2: number };
  perArticle: ArticleResult[];
}

/** Our summarizer under test: article text and word budget to summary sentences. */
export type Summarize = (text: string, words: number) => readonly string[];

/**
 * Our two readings of "the summary": what a reader reads as the extract
 * (`ours`: the headline sentence when it comes from the body, then the
 * summary, in one budget) and the briefing's summary field alone
 * (`summaryAlone`: `createBriefing(text, { words }).summary`, which never
 * repeats the headline sentence).
 */
export interface OurSystems {
  ours: Summarize;
  summaryAlone: Summarize;
}

function scoreTokens(tokens: readonly string[], refs: readonly (readonly string[])[]): SystemScore {
  return { ...multiReferenceRouge(tokens, refs), words: tokens.length };
}

function score(summary: readonly string[], refs: readonly (readonly string[])[]): SystemScore {
  return scoreTokens(summary.flatMap((s) => tokenize(s)), refs);
}

const texts = (list: readonly TokenizedSentence[]): string[] => list.map((s) => s.text);

/**
 * Score ours, LEAD (whole sentences), LEAD cut at exactly the budget (the
 * classic DUC baseline, mid-sentence) and ORACLE on one article, all under
 * the same budget. LEAD and ORACLE are also scored after the first sentence:
 * what the summary field alone may use when the headline is that sentence.
 */
export function evaluateArticle(article: EascArticle, systems: OurSystems): ArticleResult {
  const refs = article.references.map((r) => tokenize(r));
  const budget = Math.max(1, Math.round(refs.reduce((sum, r) => sum + r.length, 0) / refs.length));
  const sentences = splitSentences(article.text).map((text) => ({ text, tokens: tokenize(text) }));
  return {
    topic: article.topic,
    name: article.name,
    budget,
    scores: {
      ours: score(systems.ours(article.text, budget), refs),
      summaryAlone: score(systems.summaryAlone(article.text, budget), refs),
      lead: score(texts(leadSummary(sentences, budget)), refs),
      leadAfterFirst: score(texts(leadSummary(sentences.slice(1), budget)), refs),
      leadCut: scoreTokens(sentences.flatMap((x) => x.tokens).slice(0, budget), refs),
      oracle: score(texts(oracleSummary(sentences, refs, budget)), refs),
      oracleAfterFirst: score(texts(oracleSummary(sentences.slice(1), refs, budget)), refs),
    },
  };
}

/** Evaluate every article and average (macro) per system. */
export function evaluateSummaries(
  articles: readonly EascArticle[],
  ourSystems: OurSystems,
  progress: (done: number, total: number) => void = () => {},
): SummaryEvaluation {
  const perArticle: ArticleResult[] = [];
  for (const [i, article] of articles.entries()) {
    perArticle.push(evaluateArticle(article, ourSystems));
    progress(i + 1, articles.length);
  }
  return {
    articles: perArticle.length,
    meanBudget: perArticle.reduce((sum, a) => sum + a.budget, 0) / Math.max(1, perArticle.length),
    systems: averages(perArticle),
    halves: { tuned: averages(perArticle.filter((a) => a.topic % 2 === 1)), heldOut: averages(perArticle.filter((a) => a.topic % 2 === 0)) },
    oursBeatsLead: wins(perArticle, 'ours'),
    summaryAloneBeatsLead: wins(perArticle, 'summaryAlone'),
    perArticle,
  };
}

/** Macro averages of every system over the given articles. */
function averages(perArticle: readonly ArticleResult[]): Record<SystemName, SystemScore> {
  return Object.fromEntries(
    SYSTEMS.map((name) => {
      const list = perArticle.map((a) => a.scores[name]);
      const words = list.reduce((sum, s) => sum + s.words, 0) / Math.max(1, list.length);
      return [name, { ...meanScores(list), words }];
    }),
  ) as Record<SystemName, SystemScore>;
}

function wins(perArticle: readonly ArticleResult[], system: SystemName): { rouge1: number; rouge2: number } {
  return {
    rouge1: perArticle.filter((a) => a.scores[system].rouge1 > a.scores.lead.rouge1).length,
    rouge2: perArticle.filter((a) => a.scores[system].rouge2 > a.scores.lead.rouge2).length,
  };
}
