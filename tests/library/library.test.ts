import { writeFileSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFolderLibrary, type Library } from '../../src/library';
import { captureLogger, tempDir, waitFor } from './helpers';

const ARTICLES: Record<string, string> = {
  'ar-news.md': '---\ntitle: لافروف يزور بيونغ يانغ\npublished: 2024-01-02\nlanguage: ar\n---\nقال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم كوريا الشمالية.\n',
  'en-news.md': '---\ntitle: Mayor opens bridge\npublished: 2024-01-03\n---\nThe mayor opened the new bridge on Monday. "It connects us," she said.\n',
  'fr-news.md': '---\ntitle: Le maire inaugure le pont\npublished: 2024-01-01\nlanguage: fr\n---\nLe maire a inauguré le pont lundi. « Il nous relie », a-t-il déclaré.\n',
};

let library: Library | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  await library?.stop();
  cleanup?.();
  library = undefined;
  cleanup = undefined;
});

function setup(files: Record<string, string | Buffer>, opts: { watch?: boolean; rescanSeconds?: number } = {}) {
  const temp = tempDir();
  cleanup = temp.cleanup;
  for (const [name, text] of Object.entries(files)) writeFileSync(join(temp.dir, name), text);
  const { logger, lines } = captureLogger();
  library = createFolderLibrary({ contentDir: temp.dir, maxBytes: 10_000, logger, rescanSeconds: opts.rescanSeconds ?? 0, watch: opts.watch, debounceMs: 30 });
  return { dir: temp.dir, lines, library };
}

const warnings = (lines: Array<Record<string, unknown>>) => lines.filter((l) => l.level === 40).map((l) => String(l.msg));

describe('library loading', () => {
  it('loads Arabic, English and French articles, oldest first by published date', async () => {
    const { library: lib } = setup(ARTICLES);
    await lib.start();
    expect(lib.all().map((a) => a.id)).toEqual(['fr-news', 'ar-news', 'en-news']);
    expect(lib.newest()?.id).toBe('en-news');
    expect(lib.get('ar-news')?.briefing.headline).toBe('لافروف يزور بيونغ يانغ');
    expect(lib.get('missing')).toBeUndefined();
  });

  it.each([
    ['a binary file', 'bin.txt', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254])],
    ['an empty file', 'empty.txt', '   \n'],
    ['bad front matter', 'bad.md', '---\ntitle: x\nurl: not a url\n---\nBody text here.'],
    ['a file over the size cap', 'huge.txt', 'word '.repeat(5000)],
  ])('skips %s with a warning naming it, and loads the rest', async (_name, file, content) => {
    const { library: lib, lines } = setup({ ...ARTICLES, [file]: content });
    await lib.start();
    expect(lib.size).toBe(3);
    expect(warnings(lines).some((w) => w.includes(file))).toBe(true);
  });

  it('skips a second file with the same id, and takes it when the first goes', async () => {
    const { library: lib, lines, dir } = setup({ 'same.md': '---\ntitle: A\n---\nFirst text.', 'same.txt': 'Second text.' }, { watch: false });
    await lib.start();
    expect(lib.size).toBe(1);
    expect(warnings(lines).filter((w) => w.includes('same'))).toHaveLength(1);
    await lib.rescan();
    expect(warnings(lines).filter((w) => w.includes('same'))).toHaveLength(1);
    unlinkSync(join(dir, 'same.md'));
    await lib.rescan();
    await lib.rescan();
    expect(lib.get('same')?.format).toBe('txt');
  });

  it.each([['.hidden.txt'], ['notes.pdf']])('ignores %s', async (file) => {
    const { library: lib } = setup({ [file]: 'Some text.' });
    await lib.start();
    expect(lib.size).toBe(0);
  });

  it('starts empty, with a warning, when the folder does not exist', async () => {
    const { logger, lines } = captureLogger();
    library = createFolderLibrary({ contentDir: '/nonexistent/briefing-content', maxBytes: 1000, logger, rescanSeconds: 0 });
    await library.start();
    expect(library.size).toBe(0);
    expect(warnings(lines).some((w) => w.includes('/nonexistent/briefing-content'))).toBe(true);
  });
});

describe('library updates', () => {
  it('picks up added, changed and removed files through the watcher', async () => {
    const { library: lib, dir } = setup(ARTICLES);
    await lib.start();
    const events: string[] = [];
    lib.on('added', (a) => events.push(`added ${a.id}`));
    lib.on('changed', (a) => events.push(`changed ${a.id}`));
    lib.on('removed', (id) => events.push(`removed ${id}`));

    writeFileSync(join(dir, 'new.md'), '---\ntitle: خبر جديد\npublished: 2025-01-01\n---\nنص الخبر الجديد.');
    await waitFor(() => lib.get('new') !== undefined, 5000, 'added file');
    expect(lib.newest()?.id).toBe('new');

    writeFileSync(join(dir, 'en-news.md'), '---\ntitle: Mayor closes bridge\npublished: 2024-01-03\n---\nThe bridge closed again.');
    await waitFor(() => lib.get('en-news')?.briefing.headline === 'Mayor closes bridge', 5000, 'changed file');

    unlinkSync(join(dir, 'fr-news.md'));
    await waitFor(() => lib.get('fr-news') === undefined, 5000, 'removed file');
    expect(events).toEqual(['added new', 'changed en-news', 'removed fr-news']);
  });

  it('picks up changes by rescanning when there is no watcher', async () => {
    const { library: lib, dir } = setup(ARTICLES, { watch: false });
    await lib.start();
    writeFileSync(join(dir, 'late.txt'), 'A late article arrives.');
    unlinkSync(join(dir, 'ar-news.md'));
    await lib.rescan();
    expect(lib.get('late')).toBeDefined();
    expect(lib.get('ar-news')).toBeUndefined();
  });

  it('re-briefs only files whose size or mtime changed', async () => {
    const { library: lib, dir } = setup(ARTICLES, { watch: false });
    await lib.start();
    const before = lib.get('en-news');
    await lib.rescan();
    expect(lib.get('en-news')).toBe(before);
    const path = join(dir, 'en-news.md');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    await lib.rescan();
    expect(lib.get('en-news')).not.toBe(before);
  });

  it('drops an article whose file turns bad, with a warning', async () => {
    const { library: lib, dir, lines } = setup(ARTICLES, { watch: false });
    await lib.start();
    writeFileSync(join(dir, 'en-news.md'), Buffer.from([0, 0, 0, 1, 2]));
    await lib.rescan();
    expect(lib.get('en-news')).toBeUndefined();
    expect(warnings(lines).some((w) => w.includes('en-news.md'))).toBe(true);
  });
});
