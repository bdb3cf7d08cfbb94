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

/** The goal row from every run's wall time, with the CPU-time median and the slowest page in the note. */
export function extractRow(wallMs: number[], cpuMs: number[], pages: { id: string; medianMs: number }[]): BenchRow {
  const value = median(wallMs);
  const slowest = [...pages].sort((a, b) => b.medianMs - a.medianMs)[0];
  return {
    group: GROUP,
    name: `extract + brief, real news page 100–300 KB (${pages.length} pages) median`,
    value,
    unit: 'ms',
    goal: `≤ ${EXTRACT_GOAL_MS} ms`,
    pass: value <= EXTRACT_GOAL_MS,
    note: `CPU time median ${median(cpuMs).toFixed(1)} ms${slowest ? `; slowest page ${slowest.id} ${slowest.medianMs.toFixed(1)} ms` : ''}`,
  };
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
  const wall: number[][] = pages.map(() => []);
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ctx.progress('web: extract + brief', round, ROUNDS);
    pages.forEach((page, i) => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      extractAndBrief(page.bytes);
      wall[i]!.push(performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
    });
  }
  return [extractRow(wall.flat(), cpu, pages.map((page, i) => ({ id: page.id, medianMs: median(wall[i]!) })))];
}
