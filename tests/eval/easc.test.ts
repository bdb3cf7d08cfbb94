import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEasc, prepareEascText } from '../../eval/easc';

describe('prepareEascText', () => {
  it.each([
    ['removes the BOM and keeps one paragraph a line', '\uFEFFالجملة الأولى.\r\nالجملة الثانية.', 'الجملة الأولى.\nالجملة الثانية.'],
    ['joins lines hard-wrapped mid-sentence', 'غادر رئيس الجمعية الى تونس يوم\nالثلاثاء الماضي.\nفقرة ثانية.', 'غادر رئيس الجمعية الى تونس يوم الثلاثاء الماضي.\nفقرة ثانية.'],
    ['a blank line always ends a paragraph', 'سطر بلا نقطة\n\nفقرة جديدة.', 'سطر بلا نقطة\nفقرة جديدة.'],
    ['closing quotes and colons end a paragraph', 'قال الوزير: «انتهى».\nوأضاف:\nنص.', 'قال الوزير: «انتهى».\nوأضاف:\nنص.'],
    ['squeezes spaces and drops empty lines', '  a   b.  \n\n\n c. ', 'a b.\nc.'],
  ])('%s', (_name, raw, expected) => {
    expect(prepareEascText(raw)).toBe(expected);
  });
});

describe('loadEasc', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(os.tmpdir(), 'easc-'));
    const topics: [string, string, string[]][] = [
      ['Topic10', 'politics (1).TXT', ['ملخص عاشر.']],
      ['Topic2', 'Art and Music (2).txt', ['\uFEFF الملخص الأول. ', 'الملخص الثاني.']],
    ];
    for (const [topic, name, refs] of topics) {
      await mkdir(join(root, 'Articles', topic), { recursive: true });
      await mkdir(join(root, 'MTurk', topic), { recursive: true });
      await writeFile(join(root, 'Articles', topic, name), `\uFEFFسطر ملفوف في\nالوسط.\nفقرة أخرى.`);
      for (const [i, ref] of refs.entries()) await writeFile(join(root, 'MTurk', topic, `D0${topic.slice(5)}.M.250.A.${i + 1}.${'ABCDE'[i]}`), ref);
    }
    await writeFile(join(root, 'README.original'), 'not a topic');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('loads topics in numeric order with prepared text and trimmed references', async () => {
    const articles = await loadEasc(root);
    expect(articles.map((a) => a.topic)).toEqual([2, 10]);
    expect(articles[0]).toEqual({
      topic: 2,
      name: 'Art and Music (2).txt',
      text: 'سطر ملفوف في الوسط.\nفقرة أخرى.',
      references: ['الملخص الأول.', 'الملخص الثاني.'],
    });
    expect(articles[1]!.name).toBe('politics (1).TXT');
  });

  it.each([
    ['a topic without references', async (dir: string) => mkdir(join(dir, 'Articles', 'Topic3'), { recursive: true }).then(() => writeFile(join(dir, 'Articles', 'Topic3', 'a.txt'), 'x.')), /Topic3: no reference summaries/],
    ['a topic with two articles', async (dir: string) => writeFile(join(dir, 'Articles', 'Topic2', 'extra.txt'), 'x.'), /Topic2: expected one article, found 2/],
  ])('names the topic on %s', async (_name, breakIt, message) => {
    const copy = await mkdtemp(join(os.tmpdir(), 'easc-bad-'));
    try {
      const { cp } = await import('node:fs/promises');
      await cp(root, copy, { recursive: true });
      await breakIt(copy);
      await expect(loadEasc(copy)).rejects.toThrow(message);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
