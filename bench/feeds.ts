/**
 * Feed benchmark: parse a 1 MB RSS feed (decode the bytes, feedsmith, items
 * to plain text with their dedupe keys), built from the real Guardian feed of
 * `../shared/web/feeds` by repeating its items with fresh guids. Goal: median
 * ≤ 50 ms.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeedBytes } from '../src/content/feeds';
import { pollRows } from './feeds-poll';
import { median, percentile, sample } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'feeds';
const TARGET_BYTES = 1_000_000;
const GOAL_MS = 50;

/** The Guardian feed grown to about 1 MB: its items repeated, each copy with its own guid and link. */
export function growFeed(source: string, targetBytes = TARGET_BYTES): string {
  const start = source.indexOf('<item>');
  const end = source.lastIndexOf('</item>') + '</item>'.length;
  const items = source.slice(start, end).split(/(?<=<\/item>)/).map((item) => item.trim()).filter(Boolean);
  const copies: string[] = [];
  let size = start + (source.length - end);
  for (let n = 0; size < targetBytes; n++) {
    const item = items[n % items.length]!.replace(/<(guid|link)([^>]*)>([^<]*)<\/\1>/g, (_m, tag: string, attrs: string, value: string) => `<${tag}${attrs}>${value}?copy=${n}</${tag}>`);
    copies.push(item);
    size += Buffer.byteLength(item);
  }
  return source.slice(0, start) + copies.join('\n') + source.slice(end);
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  let source: string;
  try {
    source = await readFile(join(ctx.sharedDir, 'web', 'feeds', 'rss2-guardian.rss'), 'utf8');
  } catch {
    return [{ group: GROUP, name: 'parse a 1 MB feed', value: NaN, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, pass: false, note: 'shared/web/feeds/rss2-guardian.rss missing (set BRIEFING_SHARED_DIR)' }];
  }
  const bytes = new Uint8Array(Buffer.from(growFeed(source)));
  const items = parseFeedBytes(bytes, 'application/rss+xml; charset=utf-8').items.length;
  const cpuTimes: number[] = [];
  const times = sample(() => parseFeedBytes(bytes, 'application/rss+xml; charset=utf-8'), { warmup: 2, minRuns: 10, maxRuns: 50, budgetMs: 5000 });
  const med = median(times);
  // CPU time of the same work: what the parse costs when the machine is shared (wall time includes waiting for a core).
  const cpu = sample(() => {
    const before = process.cpuUsage();
    parseFeedBytes(bytes, 'application/rss+xml; charset=utf-8');
    const used = process.cpuUsage(before);
    cpuTimes.push((used.user + used.system) / 1000);
  }, { warmup: 0, minRuns: 10, maxRuns: 30, budgetMs: 3000 });
  return [
    { group: GROUP, name: 'parse a 1 MB feed (median)', value: Math.round(med * 10) / 10, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, pass: med <= GOAL_MS, note: `${(bytes.length / 1e6).toFixed(2)} MB, ${items} items, p90 ${percentile(times, 90).toFixed(1)} ms` },
    { group: GROUP, name: 'parse a 1 MB feed (median CPU time)', value: Math.round(median(cpuTimes) * 10) / 10, unit: 'ms', note: `${cpu.length} runs; feedsmith (fast-xml-parser) is most of it` },
    ...(await pollRows(ctx.tmpDir)),
  ];
}
