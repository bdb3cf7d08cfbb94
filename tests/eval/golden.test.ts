import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GOLDEN_CORPORA, antArticleText } from '../../eval/golden-corpora';
import { compactText, diffGolden, diffRecord, formatGolden, parseGolden, type GoldenRecord } from '../../eval/golden-record';
import { runGolden } from '../../eval/golden-run';

const GOLDEN_DIR = fileURLToPath(new URL('../../golden/', import.meta.url));
const NO_SHARED = join(os.tmpdir(), 'briefing-no-shared-here');
const evalQuotes = GOLDEN_CORPORA.filter((c) => c.name === 'eval-quotes');
const tmpDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function run(check: boolean, goldenDir: string, corpora = evalQuotes): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runGolden({ check, corpora, sharedDir: NO_SHARED, goldenDir, log: (l) => lines.push(l) });
  return { code, lines };
}

async function tmpGolden(records?: GoldenRecord[]): Promise<string> {
  const dir = await mkdtemp(join(os.tmpdir(), 'golden-'));
  tmpDirs.push(dir);
  if (records) await writeFile(join(dir, 'eval-quotes.jsonl'), formatGolden(records));
  return dir;
}

const checkedIn = parseGolden(await readFile(join(GOLDEN_DIR, 'eval-quotes.jsonl'), 'utf8'));

describe('npm run golden -- --check without ../shared', () => {
  it('finds the engine unchanged on eval/quotes, the checked-in golden file (regenerate it with npm run golden after an engine change)', async () => {
    const { code, lines } = await run(true, GOLDEN_DIR);
    expect(lines).toEqual(['golden: eval-quotes: unchanged']);
    expect(code).toBe(0);
  });

  it('skips each shared corpus with one line', async () => {
    const { code, lines } = await run(true, GOLDEN_DIR, GOLDEN_CORPORA.filter((c) => c.name !== 'eval-quotes'));
    expect(code).toBe(0);
    expect(lines).toEqual(['quotes-dev', 'easc', 'ant'].map((n) => `golden: ${n} skipped: ${join(NO_SHARED, n)} not found (set BRIEFING_SHARED_DIR)`));
  });

  const pick = (id: string): GoldenRecord => structuredClone(checkedIn.find((r) => r.id === id)!);
  it.each([
    ['ar', 'a changed headline', 'ar/01-cairo-talks', (r: GoldenRecord) => { r.headline = 'عنوان آخر'; }, /~ headline: عنوان آخر → /],
    ['en', 'a changed speaker', 'en/01-city-budget', (r: GoldenRecord) => { r.quotes[0]![1] = 'Someone Else'; }, /~ speaker of «.+»: Someone Else.* → /],
    ['fr', 'a quote the engine no longer finds', 'fr/01-greve-transports', (r: GoldenRecord) => { r.quotes.push(['Une citation disparue', 'Personne', null]); }, /- quote «Une citation disparue» — Personne/],
    ['fr', 'a quote the engine now finds', 'fr/02-canicule', (r: GoldenRecord) => { r.quotes.shift(); }, /\+ quote «/],
    ['ar', 'a changed summary', 'ar/02-water-shortage', (r: GoldenRecord) => { r.summary[0] = 'جملة قديمة.'; }, /- summary جملة قديمة\./],
  ])('%s: reports %s, naming the article, and exits 1', async (_lang, _what, id, mutate, expected) => {
    const changed = pick(id);
    mutate(changed);
    const dir = await tmpGolden(checkedIn.map((r) => (r.id === id ? changed : r)));
    const { code, lines } = await run(true, dir);
    expect(code).toBe(1);
    expect(lines[0]).toBe(`golden: eval-quotes: 1 of ${checkedIn.length} articles changed`);
    expect(lines[1]).toBe(`${id}:`);
    expect(lines.slice(2).join('\n')).toMatch(expected);
  });

  it('reports a missing golden file and exits 1', async () => {
    const { code, lines } = await run(true, await tmpGolden());
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/eval-quotes\.jsonl missing \(run npm run golden\)/);
  });

  it('reports an unreadable golden file by line and exits 1', async () => {
    const dir = await tmpGolden();
    await writeFile(join(dir, 'eval-quotes.jsonl'), `${JSON.stringify(checkedIn[0])}\n{"id": 3}\n`);
    const { code, lines } = await run(true, dir);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/line 2: not a golden record/);
  });

  it('writes a file that then checks unchanged, the same bytes as the checked-in one', async () => {
    const dir = await tmpGolden();
    expect((await run(false, dir)).code).toBe(0);
    expect(await readFile(join(dir, 'eval-quotes.jsonl'), 'utf8')).toBe(await readFile(join(GOLDEN_DIR, 'eval-quotes.jsonl'), 'utf8'));
    expect(await run(true, dir)).toEqual({ code: 0, lines: ['golden: eval-quotes: unchanged'] });
  });
});

