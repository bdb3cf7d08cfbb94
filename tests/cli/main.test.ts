import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main';
import { resolveArticle as resolveInLibrary } from '../../src/discord/resolve-article';
import { createFolderLibrary, readerOf } from '../../src/library';
import { createLogger } from '../../src/logger';
import { makeFifo } from '../support/special-files';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
const CONTENT = join(ROOT, 'content');
const scratch = mkdtempSync(join(tmpdir(), 'brief-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A content folder of its own, for ids: named in ar/en/fr, and names that are not ids. */
const library = join(scratch, 'library');
mkdirSync(library);
for (const [name, from] of [
  ['Lavrov-North-Korea.txt', 'ar-boilerplate.txt'],
  ['Conseil-Municipal.md', 'fr-reforme.md'],
  ['City Council Vote.txt', 'en-council.txt'],
  ['خبر عاجل.txt', 'ar-boilerplate.txt'],
  ['Élection.md', 'fr-reforme.md'],
] as const) copyFileSync(join(FIXTURES, from), join(library, name));
makeFifo(join(library, 'fifo-story.txt'));
writeFileSync(join(scratch, 'outside.txt'), 'DISCORD_TOKEN=not-for-the-cli');
symlinkSync('../outside.txt', join(library, 'leak.txt'));

function file(name: string, data: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, data);
  return path;
}

async function run(argv: string[], overrides: Partial<CliIO> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    color: false,
    contentDir: CONTENT,
    ...overrides,
  });
  return { code, out, err };
}

