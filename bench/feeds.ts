/**
 * Feed benchmark: parse a 1 MB RSS feed (decode the bytes, read the XML,
 * items to plain text with their dedupe keys), built from the real Guardian
 * feed of `../shared/web/feeds` by repeating its real items with fresh guids
 * and links. Goal: median ≤ 50 ms. The fast XML reader the bot uses, and
 * feedsmith alone (the reference) for comparison.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeedBytes, parseFeedText } from '../src/content/feeds';
import { pollRows } from './feeds-poll';
import { median, percentile } from './stats';
import { goalRows, sampleTimings } from './timing';
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

const CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
const SAMPLING = { warmup: 2, minRuns: 15, maxRuns: 60, budgetMs: 4000 };

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  let source: string;
  try {
    source = await readFile(join(ctx.sharedDir, 'web', 'feeds', 'rss2-guardian.rss'), 'utf8');
  } catch {
    return [{ group: GROUP, name: 'parse a 1 MB feed', value: NaN, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, pass: false, note: 'shared/web/feeds/rss2-guardian.rss missing (set BRIEFING_SHARED_DIR)' }];
  }
  const bytes = new Uint8Array(Buffer.from(growFeed(source)));
  const parsed = parseFeedBytes(bytes, CONTENT_TYPE);
  const realItems = parseFeedText(source).items.length;
  const fast = sampleTimings(() => parseFeedBytes(bytes, CONTENT_TYPE, 'fast'), SAMPLING);
  const reference = sampleTimings(() => parseFeedBytes(bytes, CONTENT_TYPE, 'feedsmith'), SAMPLING);
  const input = `the real Guardian RSS (shared/web/feeds/rss2-guardian.rss), its ${realItems} items repeated, each copy with its own guid and link, to ${(bytes.length / 1e6).toFixed(2)} MB (${parsed.items.length} items)`;
  return [
    ...goalRows({ group: GROUP, name: 'parse a 1 MB feed', goalMs: GOAL_MS, timings: fast, note: `${input}; bytes to items: charset, fast XML reader, item text and keys; p90 ${percentile(fast.wallMs, 90).toFixed(1)} ms` }),
    {
      group: GROUP,
      name: 'parse a 1 MB feed, feedsmith alone: median wall',
      value: Math.round(median(reference.wallMs) * 10) / 10,
      unit: 'ms',
      note: `the reference parser on the same feed, for comparison (no goal); median CPU time ${median(reference.cpuMs).toFixed(1)} ms; ${(median(reference.cpuMs) / median(fast.cpuMs)).toFixed(1)}× the fast reader's CPU time`,
    },
    ...(await pollRows(ctx.tmpDir)),
  ];
}
