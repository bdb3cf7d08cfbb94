/**
 * Child process that runs one npm summarizer on one text file and reports its
 * timings over IPC. Run by bench/competitors.ts, which kills it on timeout, so
 * a summarizer that hangs on a long text cannot stall the benchmark.
 *
 * argv[2]: JSON {@link CompetitorJob}.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The summarizers compared with ours. */
export type CompetitorName = 'textrank' | 'lexrank';

/** What the parent asks for. */
export interface CompetitorJob {
  tool: CompetitorName;
  file: string;
  sentences: number;
  runs: number;
}

/** What the child answers. */
export type CompetitorResult =
  | { ok: true; times: number[]; summarySentences: number }
  | { ok: false; error: string };

interface SummarizerManagerCtor {
  new (text: string, sentences: number): { getSummaryByRank(): Promise<{ summary?: unknown; sentence_list?: unknown } | Error> };
}
type LexrankSummarize = (text: string, lines: number, cb: (err: unknown, top: unknown[], text: string) => void) => void;

const require = createRequire(import.meta.url);

/** One summary with the named tool; resolves to the number of sentences, rejects when the tool fails. */
async function summarizeOnce(tool: CompetitorName, text: string, sentences: number): Promise<number> {
  if (tool === 'textrank') {
    const { SummarizerManager } = require('node-summarizer') as { SummarizerManager: SummarizerManagerCtor };
    const result = await new SummarizerManager(text, sentences).getSummaryByRank();
    if (result instanceof Error) throw result;
    if (result.summary instanceof Error) throw result.summary;
    return Array.isArray(result.sentence_list) ? result.sentence_list.length : sentences;
  }
  const { summarize } = require('lexrank') as { summarize: LexrankSummarize };
  return new Promise((resolve, reject) => {
    summarize(text, sentences, (err, top) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(top.length)));
  });
}

async function main(): Promise<CompetitorResult> {
  const job = JSON.parse(process.argv[2] ?? '{}') as CompetitorJob;
  const text = readFileSync(job.file, 'utf8');
  const times: number[] = [];
  let summarySentences = 0;
  for (let i = 0; i < job.runs; i++) {
    const t0 = performance.now();
    summarySentences = await summarizeOnce(job.tool, text, job.sentences);
    times.push(performance.now() - t0);
  }
  return { ok: true, times, summarySentences };
}

main()
  .catch((err: unknown): CompetitorResult => ({ ok: false, error: err instanceof Error ? err.message : String(err) }))
  .then((result) => {
    process.send?.(result, () => process.exit(0));
  });
