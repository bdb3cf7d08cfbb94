import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentFile, listArticleFiles, realFolder } from '../../src/content/content-folder';
import { makeFifo } from '../support/special-files';

/** root/ holds the content folder and, beside it, what must never be read. */
const root = mkdtempSync(join(tmpdir(), 'briefing-folder-'));
const content = join(root, 'content');
afterAll(() => rmSync(root, { recursive: true, force: true }));

mkdirSync(content);
mkdirSync(join(content, 'archive'));
mkdirSync(join(content, 'dossier.txt'));
writeFileSync(join(root, '.env'), 'DISCORD_TOKEN=not-for-discord\n');
writeFileSync(join(root, 'outside.txt'), 'An article outside the folder.');
writeFileSync(join(content, 'en-story.txt'), 'The mayor said it.');
writeFileSync(join(content, 'archive', 'old.txt'), 'Old news.');
writeFileSync(join(content, 'Breaking News.txt'), 'Breaking.');
writeFileSync(join(content, 'أخبار عاجلة.md'), 'خبر.');
writeFileSync(join(content, '!!!.txt'), 'No name.');
writeFileSync(join(content, '.draft.txt'), 'Hidden.');
writeFileSync(join(content, 'notes.pdf'), 'Not an article.');
symlinkSync(join(root, '.env'), join(content, 'env-link.txt'));
symlinkSync('../outside.txt', join(content, 'fr-dehors.md'));
symlinkSync('/etc/hostname', join(content, 'absolute.txt'));
symlinkSync('en-story.txt', join(content, 'en-alias.txt'));
symlinkSync('archive/old.txt', join(content, 'ar-archive.txt'));
symlinkSync('archive/../../.env', join(content, 'sneaky.txt'));
symlinkSync('missing.txt', join(content, 'broken.txt'));
makeFifo(join(content, 'pipe.txt'));

describe('checkContentFile', () => {
  const real = realFolder(content);
  it.each([
    ['a file', 'en-story.txt', 'en-story'],
    ['a file whose name is no id (en)', 'Breaking News.txt', 'breaking-news'],
    ['a file whose name is no id (ar)', 'أخبار عاجلة.md', 'أخبار-عاجلة'],
    ['a link to a file of the folder', 'en-alias.txt', 'en-alias'],
    ['a link into a sub-folder', 'ar-archive.txt', 'ar-archive'],
  ])('takes %s: %s as %s', (_name, file, id) => {
    expect(checkContentFile(content, real, file)).toMatchObject({ kind: 'article', id });
  });

  it.each([
    ['a link to an env file beside the folder', 'env-link.txt', /outside the content folder/],
    ['a relative link out (fr)', 'fr-dehors.md', /outside the content folder/],
    ['an absolute link out', 'absolute.txt', /outside the content folder/],
    ['a link that leaves through a sub-folder', 'sneaky.txt', /outside the content folder/],
    ['a broken link', 'broken.txt', /broken link/],
    ['a FIFO', 'pipe.txt', /not a regular file/],
    ['a folder named like an article', 'dossier.txt', /is a folder/],
    ['a name with no letter or digit', '!!!.txt', /no letter or digit/],
  ])('refuses %s (%s), saying why', (_name, file, reason) => {
    const check = checkContentFile(content, real, file);
    expect(check.kind).toBe('refused');
    expect(check.kind === 'refused' && check.reason).toMatch(reason);
  });

  it.each([['.draft.txt'], ['notes.pdf'], ['gone.txt'], ['archive']])('passes over %s without a word (hidden, not an article, gone)', (file) => {
    expect(checkContentFile(content, real, file)).toEqual({ kind: 'none' });
  });

  it('judges links by where they lead when the folder itself is reached through a link', () => {
    const alias = join(root, 'content-alias');
    symlinkSync(content, alias);
    expect(checkContentFile(alias, realFolder(alias), 'en-alias.txt').kind).toBe('article');
    expect(checkContentFile(alias, realFolder(alias), 'env-link.txt').kind).toBe('refused');
  });
});

describe('listArticleFiles', () => {
  it('lists the articles of the top level with their ids, nothing refused, sorted by name', () => {
    expect(listArticleFiles(content).map((f) => [f.name, f.id])).toEqual([
      ['Breaking News.txt', 'breaking-news'],
      ['ar-archive.txt', 'ar-archive'],
      ['en-alias.txt', 'en-alias'],
      ['en-story.txt', 'en-story'],
      ['أخبار عاجلة.md', 'أخبار-عاجلة'],
    ]);
  });
});
