/**
 * `npm run eval [-- --json] [--details]`: quality of the briefings.
 * 1. Summaries on EASC (../shared/easc): ROUGE-1/2/L F1 for ours (the
 *    headline sentence + summary a reader reads, and the summary field
 *    alone), LEAD and ORACLE under the same word budget; goal: ours above LEAD
 *    on R1 and R2, shown for both readings of ours.
 * 2. Quotes on the annotated articles of eval/quotes/: precision, recall and
 *    speaker accuracy per language.
 * Exit 0 when both ran (✓/✗ report the goals), 1 when one could not run.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createBriefing, readerExtract } from '../src/briefing/index';
import { createProgress } from '../bench/progress';
import { missingShared, sharedDir as resolveSharedDir } from '../bench/shared-data';
import { loadEasc } from './easc';
import { loadAnnotated } from './quote-gold';
import { evaluateQuotes, type QuoteEvaluation } from './quotes';
import { formatQuoteDetails, formatQuoteReport, formatSummaryReport, formatWorstArticles, summaryGoals } from './report';
import { evaluateSummaries, type SummaryEvaluation } from './summaries';

const QUOTES_DIR = fileURLToPath(new URL('./quotes/', import.meta.url));

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((a) => a !== '--json' && a !== '--details');
  if (unknown.length > 0) {
    console.error(`eval: unknown argument ${unknown[0]} (use --json, --details)`);
    return 2;
  }
  const json = argv.includes('--json');
  const details = argv.includes('--details');
  const sharedDir = resolveSharedDir();
  const progress = createProgress(process.stderr, Boolean(process.stdout.isTTY && process.stderr.isTTY));
  const errors: string[] = [];

  let summaries: SummaryEvaluation | undefined;
  try {
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

  let quotes: QuoteEvaluation | undefined;
  try {
    quotes = evaluateQuotes(await loadAnnotated(QUOTES_DIR), (text) => createBriefing(text).quotes);
  } catch (err) {
    errors.push(`quotes: ${(err as Error).message}`);
  }

  if (json) {
    console.log(JSON.stringify({
      summaries: summaries && {
        ...summaries,
        goals: { ours: summaryGoals(summaries, 'ours'), summaryAlone: summaryGoals(summaries, 'summaryAlone') },
        perArticle: details ? summaries.perArticle : undefined,
      },
      quotes: quotes && { ...quotes, perArticle: details ? quotes.perArticle : undefined },
      errors,
    }, null, 2));
  } else {
    if (summaries) console.log(`${formatSummaryReport(summaries)}\n`);
    if (summaries && details) console.log(`Articles where ours trails LEAD most (ROUGE-1):\n\n${formatWorstArticles(summaries)}\n`);
    if (quotes) console.log(`${formatQuoteReport(quotes)}\n`);
    if (quotes && details) console.log(`${formatQuoteDetails(quotes)}\n`);
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
