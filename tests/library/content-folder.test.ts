import { mkdirSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFifo } from '../support/special-files';
import { captureLogger, perTest } from './helpers';

const scratch = perTest();

/** A library on `dir` (rescans only). */
const libraryOn = (dir: string, logger = captureLogger().logger) => scratch.library({ contentDir: dir, maxBytes: 10_000, logger, rescanSeconds: 0, watch: false });

/** A content folder inside a scratch root (so that links can lead outside it), and a library on it. */
function setup(files: Record<string, string>) {
  const root = scratch.folder();
  const dir = join(root, 'content');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { logger, lines } = captureLogger();
  const logged = (level: number) => lines.filter((l) => l.level === level).map((l) => String(l.msg));
  return { root, dir, library: libraryOn(dir, logger), warnings: () => logged(40), infos: () => logged(30) };
}

const EN = 'The mayor opened the bridge on Monday. "It connects us," she said.';
const FR = 'Le maire a inauguré le pont lundi. « Il nous relie », a-t-il déclaré.';
/** An article of the folder, unlike any of the texts above. */
const INSIDE = 'The council met on Tuesday. "We agree," the chair said.';
const AR = 'قال وزير الخارجية إن الاتفاق قريب. وأضاف: «سنوقع الأسبوع المقبل».';

describe('links in the content folder', () => {
  it.each([
    ['an env file beside the folder', '.env', 'env-link.txt', 'DISCORD_TOKEN=secret-value-123\n'],
    ['an English article outside (relative link)', 'outside-en.txt', 'en-outside.txt', EN],
    ['a French article outside', 'dehors.md', 'fr-dehors.md', FR],
    ['an Arabic article outside', 'خارج.txt', 'ar-kharij.txt', AR],
  ])('refuses a link to %s with one warning naming it, and never reads it', async (_name, target, link, text) => {
    const { root, dir, library: lib, warnings } = setup({ 'en-story.txt': INSIDE });
    writeFileSync(join(root, target), text);
    symlinkSync(join('..', target), join(dir, link));
    await lib.start();
    await lib.rescan();
    expect(lib.all().map((a) => a.id)).toEqual(['en-story']);
    expect(JSON.stringify(lib.all())).not.toContain(text.slice(0, 20));
    expect(warnings().filter((w) => w.includes(link))).toEqual([`skipped ${link}: it is a link to a file outside the content folder: refused, not read`]);
  });

  it('drops an article whose link is turned to lead outside', async () => {
    const { root, dir, library: lib, warnings } = setup({ 'real.txt': EN });
    writeFileSync(join(root, '.env'), 'DISCORD_TOKEN=secret-value-123\n');
    symlinkSync('real.txt', join(dir, 'alias.txt'));
    await lib.start();
    expect(lib.get('alias')?.briefing.headline).toBeDefined();
    unlinkSync(join(dir, 'alias.txt'));
    symlinkSync('../.env', join(dir, 'alias.txt'));
    await lib.rescan();
    expect(lib.get('alias')).toBeUndefined();
    expect(warnings().some((w) => w.startsWith('skipped alias.txt: it is a link to a file outside'))).toBe(true);
  });

  it('follows links that stay inside, into a sub-folder too', async () => {
    const { dir, library: lib } = setup({ 'en-story.txt': EN });
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', 'fr.md'), FR);
    symlinkSync('en-story.txt', join(dir, 'en-alias.txt'));
    symlinkSync('archive/fr.md', join(dir, 'fr-archive.md'));
    await lib.start();
    expect(lib.all().map((a) => a.id).sort()).toEqual(['en-alias', 'en-story', 'fr-archive']);
  });

  it('names a FIFO and a broken link once, and keeps going', async () => {
    const { dir, library: lib, warnings } = setup({ 'en-story.txt': EN });
    makeFifo(join(dir, 'pipe.txt'));
    symlinkSync('nowhere.txt', join(dir, 'broken.md'));
    await lib.start();
    await lib.rescan();
    expect(lib.all().map((a) => a.id)).toEqual(['en-story']);
    expect(warnings()).toEqual([
      'skipped broken.md: it is a link to nothing (broken link)',
      'skipped pipe.txt: it is not a regular file (a pipe, device or socket)',
    ]);
  });
});

