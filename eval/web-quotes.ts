/**
 * `npx tsx eval/web-quotes.ts [--all]`: every quote the engine gives on the
 * English and French pages of ../shared/web (each `source.html` extracted as
 * the bot extracts a fetched page), with speaker and role, then the passages
 * in quotation marks (“…” «…» "…") it did not give, each with the words
 * before it. For reading by a person: the classes of error are found by eye
 * on pages nobody annotated for the engine. `--all` lists one-word marked
 * passages too (scare quotes, mostly). Skips with one line without the data.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { missingShared, sharedDir } from '../bench/shared-data';
import { readHtmlFile } from '../src/content/html-file';
import { createBriefing } from '../src/briefing/index';
import type { Quote } from '../src/briefing/schema';

/** Passages in marks: curly, guillemets, straight; the inner text in group 1, 2 or 3. */
const MARKED = /“([^”]{2,}?)”|«\s*([^»]{2,}?)\s*»|"([^"\n]{2,}?)"/gu;
const MAX_PAGE_BYTES = 5_000_000;

const flat = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function label(q: Quote): string {
  return `${q.speaker ?? '-'}${q.speakerRole && q.speakerRole !== q.speaker ? ` | ${q.speakerRole}` : ''}`;
}

/** The marked passages of `text` that no quote covers, as lines. */
function missed(text: string, quotes: readonly Quote[], all: boolean): string[] {
  const given = quotes.map((q) => flat(q.text));
  const out: string[] = [];
  for (const m of text.matchAll(MARKED)) {
    const inner = flat(m[1] ?? m[2] ?? m[3] ?? '');
    const words = inner.split(' ').length;
    if ((!all && words < 2) || given.some((g) => g.includes(inner.slice(0, 30)) || inner.includes(g.slice(0, 30)))) continue;
    const before = flat(text.slice(Math.max(0, m.index - 60), m.index));
    out.push(`   (${words}w) ${inner.slice(0, 90)}  ⟨…${before}⟩`);
  }
  return out;
}

async function main(): Promise<number> {
  const missing = missingShared('web/pages', 'web pages');
  if (missing) {
    console.log(`web-quotes: skipped (${missing})`);
    return 0;
  }
  const all = process.argv.includes('--all');
  const dir = join(sharedDir(), 'web', 'pages');
  for (const name of readdirSync(dir).filter((n) => /^(en|fr)-/u.test(n)).sort()) {
    const { article } = await readHtmlFile(join(dir, name, 'source.html'), MAX_PAGE_BYTES);
    const text = `${article.title}\n\n${article.text}`;
    const briefing = createBriefing(text, { title: article.title });
    console.log(`\n=== ${name} (${briefing.language}): ${briefing.quotes.length} quotes`);
    for (const q of briefing.quotes) console.log(`  [${label(q)}] ${q.text.slice(0, 110)}`);
    console.log('  -- marked passages not given:');
    for (const line of missed(text, briefing.quotes, all)) console.log(line);
  }
  return 0;
}

process.exitCode = await main();
