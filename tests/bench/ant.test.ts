import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antToMarkdown, buildCorpusText, convertAnt, parseAnt, spread } from '../../bench/ant';
import { parseFrontMatter } from '../../src/content/front-matter';

function antXml(docno: string, title: string, text: string, url = 'http://www.bbc.co.uk/arabic/x-1', time = 'Tue, 20 Feb 2018 01:44:01 GMT'): string {
  return `<DOC>\n<DOCNO>${docno}</DOCNO>\n<URL>${url}</URL>\n<SRC>BBC</SRC>\n<CAT>culture</CAT>\n<TITLE>${title}</TITLE>\n<TIME>${time}</TIME>\n<AUTHOR></AUTHOR>\n<ABSTRACT>\nملخص\n</ABSTRACT>\n<TEXT>\n${text}\n</TEXT>\n</DOC>`;
}

describe('parseAnt', () => {
  it('reads the TREC fields', () => {
    const doc = parseAnt(antXml('BB-culture-37-20180220', 'معرض "كنوز الفرعون الصغير" يثير خلافا', 'الفقرة الأولى.\r\nالفقرة الثانية.'));
    expect(doc).toEqual({
      docno: 'BB-culture-37-20180220',
      title: 'معرض "كنوز الفرعون الصغير" يثير خلافا',
      time: 'Tue, 20 Feb 2018 01:44:01 GMT',
      url: 'http://www.bbc.co.uk/arabic/x-1',
      source: 'BBC',
      text: 'الفقرة الأولى.\nالفقرة الثانية.',
    });
  });

  it('gives empty fields for a file that lacks them', () => {
    expect(parseAnt('<DOC><DOCNO>x</DOCNO></DOC>')).toMatchObject({ docno: 'x', title: '', text: '' });
  });
});

describe('antToMarkdown', () => {
  it.each([
    ['Arabic title with ASCII quotes', 'معرض "كنوز الفرعون" يثير خلافا', 'http://www.bbc.co.uk/arabic/a', 'Tue, 20 Feb 2018 01:44:01 GMT',
      { title: 'معرض "كنوز الفرعون" يثير خلافا', source: 'BBC', url: 'http://www.bbc.co.uk/arabic/a', published: '2018-02-20T01:44:01.000Z' }],
    ['backslash in the title', 'a \\ b', 'https://arabic.cnn.com/x', 'Sun, 01 Apr 2018 09:28:39 GMT',
      { title: 'a \\ b', source: 'BBC', url: 'https://arabic.cnn.com/x', published: '2018-04-01T09:28:39.000Z' }],
    ['no usable url or date', 'Titre', 'not a url', 'someday', { title: 'Titre', source: 'BBC' }],
  ])('writes front matter the content reader accepts: %s', (_name, title, url, time, meta) => {
    const md = antToMarkdown(parseAnt(antXml('d1', title, 'نص المقال.', url, time)));
    expect(parseFrontMatter(md, 'd1.md')).toEqual({ meta, body: 'نص المقال.\n' });
  });
});

describe('spread', () => {
  it.each([
    [10, 3, [0, 3, 6]],
    [3, 5, [0, 1, 2]],
    [4, 4, [0, 1, 2, 3]],
    [5, 0, []],
  ])('spread(%d, %d)', (total, count, expected) => {
    expect(spread(total, count)).toEqual(expected);
  });
});

describe('convertAnt and buildCorpusText on a small corpus', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(os.tmpdir(), 'ant-'));
    await mkdir(join(root, 'ant', 'BBC', 'culture'), { recursive: true });
    await mkdir(join(root, 'ant', 'CNN', 'sport'), { recursive: true });
    await writeFile(join(root, 'ant', 'BBC', 'culture', 'a.txt'), antXml('BB-a', 'عنوان أ', 'فقرة أولى طويلة.\nفقرة ثانية.'));
    await writeFile(join(root, 'ant', 'BBC', 'culture', 'b.txt'), antXml('BB-b', 'عنوان ب', '   '));
    await writeFile(join(root, 'ant', 'CNN', 'sport', 'c.txt'), antXml('CN-c', 'Title C', 'Third article.'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes one .md per article with a body, named by DOCNO', async () => {
    const out = join(root, 'content');
    const { ids, bytes } = await convertAnt(join(root, 'ant'), out, 10);
    expect(ids).toEqual(['BB-a', 'CN-c']);
    expect((await readdir(out)).sort()).toEqual(['BB-a.md', 'CN-c.md']);
    expect(bytes).toBeGreaterThan(0);
    expect(parseFrontMatter(await readFile(join(out, 'BB-a.md'), 'utf8'), 'BB-a.md').meta.title).toBe('عنوان أ');
  });

  it('builds a deterministic text that never exceeds the target size', async () => {
    const text = await buildCorpusText(join(root, 'ant'), 40);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(40);
    expect(text).toBe('فقرة أولى طويلة.');
    expect(await buildCorpusText(join(root, 'ant'), 10_000)).toBe('فقرة أولى طويلة.\n\nفقرة ثانية.\n\nThird article.');
  });
});
