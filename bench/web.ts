/**
 * Web benchmark: a real news page of 100–300 KB (../shared/web/pages), bytes
 * to briefing: charset decoding, article extraction (Readability on linkedom
 * and the post-filter) and the engine. Every page in that size range, runs
 * interleaved so a slow moment of the machine does not land on one page.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createBriefing } from '../src/briefing/index';
import { decodeText } from '../src/content/web/charset';
import { extractArticle } from '../src/extraction';
import { median } from './stats';
import { goalRows, timeCall, type Timings } from './timing';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'web';
/** Goal: median of extract + brief over the pages, in ms. */
export const EXTRACT_GOAL_MS = 40;
const MIN_BYTES = 100_000;
const MAX_BYTES = 300_000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 25;

/** One page, bytes to briefing (what `/brief url:` does after the fetch). */
export function extractAndBrief(bytes: Uint8Array, contentType?: string): number {
  const article = extractArticle(decodeText(bytes, contentType).text, 'https://news.example/article');
  return createBriefing(article.text, { title: article.title, language: article.language }).summary.length;
}

/** The goal rows (median wall and CPU time of every run), with the slowest page in the note. */
export function extractRows(timings: Timings, pages: { id: string; medianMs: number }[]): BenchRow[] {
  const slowest = [...pages].sort((a, b) => b.medianMs - a.medianMs)[0];
  return goalRows({
    group: GROUP,
    name: `extract + brief a real news page of 100–300 KB (${pages.length} pages)`,
    goalMs: EXTRACT_GOAL_MS,
    timings,
    note: `${timings.wallMs.length} runs, pages interleaved${slowest ? `; slowest page ${slowest.id} ${slowest.medianMs.toFixed(1)} ms wall` : ''}`,
  });
}

/** Run the web benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const dir = join(ctx.sharedDir, 'web', 'pages');
  const pages: { id: string; bytes: Buffer }[] = [];
  for (const id of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const file = join(dir, id, 'source.html');
    const size = (await stat(file).catch(() => undefined))?.size ?? 0;
    if (size >= MIN_BYTES && size <= MAX_BYTES) pages.push({ id, bytes: await readFile(file) });
  }
  if (pages.length === 0) throw new Error(`no page of 100–300 KB in ${dir}`);
  for (let round = 0; round < WARMUP_ROUNDS; round++) for (const page of pages) extractAndBrief(page.bytes);
  const all: Timings = { wallMs: [], cpuMs: [] };
  const perPage: Timings[] = pages.map(() => ({ wallMs: [], cpuMs: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    ctx.progress('web: extract + brief', round, ROUNDS);
    pages.forEach((page, i) => timeCall(() => extractAndBrief(page.bytes), perPage[i]!));
  }
  for (const page of perPage) {
    all.wallMs.push(...page.wallMs);
    all.cpuMs.push(...page.cpuMs);
  }
  return extractRows(all, pages.map((page, i) => ({ id: page.id, medianMs: median(perPage[i]!.wallMs) })));
}