describe('compactText', () => {
  const long = 'نحن مستعدون للعودة إلى طاولة المفاوضات في أي وقت';
  it.each([
    ['keeps a short text whole', 'Short quote.', 'Short quote.'],
    ['keeps 24 characters and a hash of a long one', long, /^نحن مستعدون للعودة إلى ط…[\w-]{6}$/],
  ])('%s', (_name, text, expected) => {
    if (typeof expected === 'string') expect(compactText(text)).toBe(expected);
    else expect(compactText(text)).toMatch(expected);
  });

  it.each([
    ['the end', `${long} اللازمة`],
    ['the middle', long.replace('طاولة', 'مائدة')],
  ])('changes when %s of a long text changes', (_name, other) => {
    expect(compactText(other)).not.toBe(compactText(long));
  });
});

describe('diffRecord and diffGolden', () => {
  const base: GoldenRecord = { id: 'x', headline: 'Grève', quotes: [['A dit ceci', 'Sophie Binet', 'la dirigeante'], ['Autre chose', null, null]], summary: ['Un.', 'Deux.'] };
  it.each([
    ['nothing changed', (r: GoldenRecord) => r, []],
    ['a role changed', (r: GoldenRecord) => ({ ...r, quotes: [['A dit ceci', 'Sophie Binet', null], r.quotes[1]!] }), ['  ~ speaker of «A dit ceci»: Sophie Binet (la dirigeante) → Sophie Binet']],
    ['a speaker found', (r: GoldenRecord) => ({ ...r, quotes: [r.quotes[0]!, ['Autre chose', null, 'le maire']] }), ['  ~ speaker of «Autre chose»: (no speaker) → (role) le maire']],
    ['summary order only', (r: GoldenRecord) => ({ ...r, summary: ['Deux.', 'Un.'] }), ['  ~ summary: same sentences, another order']],
  ] as const)('%s', (_name, change, expected) => {
    expect(diffRecord(base, change(structuredClone(base)) as GoldenRecord)).toEqual(expected);
  });

  it('reports articles added and gone', () => {
    expect(diffGolden([base], [{ ...base, id: 'y' }])).toEqual({ changed: 2, lines: ['y:', '  + article (new)', 'x:', '  - article (gone)'] });
  });

  it('sorts by id and round-trips through JSONL', () => {
    const records = [{ ...base, id: 'b' }, { ...base, id: 'a' }];
    const text = formatGolden(records);
    expect(text.split('\n').map((l) => l.slice(0, 10))).toEqual(['{"id":"a",', '{"id":"b",', '']);
    expect(parseGolden(text)).toEqual([records[1], records[0]]);
  });
});

describe('antArticleText', () => {
  it('gives the title, a blank line, then the paragraphs separated by blank lines', () => {
    expect(antArticleText(' شاهد.. عنوان \n', '\nفقرة أولى.\r\n  \nفقرة ثانية.  \n')).toBe('شاهد.. عنوان\n\nفقرة أولى.\n\nفقرة ثانية.\n');
  });
});
