/**
 * `npm run eval [-- --json] [--details] [--quotes]`: quality of the briefings.
 * 1. Summaries on EASC (../shared/easc): ROUGE-1/2/L F1 for ours (the
 *    headline sentence + summary a reader reads, and the summary field
 *    alone), LEAD and ORACLE under the same word budget; goal: ours above LEAD
 *    on R1 and R2, shown for both readings of ours.
 * 2. Quotes on the annotated articles of eval/quotes/ (the project's own) and
 *    of ../shared/quotes-dev (real news annotated independently; skipped with
 *    one line when missing): precision, recall, and speaker right / wrong /
 *    none per language, scored strictly (eval/quote-match.ts).
 * `--quotes` runs the quotes alone. Exit 0 when both ran (✓/✗ report the goals), 1 when one could not run.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createBriefing, readerExtract } from '../src/briefing/index';
import { createProgress } from '../bench/progress';
import { missingShared, sharedDir as resolveSharedDir } from '../bench/shared-data';
import { loadEasc } from './easc';
import { loadAnnotated } from './quote-gold';
import { evaluateQuotes, quoteGoals, type QuoteEvaluation } from './quotes';
import { formatQuoteDetails, formatQuoteGoals, formatQuoteReport, formatSummaryReport, formatWorstArticles, summaryGoals } from './report';
import { evaluateSummaries, type SummaryEvaluation } from './summaries';

const QUOTES_DIR = fileURLToPath(new URL('./quotes/', import.meta.url));

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((a) => !['--json', '--details', '--quotes'].includes(a));
  if (unknown.length > 0) {
    console.error(`eval: unknown argument ${unknown[0]} (use --json, --details, --quotes)`);
    return 2;
  }
  const quotesOnly = argv.includes('--quotes');
  const json = argv.includes('--json');
  const details = argv.includes('--details');
  const sharedDir = resolveSharedDir();
  const progress = createProgress(process.stderr, Boolean(process.stdout.isTTY && process.stderr.isTTY));
  const errors: string[] = [];
  const notes: string[] = [];

  let summaries: SummaryEvaluation | undefined;
  if (!quotesOnly) try {
    const missing = missingShared('easc', 'EASC', sharedDir);
    if (missing) throw new Error(missing);
    const articles = await loadEasc(join(sharedDir, 'easc'));
    summaries = evaluateSummaries(
      articles,
      { ours: (text, words) => readerExtract(text, words), summaryAlone: (text, words) => createBriefing(text, { words }).summary },
      (d, t) => progress('eval: EASC', d, t),
    );
  } catch (err) {
    errors.push(`summaries: ${(err as Error).message}`);
  }

  const quotes: QuoteEvaluation[] = [];
  const devDir = join(sharedDir, 'quotes-dev');
  const sets: [string, string][] = [['eval/quotes', QUOTES_DIR]];
  const devMissing = missingShared('quotes-dev', 'quotes-dev (hand-annotated real news)', sharedDir);
  if (devMissing) errors.push(`quotes (quotes-dev): ${devMissing}`);
  else sets.push(['quotes-dev', devDir]);
  for (const [set, dir] of sets) {
    try {
      quotes.push(evaluateQuotes(set, await loadAnnotated(dir), (text) => createBriefing(text)));
    } catch (err) {
      errors.push(`quotes (${set}): ${(err as Error).message}`);
    }
  }

  if (json) {
    console.log(JSON.stringify({
      summaries: summaries && {
        ...summaries,
        goals: { ours: summaryGoals(summaries, 'ours'), summaryAlone: summaryGoals(summaries, 'summaryAlone') },
        perArticle: details ? summaries.perArticle : undefined,
      },
      quotes: quotes.map((q) => ({
        ...q,
        goals: Object.fromEntries(Object.entries(q.byLanguage).map(([l, s]) => [l, quoteGoals(s)])),
        perArticle: details ? q.perArticle : undefined,
      })),
      notes,
      errors,
    }, null, 2));
  } else {
    if (summaries) console.log(`${formatSummaryReport(summaries)}\n`);
    if (summaries && details) console.log(`Articles where ours trails LEAD most (ROUGE-1):\n\n${formatWorstArticles(summaries)}\n`);
    for (const q of quotes) console.log(`${formatQuoteReport(q)}\n\n${formatQuoteGoals(q)}\n`);
    for (const q of details ? quotes : []) console.log(`${formatQuoteDetails(q)}\n`);
    for (const n of notes) console.error(n);
  }
  for (const e of errors) console.error(`eval: ✗ ${e}`);
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
