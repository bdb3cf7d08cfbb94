import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import {
  articleFormatOf,
  articleIdOf,
  compareIdClaims,
  decodeArticle,
  hasDerivedId,
  isValidArticleId,
  readArticleFile,
} from '../../src/content/read-article';
import { ArticleTooLargeError, BinaryArticleError, EmptyArticleError, FrontMatterError, NotRegularFileError } from '../../src/errors';
import { makeFifo } from '../support/special-files';

const dir = mkdtempSync(join(tmpdir(), 'briefing-content-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe('isValidArticleId', () => {
  it.each([
    ['lavrov-north-korea', true],
    ['لافروف-كوريا', true],
    ['élection_2024.v2', true],
    ['', false],
    ['../etc/passwd', false],
    ['a/b', false],
    ['a\\b', false],
    ['..', false],
    ['.hidden', false],
    ['x'.repeat(101), false],
    ['name with space', false],
    ['nul\u0000byte', false],
  ])('%j → %s', (id, valid) => {
    expect(isValidArticleId(id)).toBe(valid);
  });
});

describe('article file names', () => {
  it.each([
    ['content/lavrov.txt', 'lavrov', 'txt'],
    ['/a/b/Le-Monde.MD', 'Le-Monde', 'md'],
    ['notes.pdf', 'notes', undefined],
  ])('%s has id %s and format %s', (name, id, format) => {
    expect(articleIdOf(name)).toBe(id);
    expect(articleFormatOf(name)).toBe(format);
  });
});

describe('ids derived from names that are not ids', () => {
  it.each([
    ['en: spaces and capitals', 'Breaking News.txt', 'breaking-news'],
    ['en: an ampersand', 'x&y.md', 'x-y'],
    ['en: punctuation around', '!!Urgent!! (update).txt', 'urgent-update'],
    ['en: a dot run', 'v2..final.txt', 'v2.final'],
    ['fr: accents kept, apostrophe and spaces', 'L’Élection présidentielle.md', 'l-élection-présidentielle'],
    ['fr: decomposed accents composed (NFC)', 'Été 2024!.txt', 'été-2024'],
    ['ar: a space and an Arabic comma', 'أخبار، عاجلة.txt', 'أخبار-عاجلة'],
    ['ar: a question mark and diacritics kept', 'هل يَنجح الاتفاق؟.md', 'هل-يَنجح-الاتفاق'],
    ['a control character', 'tab\there.txt', 'tab-here'],
    ['a name of 150 letters is cut at the id limit', `${'é'.repeat(150)} x.txt`, 'é'.repeat(100)],
    ['an astral letter is never split at the limit', `${'a'.repeat(99)}𝒜 b.txt`, 'a'.repeat(99)],
  ])('%s: %s → %s', (_name, file, id) => {
    expect(articleIdOf(file.normalize(file.startsWith('Été') ? 'NFD' : 'NFC'))).toBe(id);
    expect(isValidArticleId(id)).toBe(true);
    expect(hasDerivedId(file)).toBe(true);
  });

  it.each([['!!!.txt'], ['  .md'], ['-—-.txt'], ['«»؟.txt']])('gives no id to %j (no letter or digit)', (file) => {
    expect(articleIdOf(file)).toBe('');
  });

  it.each([['lavrov-north-korea.txt'], ['لافروف.md'], ['Élection_2024.txt']])('keeps a valid name as its id: %s', (file) => {
    expect(articleIdOf(file)).toBe(file.replace(/\.(txt|md)$/, ''));
    expect(hasDerivedId(file)).toBe(false);
  });

  it.each([
    ['a file named by the id before one whose id is derived', 'breaking-news.txt', 'Breaking News.txt'],
    ['.md before .txt (code points)', 'story.md', 'story.txt'],
    ['two derived: the smaller name', 'Breaking News.txt', 'breaking  news.txt'],
    ['Arabic derived names by code points', 'أخبار عاجلة.txt', 'أخبار، عاجلة.txt'],
  ])('settles a shared id whatever the order: %s', (_name, winner, loser) => {
    expect(articleIdOf(winner)).toBe(articleIdOf(loser));
    expect(compareIdClaims(winner, loser)).toBeLessThan(0);
    expect(compareIdClaims(loser, winner)).toBeGreaterThan(0);
    expect([loser, winner].sort(compareIdClaims)).toEqual([winner, loser]);
  });
});

