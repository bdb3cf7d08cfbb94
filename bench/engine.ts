/**
 * Engine benchmark: createBriefing on the seed, a 100 KB and a 1 MB article
 * (real ANT texts joined), the growth from 100 KB to 1 MB, and the same
 * inputs through the npm summarizers a user might pick instead
 * (node-summarizer's TextRank, lexrank), each in a killable child process.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBriefing } from '../src/briefing/index';
import { buildCorpusText } from './ant';
import type { CompetitorName } from './competitor-worker';
import { runCompetitor, type CompetitorOutcome } from './competitors';
import { englishSample } from './english-sample';
import { missingShared } from './shared-data';
import { mbPerSecond, median, sample, type SampleOptions } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'engine';
const SEED = new URL('../content/lavrov-north-korea.txt', import.meta.url);

/** One input of the engine benchmark. */
interface Input {
  key: string;
  label: string;
  text: string;
  ours: SampleOptions;
  /** Competitor calls in one child, and the child's time cap (ms). */
  theirs: { runs: number; timeoutMs: number };
}

const COMPETITORS: readonly { name: CompetitorName; label: string }[] = [
  { name: 'textrank', label: 'node-summarizer TextRank' },
  { name: 'lexrank', label: 'lexrank' },
];

function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(3)} ms`;
}

function kb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

/** A comparison row: their median over ours (how many times faster we are), both medians in the note. */
export function competitorRow(label: string, input: string, oursMs: number, outcome: CompetitorOutcome): BenchRow {
  const name = `vs ${label}, ${input}`;
  if (!outcome.ok) {
    const timedOut = 'timedOut' in outcome && outcome.timedOut === true;
    return {
      group: GROUP,
      name,
      value: Number.NaN,
      unit: '×',
      note: timedOut ? `${label} ${outcome.error} (killed); ours ${formatMs(oursMs)}` : `${label} fails: ${outcome.error.slice(0, 120)}; ours ${formatMs(oursMs)}`,
    };
  }
  const theirs = median(outcome.times);
  return {
    group: GROUP,
    name,
    value: theirs / oursMs,
    unit: '×',
    note: `${label} ${formatMs(theirs)} (median of ${outcome.times.length}) / ours ${formatMs(oursMs)}: ours is ${theirs >= oursMs ? 'faster' : 'slower'}`,
  };
}

/** Run the engine benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const missing = missingShared('ant', 'ANT corpus', ctx.sharedDir);
  if (missing) throw new Error(missing);
  const ant = join(ctx.sharedDir, 'ant');
  const inputs: Input[] = [
    { key: 'seed', label: 'seed', text: await readFile(SEED, 'utf8'), ours: { warmup: 50, minRuns: 50, maxRuns: 3000, budgetMs: 1500 }, theirs: { runs: 10, timeoutMs: 30_000 } },
    { key: '100k', label: '100 KB', text: await buildCorpusText(ant, 100_000), ours: { warmup: 3, minRuns: 10, maxRuns: 200, budgetMs: 2000 }, theirs: { runs: 1, timeoutMs: 15_000 } },
    { key: '1m', label: '1 MB', text: await buildCorpusText(ant, 1_000_000), ours: { warmup: 1, minRuns: 5, maxRuns: 30, budgetMs: 3000 }, theirs: { runs: 1, timeoutMs: 5_000 } },
  ];
  const english = await englishSample();
  if (english) inputs.push({ key: 'en', label: 'English sample', text: english, ours: { warmup: 20, minRuns: 30, maxRuns: 2000, budgetMs: 1000 }, theirs: { runs: 10, timeoutMs: 30_000 } });

  const rows: BenchRow[] = [];
  const oursMedian = new Map<string, number>();
  for (const [i, input] of inputs.entries()) {
    ctx.progress('engine: ours', i, inputs.length);
    const bytes = Buffer.byteLength(input.text);
    const ms = median(sample(() => createBriefing(input.text), input.ours));
    oursMedian.set(input.key, ms);
    const speed = mbPerSecond(bytes, ms);
    const size = `${kb(bytes)}`;
    if (input.key === 'seed') {
      rows.push({ group: GROUP, name: 'seed median', value: ms, unit: 'ms', goal: '≤ 1 ms', pass: ms <= 1, note: `${size}, ${speed.toFixed(1)} MB/s` });
    } else if (input.key === '1m') {
      rows.push({ group: GROUP, name: '1 MB median', value: ms, unit: 'ms', note: size });
      rows.push({ group: GROUP, name: '1 MB throughput', value: speed, unit: 'MB/s', goal: '≥ 10 MB/s', pass: speed >= 10 });
    } else {
      rows.push({ group: GROUP, name: `${input.label} median`, value: ms, unit: 'ms', note: `${size}, ${speed.toFixed(1)} MB/s` });
    }
  }
  ctx.progress('engine: ours', inputs.length, inputs.length);

  const small = inputs.find((x) => x.key === '100k')!;
  const large = inputs.find((x) => x.key === '1m')!;
  const sizeRatio = Buffer.byteLength(large.text) / Buffer.byteLength(small.text);
  const growth = oursMedian.get('1m')! / oursMedian.get('100k')!;
  rows.push({
    group: GROUP,
    name: 'growth 100 KB → 1 MB',
    value: growth,
    unit: '×',
    goal: '≤ 13× (linear ≈ 10×)',
    pass: growth <= 13,
    note: `time ratio for a ${sizeRatio.toFixed(2)}× larger text`,
  });

  const total = inputs.length * COMPETITORS.length;
  let done = 0;
  for (const input of inputs) {
    const file = join(ctx.tmpDir, `engine-${input.key}.txt`);
    await writeFile(file, input.text);
    for (const competitor of COMPETITORS) {
      ctx.progress('engine: competitors', done++, total);
      const outcome = await runCompetitor({ tool: competitor.name, file, sentences: 3, runs: input.theirs.runs }, input.theirs.timeoutMs);
      rows.push(competitorRow(competitor.label, input.label, oursMedian.get(input.key)!, outcome));
    }
  }
  ctx.progress('engine: competitors', total, total);
  return rows;
}
