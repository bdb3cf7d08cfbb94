import { layoutColumns } from '../bench/table';
import { describeSpeaker } from './golden-record';
import { QUOTE_GOALS, quoteGoals, type QuoteEvaluation, type QuoteScores } from './quotes';
import type { SummaryEvaluation, SystemName } from './summaries';

const f3 = (x: number): string => x.toFixed(3);
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const LABELS: Record<SystemName, string> = {
  ours: 'ours: headline sentence + summary',
  summaryAlone: 'ours: summary field alone',
  lead: 'LEAD (first whole sentences)',
  leadAfterFirst: 'LEAD after the first sentence',
  leadCut: 'LEAD cut at the budget (for reference)',
  oracle: 'ORACLE (upper bound)',
  oracleAfterFirst: 'ORACLE after the first sentence',
};

/** Whether a system beats LEAD on ROUGE-1 and on ROUGE-2 (the goal). */
export function summaryGoals(e: SummaryEvaluation, system: SystemName = 'ours'): { rouge1: boolean; rouge2: boolean } {
  return { rouge1: e.systems[system].rouge1 > e.systems.lead.rouge1, rouge2: e.systems[system].rouge2 > e.systems.lead.rouge2 };
}

/** The summary table: one row per system, goal line below. */
export function formatSummaryReport(e: SummaryEvaluation): string {
  const rows = (Object.keys(LABELS) as SystemName[]).map((name) => {
    const s = e.systems[name];
    return [LABELS[name], f3(s.rouge1), f3(s.rouge2), f3(s.rougeL), s.words.toFixed(1)];
  });
  const mark = (ok: boolean): string => (ok ? '✓' : '✗');
  const goalLine = (system: SystemName, label: string, wins: { rouge1: number; rouge2: number }): string => {
    const goals = summaryGoals(e, system);
    const s = e.systems[system];
    return `Goal, ${label}: above LEAD on ROUGE-1 ${mark(goals.rouge1)} (${f3(s.rouge1)} vs ${f3(e.systems.lead.rouge1)}), ROUGE-2 ${mark(goals.rouge2)} (${f3(s.rouge2)} vs ${f3(e.systems.lead.rouge2)}); better than LEAD on ${wins.rouge1}/${e.articles} articles (ROUGE-1), ${wins.rouge2}/${e.articles} (ROUGE-2).`;
  };
  return [
    `Summaries — EASC, ${e.articles} articles; F1 averaged over the 5 human summaries, then over articles; budget = mean reference length (mean ${e.meanBudget.toFixed(1)} words)`,
    '',
    layoutColumns(['system', 'ROUGE-1', 'ROUGE-2', 'ROUGE-L', 'words'], rows),
    '',
    goalLine('ours', 'headline sentence + summary', e.oursBeatsLead),
    goalLine('summaryAlone', 'summary field alone', e.summaryAloneBeatsLead),
    '',
    'Halves: odd topic numbers (summary rules tuned on them) and even ones (held out), ROUGE-1 / ROUGE-2 / ROUGE-L:',
    '',
    layoutColumns(['system', 'tuned (odd topics)', 'held out (even topics)'], HALF_ROWS.map((name) => [LABELS[name], triple(e.halves.tuned[name]), triple(e.halves.heldOut[name])])),
  ].join('\n');
}

const HALF_ROWS: readonly SystemName[] = ['ours', 'summaryAlone', 'lead', 'leadAfterFirst'];
const triple = (s: { rouge1: number; rouge2: number; rougeL: number }): string => `${f3(s.rouge1)} / ${f3(s.rouge2)} / ${f3(s.rougeL)}`;

/** The quote table of one set: one row per language and one for all; speaker right / wrong / none are fractions of found (matched) quotes. */
export function formatQuoteReport(e: QuoteEvaluation): string {
  const row = (label: string, s: QuoteScores): string[] =>
    [label, String(s.articles), String(s.gold), String(s.predicted), String(s.matched), pct(s.precision), pct(s.recall), pct(s.right), pct(s.wrong), pct(s.none), `${s.headlinesRight}/${s.articles}`];
  const rows = [...Object.entries(e.byLanguage).map(([l, s]) => row(l, s)), row('all', e.overall)];
  return [
    `Quotes — ${e.set}, ${e.overall.articles} annotated articles; a quote is found at token F1 ≥ 0.5; speakers scored strictly (right: contains an accepted form and every word belongs to one), as fractions of found quotes; a headline is right when it is the article's title (its first line)`,
    '',
    layoutColumns(['language', 'articles', 'gold', 'predicted', 'found', 'precision', 'recall', 'speaker right', 'wrong', 'none', 'headline right'], rows),
  ].join('\n');
}

/** One line per language: each goal of issue 12 with ✓/✗. */
export function formatQuoteGoals(e: QuoteEvaluation): string {
  const mark = (ok: boolean): string => (ok ? '✓' : '✗');
  return Object.entries(e.byLanguage).map(([l, s]) => {
    const g = quoteGoals(s);
    return `Goal, ${e.set} ${l}: speaker right ≥ ${QUOTE_GOALS.right} ${mark(g.right)}, wrong ≤ ${QUOTE_GOALS.wrong} ${mark(g.wrong)}, recall ≥ ${QUOTE_GOALS.recall} ${mark(g.recall)}, precision ≥ ${QUOTE_GOALS.precision} ${mark(g.precision)}, every headline right ${mark(g.headlines)}`;
  }).join('\n');
}

/** Per-article details of the quote run: missed, spurious, and each wrong or missing speaker with the accepted forms. */
export function formatQuoteDetails(e: QuoteEvaluation): string {
  const lines: string[] = [];
  for (const a of e.perArticle) {
    if (a.missed.length + a.spurious.length + a.speakerErrors.length === 0) continue;
    lines.push(`${e.set} ${a.language}/${a.name}:`);
    for (const m of a.missed) lines.push(`  missed    ${m}`);
    for (const s of a.spurious) lines.push(`  spurious  ${s}`);
    for (const w of a.speakerErrors) {
      lines.push(`  ${w.verdict.padEnd(8)}  ${w.text.slice(0, 60)}`);
      lines.push(`            gold: ${w.expected.join(' | ') || '(no speaker)'}; got: ${describeSpeaker(w.speaker, w.role)}`);
    }
  }
  return lines.join('\n');
}

/** The articles where ours trails LEAD the most on ROUGE-1, for diagnosis. */
export function formatWorstArticles(e: SummaryEvaluation, count = 10): string {
  const worst = [...e.perArticle].sort((a, b) => (a.scores.ours.rouge1 - a.scores.lead.rouge1) - (b.scores.ours.rouge1 - b.scores.lead.rouge1)).slice(0, count);
  const rows = worst.map((a) => [`Topic${a.topic}`, a.name, String(a.budget), f3(a.scores.ours.rouge1), f3(a.scores.lead.rouge1), f3(a.scores.oracle.rouge1), String(a.scores.ours.words), String(a.scores.lead.words)]);
  return layoutColumns(['topic', 'article', 'budget', 'ours R1', 'LEAD R1', 'ORACLE R1', 'ours words', 'LEAD words'], rows);
}