describe('decodeArticle', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it.each([
    ['arabic with BOM and CRLF', '\uFEFFقال الوزير\r\nإن الاتفاق قريب.', 'قال الوزير\nإن الاتفاق قريب.'],
    ['english with CR line ends', 'The mayor said.\rShe left.', 'The mayor said.\nShe left.'],
    ['french accents kept', 'Le ministre a déclaré : « Nous verrons. »', 'Le ministre a déclaré : « Nous verrons. »'],
  ])('decodes %s', (_name, input, body) => {
    expect(decodeArticle(utf8(input), 'txt', 'a.txt').body).toBe(body);
  });

  it.each([
    ['empty', utf8(''), EmptyArticleError],
    ['whitespace only', utf8('  \n\t \r\n'), EmptyArticleError],
    ['punctuation only', utf8('--- ... !!!'), EmptyArticleError],
    ['NUL bytes', new Uint8Array([0x48, 0x00, 0x49, 0x00]), BinaryArticleError],
    ['invalid UTF-8 (latin-1)', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), BinaryArticleError],
    ['PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), BinaryArticleError],
  ])('rejects %s', (_name, bytes, ErrorClass) => {
    expect(() => decodeArticle(bytes, 'txt', 'bad.txt')).toThrow(ErrorClass);
  });

  it('parses front matter only for markdown', () => {
    const text = '---\ntitle: Hello\n---\nBody text.';
    expect(decodeArticle(utf8(text), 'md', 'a.md')).toMatchObject({ meta: { title: 'Hello' }, body: 'Body text.' });
    expect(decodeArticle(utf8(text), 'txt', 'a.txt')).toMatchObject({ meta: {}, body: text });
  });

  it('names the file in a front matter error', () => {
    expect(() => decodeArticle(utf8('---\nurl: nope\n---\nBody'), 'md', 'story.md')).toThrow(/story\.md.*url/);
    expect(() => decodeArticle(utf8('---\nurl: nope\n---\nBody'), 'md', 'story.md')).toThrow(FrontMatterError);
  });
});

describe('readArticleFile', () => {
  it('reads the seed-like arabic file with its id', async () => {
    const path = file('lavrov.txt', '[ad_1]\nوصل وزير الخارجية الروسي سيرغي لافروف.\n');
    await expect(readArticleFile(path)).resolves.toMatchObject({ id: 'lavrov', format: 'txt' });
  });

  it('refuses a file over the cap before decoding it, naming the file but not its folder', async () => {
    const path = file('big.txt', 'a'.repeat(2_000));
    const error = await readArticleFile(path, 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArticleTooLargeError);
    expect((error as Error).message).toContain('big.txt');
    expect((error as Error).message).not.toContain(dir);
  });

  it('accepts a file exactly at the cap', async () => {
    const path = file('exact.txt', 'b'.repeat(1_000));
    await expect(readArticleFile(path, 1_000)).resolves.toMatchObject({ id: 'exact' });
  });

  it.each([
    ['a FIFO (never opened for a writer: no hang)', () => makeFifo(join(dir, 'feed.txt'))],
    ['a character device', () => '/dev/zero'],
    ['a folder', () => dir],
  ])('refuses %s as not a regular file', async (_name, path) => {
    const error = await readArticleFile(path()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotRegularFileError);
    expect((error as Error).message).toMatch(/is not a regular file/);
  });

  it('says how far over the cap a file is, in exact bytes', async () => {
    const path = file('mib.txt', 'c'.repeat(1_048_576));
    await expect(readArticleFile(path)).rejects.toThrow('mib.txt is 1,048,576 bytes, over the 1,000,000-byte limit.');
  });

  it('rejects a missing file with ENOENT', async () => {
    await expect(readArticleFile(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