describe('brief CLI (in-process)', () => {
  it.each([
    ['ar', join(FIXTURES, 'ar-boilerplate.txt'), 'rtl', 'الحكومة تعلن خطة لخفض أسعار الخبز'],
    ['en', join(FIXTURES, 'en-council.txt'), 'ltr', 'City council approves new tram line after long debate'],
    ['fr (front matter title)', join(FIXTURES, 'fr-reforme.md'), 'ltr', 'Le Parlement adopte la réforme des retraites'],
    ['the seed by id', 'lavrov-north-korea', 'rtl', undefined],
  ])('prints one JSON object for %s', async (_name, target, direction, headline) => {
    const { code, out, err } = await run([target, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['direction', 'headline', 'id', 'language', 'quotes', 'sections', 'summary', 'text']);
    expect(typeof json.text).toBe('string');
    expect(json.direction).toBe(direction);
    if (headline) expect(json.headline).toBe(headline);
    expect((json.summary as string[]).length).toBeGreaterThan(0);
  });

  it('prints a readable briefing by default, RTL text intact', async () => {
    const { code, out } = await run(['lavrov-north-korea']);
    expect(code).toBe(0);
    expect(out).toContain('الملخص');
    expect(out).toContain('وصل وزير الخارجية الروسي سيرغي لافروف إلى كوريا الشمالية');
    expect(out).not.toContain('\u001b[');
  });

  it.each([
    [['--sentences', '1'], 1],
    [['--sentences', '4'], 4],
  ])('honours %j', async (flags, count) => {
    const { out } = await run([join(FIXTURES, 'en-council.txt'), '--json', ...flags]);
    expect((JSON.parse(out) as { summary: string[] }).summary).toHaveLength(count);
  });

  it('honours --words', async () => {
    const { out } = await run([join(FIXTURES, 'en-council.txt'), '--json', '--words', '30']);
    const words = (JSON.parse(out) as { summary: string[] }).summary.join(' ').split(/\s+/).length;
    expect(words).toBeLessThanOrEqual(30);
  });

  it.each([
    ['a missing file', () => [join(scratch, 'nope.txt')], /File not found: nope\.txt/],
    ['an unknown id', () => ['no-such-article'], /No article named "no-such-article"/],
    ['an invalid id', () => ['two words'], /not a valid article id/],
    ['a path with control characters', () => [join(scratch, 'x\u0007.txt')], /^File not found: x .txt\n$/],
    ['an empty file', () => [file('empty.txt', '')], /empty/],
    ['a whitespace-only file', () => [file('blank.txt', ' \n\t\n  ')], /empty/],
    ['binary data', () => [file('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a]))], /not UTF-8 text/],
    ['Latin-1 text', () => [file('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]))], /not UTF-8 text/],
    ['a file over the cap', () => [file('big.txt', 'word '.repeat(100)), '--max-bytes', '100'], /^big\.txt is 500 bytes, over the 100-byte limit\.\n$/],
    ['a file of 1 MiB over the default cap', () => [file('mib.txt', 'm'.repeat(1_048_576))], /^mib\.txt is 1,048,576 bytes, over the 1,000,000-byte limit\.\n$/],
    ['a FIFO (never opened: no hang)', () => [makeFifo(join(scratch, 'feed.txt'))], /^feed\.txt is not a regular file/],
    ['/dev/zero', () => ['/dev/zero'], /^zero is not a regular file/],
    ['an id whose file is a FIFO', () => ['fifo-story'], /^No article named "fifo-story"/, { contentDir: library }],
    ['a folder', () => [scratch], /is a folder/],
    ['bad front matter', () => [file('bad.md', '---\ntitle: ""\nlanguage: 12\n---\nBody text here.')], /bad\.md: front matter field "title"/],
    ['unknown front matter', () => [file('odd.md', '---\ncolour: red\n---\nBody text here.')], /front matter field "colour"/],
    ['a bad flag value', () => ['lavrov-north-korea', '--sentences', 'many'], /Invalid --sentences/],
    ['an unknown flag', () => ['lavrov-north-korea', '--verbose'], /unknown flag/],
    ['no argument', () => [], /Missing the article/],
  ])('rejects %s with one stderr line and exit code 2', async (_name, argv, message, overrides: Partial<CliIO> = {}) => {
    const { code, out, err } = await run(argv(), overrides);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/^\s+at /m);
  });

  const TYPED_IDS = [
    ['en: the id in capitals', 'LAVROV-NORTH-KOREA', 'Lavrov-North-Korea'],
    ['en: the id in lower case', 'lavrov-north-korea', 'Lavrov-North-Korea'],
    ['fr: without the accent, in lower case', 'election', 'Élection'],
    ['fr: lower case', 'conseil-municipal', 'Conseil-Municipal'],
    ['en: the derived id of a name with spaces', 'city-council-vote', 'city-council-vote'],
    ['en: the derived id, in capitals', 'CITY-COUNCIL-VOTE', 'city-council-vote'],
    ['ar: the derived id of a name with a space', 'خبر-عاجل', 'خبر-عاجل'],
  ] as const;

  it.each(TYPED_IDS)('finds an article by id as the bot does (%s)', async (_name, typed, id) => {
    const { code, out, err } = await run([typed, '--json'], { contentDir: library });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { id: string }).id).toBe(id);
  });

  it('agrees with the bot on every id typed', async () => {
    const lib = createFolderLibrary({ contentDir: library, maxBytes: 1_000_000, logger: createLogger({ level: 'silent' }), rescanSeconds: 0, watch: false });
    await lib.start();
    try {
      for (const [, typed, id] of TYPED_IDS) expect((await resolveInLibrary(readerOf(lib), typed)).id).toBe(id);
      await expect(resolveInLibrary(readerOf(lib), 'leak')).rejects.toThrow('No article named "leak"');
    } finally {
      await lib.stop();
    }
  });

  it('never takes an id whose file is a link leading out of the content folder', async () => {
    const { code, out, err } = await run(['leak'], { contentDir: library });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('No article named "leak" in the library.\n');
  });

  it('applies the configured size cap when no flag is given', async () => {
    const { code, err } = await run([join(FIXTURES, 'en-council.txt')], { maxArticleBytes: 50 });
    expect(code).toBe(2);
    expect(err).toMatch(/over the 50-byte limit/);
  });
});

describe('brief CLI (child process, as npm run brief)', () => {
  const exec = promisify(execFile);
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env, NO_COLOR: '1' };

  it('briefs the seed as JSON', { timeout: 60_000 }, async () => {
    const { stdout, stderr } = await exec(tsx, ['src/cli/brief.ts', 'content/lavrov-north-korea.txt', '--json'], { cwd: ROOT, env });
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as { id: string; language: string };
    expect(json).toMatchObject({ id: 'lavrov-north-korea', language: 'ar' });
  });

  it('exits 2 with one line and no stack trace on a missing file', { timeout: 60_000 }, async () => {
    const failure = await exec(tsx, ['src/cli/brief.ts', 'content/does-not-exist.txt'], { cwd: ROOT, env }).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr.trimEnd().split('\n')).toEqual(['File not found: does-not-exist.txt']);
  });
});