describe('file names that are not ids', () => {
  it.each([
    ['en: spaces', 'Breaking News.txt', EN, 'breaking-news'],
    ['en: an ampersand', 'x&y.md', EN, 'x-y'],
    ['fr: accents and an apostrophe', 'L’élection présidentielle.md', FR, 'l-élection-présidentielle'],
    ['ar: a space and an Arabic comma', 'أخبار، عاجلة.txt', AR, 'أخبار-عاجلة'],
  ])('%s: %s is loaded under a derived id', async (_name, file, text, id) => {
    const { library: lib, warnings } = setup({ [file]: text });
    await lib.start();
    expect(lib.all().map((a) => a.id)).toEqual([id]);
    expect(lib.get(id)?.briefing.quotes.length).toBeGreaterThan(0);
    expect(warnings()).toEqual([]);
  });

  it('warns about a name with no letter or digit, never drops it silently', async () => {
    const { library: lib, warnings } = setup({ '!!!.txt': EN, '«».md': FR });
    await lib.start();
    expect(lib.size).toBe(0);
    expect(warnings()).toEqual([
      'skipped !!!.txt: it has no letter or digit in its name to make an article id from',
      'skipped «».md: it has no letter or digit in its name to make an article id from',
    ]);
  });

  it.each([
    ['the file named by the id arrives second', ['Breaking News.txt', 'breaking-news.txt'], 'breaking-news.txt'],
    ['the file named by the id arrives first', ['breaking-news.txt', 'Breaking News.txt'], 'breaking-news.txt'],
    ['two derived names, the larger first', ['breaking  news.txt', 'Breaking News.txt'], 'Breaking News.txt'],
    ['Arabic derived names', ['أخبار، عاجلة.txt', 'أخبار عاجلة.txt'], 'أخبار عاجلة.txt'],
  ])('gives a shared id to the same file whatever the order (%s), warning about the other', async (_name, order, winner) => {
    const { dir, library: lib, warnings } = setup({});
    await lib.start();
    for (const name of order) {
      writeFileSync(join(dir, name), `${name}: ${EN}`);
      await lib.rescan();
    }
    await lib.rescan();
    expect(lib.size).toBe(1);
    expect(lib.all()[0]!.briefing.headline.startsWith(winner)).toBe(true);
    const loser = order.find((n) => n !== winner)!;
    expect(warnings().filter((w) => w.startsWith(`skipped ${loser}`))).toHaveLength(1);
    // A fresh start on the same folder picks the same file.
    await lib.stop();
    const again = libraryOn(dir);
    await again.start();
    expect(again.all()[0]!.briefing.headline.startsWith(winner)).toBe(true);
  });

  it('hands the id back to the other file when the winner goes', async () => {
    const { dir, library: lib } = setup({ 'breaking-news.txt': `first ${EN}`, 'Breaking News.txt': `second ${EN}` });
    await lib.start();
    expect(lib.get('breaking-news')?.briefing.headline).toMatch(/^first/);
    renameSync(join(dir, 'breaking-news.txt'), join(dir, 'other.txt'));
    await lib.rescan();
    await lib.rescan();
    expect(lib.get('breaking-news')?.briefing.headline).toMatch(/^second/);
  });
});

describe('sub-folders', () => {
  it('are not read, and each is named once in the log', async () => {
    const { dir, library: lib, infos } = setup({ 'en-story.txt': EN });
    for (const folder of ['archive', 'أرشيف', 'brouillons']) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'inside.txt'), FR);
    }
    await lib.start();
    await lib.rescan();
    expect(lib.all().map((a) => a.id)).toEqual(['en-story']);
    expect(infos().filter((m) => m.startsWith('sub-folder')).sort()).toEqual([
      'sub-folder archive not read: articles are read from the top level of the content folder only',
      'sub-folder brouillons not read: articles are read from the top level of the content folder only',
      'sub-folder أرشيف not read: articles are read from the top level of the content folder only',
    ]);
  });
});
