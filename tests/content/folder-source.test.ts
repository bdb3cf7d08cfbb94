import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFolderSource } from '../../src/content/folder-source';
import type { ContentChange } from '../../src/content/source';

const dir = mkdtempSync(join(tmpdir(), 'briefing-folder-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(join(dir, 'ar-article.txt'), 'قال الوزير إن الاتفاق قريب.');
writeFileSync(join(dir, 'en-article.md'), '---\ntitle: Council backs budget\nlanguage: en\n---\nThe council approved the budget.');
writeFileSync(join(dir, 'fr-article.txt'), 'Le maire a déclaré : « Nous verrons. »');
writeFileSync(join(dir, 'notes.pdf'), 'not an article');

describe('createFolderSource', () => {
  const source = createFolderSource(dir, { maxBytes: 1_000_000 });

  it('lists the .txt and .md articles with a version each', async () => {
    const entries = await source.list();
    expect(entries.map((entry) => entry.id).sort()).toEqual(['ar-article', 'en-article', 'fr-article']);
    expect(entries.every((entry) => /^\d+:\d+(\.\d+)?$/.test(entry.version))).toBe(true);
  });

  it.each([
    ['ar-article', 'txt', 'قال الوزير إن الاتفاق قريب.'],
    ['en-article', 'md', 'The council approved the budget.'],
    ['fr-article', 'txt', 'Le maire a déclaré : « Nous verrons. »'],
  ])('reads %s (%s) through the content reader', async (id, format, body) => {
    const article = await source.read(id);
    expect(article.source).toMatchObject({ id, format, body });
  });

  it('reads front matter of a .md article', async () => {
    expect((await source.read('en-article')).source.meta).toEqual({ title: 'Council backs budget', language: 'en' });
  });

  it.each([['missing', /No article named/], ['../etc/passwd', /not a valid article id/]])('refuses %s', async (id, message) => {
    await expect(source.read(id)).rejects.toThrow(message);
  });

  it('reports a changed file to a watcher, with its new version', async () => {
    const before = (await source.list()).find((entry) => entry.id === 'fr-article')!;
    const changed = new Promise<ContentChange>((resolve) => {
      const stop = source.watch!((change) => {
        if (change.kind === 'changed' && change.entry.id === 'fr-article') {
          stop();
          resolve(change);
        }
      });
    });
    writeFileSync(join(dir, 'fr-article.txt'), 'Le maire a déclaré : « Nous verrons bien demain. »');
    const change = await changed;
    expect(change.kind === 'changed' && change.entry.version).not.toBe(before.version);
  });
});
