import { readdirSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFolderLibrary } from '../../src/library';
import { BriefingCache, engineFingerprint } from '../../src/library/briefing-cache';
import { splitTerms } from '../../src/library/term-list';
import { captureLogger, tempDir } from './helpers';

const ARTICLES: Record<string, string> = {
  'ar.md': '---\ntitle: خبر عربي\n---\nقال الوزير إن الحكومة ستعمل.',
  'en.md': '---\ntitle: English news\n---\nThe minister said the government would act.',
  'fr.md': '---\ntitle: Nouvelle française\n---\nLe ministre a dit que le gouvernement agirait.',
};

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(): { dir: string; cachePath: string } {
  const content = tempDir();
  const data = tempDir();
  cleanups.push(content.cleanup, data.cleanup);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(content.dir, name), text);
  return { dir: content.dir, cachePath: join(data.dir, 'nested', 'briefing-cache.json') };
}

async function run(dir: string, cachePath: string) {
  const { logger, lines } = captureLogger();
  const library = createFolderLibrary({ contentDir: dir, maxBytes: 100_000, logger, rescanSeconds: 0, watch: false, cachePath });
  await library.start();
  await library.stop();
  return { library, lines };
}

type CacheJson = { version: string; entries: Record<string, { briefing: { headline: string } }> };
const readCache = (path: string): CacheJson => JSON.parse(readFileSync(path, 'utf8')) as CacheJson;

describe('briefing cache', () => {
  it('writes every briefing, folder included, and reuses them on the next start', async () => {
    const { dir, cachePath } = setup();
    await run(dir, cachePath);
    const cache = readCache(cachePath);
    expect(Object.keys(cache.entries).sort()).toEqual(['ar', 'en', 'fr']);
    // A marker written into the cache shows up only if the cached briefing is reused.
    cache.entries['ar']!.briefing.headline = 'from the cache';
    writeFileSync(cachePath, JSON.stringify(cache));
    const { library } = await run(dir, cachePath);
    expect(library.get('ar')?.briefing.headline).toBe('from the cache');
  });

  it('re-briefs a file whose mtime changed', async () => {
    const { dir, cachePath } = setup();
    await run(dir, cachePath);
    const cache = readCache(cachePath);
    cache.entries['en']!.briefing.headline = 'stale';
    writeFileSync(cachePath, JSON.stringify(cache));
    utimesSync(join(dir, 'en.md'), new Date(), new Date(Date.now() + 10_000));
    const { library } = await run(dir, cachePath);
    expect(library.get('en')?.briefing.headline).toBe('English news');
  });

  it.each([
    ['another engine version', (c: CacheJson) => JSON.stringify({ ...c, version: 'other' })],
    ['a corrupt file', () => '{ not json'],
    ['entries of the wrong shape', (c: CacheJson) => JSON.stringify({ ...c, entries: { 'fr.md': { briefing: 'x' } } })],
  ])('ignores %s and briefs afresh', async (_name, corrupt) => {
    const { dir, cachePath } = setup();
    await run(dir, cachePath);
    writeFileSync(cachePath, corrupt(readCache(cachePath)));
    const { library } = await run(dir, cachePath);
    expect(library.size).toBe(3);
    expect(library.get('fr')?.briefing.headline).toBe('Nouvelle française');
  });

  it('forgets files removed while the bot was down', async () => {
    const { dir, cachePath } = setup();
    await run(dir, cachePath);
    unlinkSync(join(dir, 'fr.md'));
    await run(dir, cachePath);
    expect(Object.keys(readCache(cachePath).entries).sort()).toEqual(['ar', 'en']);
  });

  it('fingerprints the engine the same way twice', async () => {
    expect(await engineFingerprint()).toBe(await engineFingerprint());
    expect(await engineFingerprint('/nonexistent')).not.toBe(await engineFingerprint());
  });

  it('does not rewrite an unchanged cache', async () => {
    const { cachePath } = setup();
    const { logger } = captureLogger();
    const cache = new BriefingCache(cachePath, 'v1', logger);
    await cache.save();
    expect(() => readFileSync(cachePath)).toThrow();
  });
});

describe('briefing cache on restart', () => {
  it('takes an unchanged file (same size and mtime) from the cache without reading it again, front matter included', async () => {
    const { dir, cachePath } = setup();
    const path = join(dir, 'fr.md');
    const when = new Date('2024-05-01T10:00:00Z');
    utimesSync(path, when, when);
    await run(dir, cachePath);
    // Same length, same mtime, other text: only a re-read would see the new title.
    writeFileSync(path, readFileSync(path, 'utf8').replace('Nouvelle française', 'Nouvelle françaisX'));
    utimesSync(path, when, when);
    const { library } = await run(dir, cachePath);
    expect(library.get('fr')?.meta.title).toBe('Nouvelle française');
    expect(library.get('ar')?.meta.title).toBe('خبر عربي');
  });

  it.each([
    ['a quote without text', (c: CacheJson) => { (c.entries['en']!.briefing as unknown as { quotes: unknown[] }).quotes = [{ speaker: null }]; }],
    ['front matter that is not text', (c: CacheJson) => { (c.entries['en'] as unknown as { meta: unknown }).meta = { title: 5 }; }],
    ['an unknown format', (c: CacheJson) => { (c.entries['en'] as unknown as { format: unknown }).format = 'pdf'; }],
  ])('does not trust an entry with %s: the file is briefed afresh', async (_name, corrupt) => {
    const { dir, cachePath } = setup();
    await run(dir, cachePath);
    const cache = readCache(cachePath);
    corrupt(cache);
    writeFileSync(cachePath, JSON.stringify(cache));
    const { library } = await run(dir, cachePath);
    expect(library.get('en')?.meta.title).toBe('English news');
    expect(library.get('en')?.briefing.quotes.every((q) => typeof q.text === 'string')).toBe(true);
  });

  it('keeps what autocomplete matches in the lead: the README article comes up for a name its headline lacks, after a restart too', async () => {
    const { dir, cachePath } = setup();
    writeFileSync(join(dir, 'lavrov-north-korea.txt'), readFileSync(join(__dirname, '../../content/lavrov-north-korea.txt')));
    const first = await run(dir, cachePath);
    expect(first.library.get('lavrov-north-korea')?.briefing.headline).not.toMatch(/لافروف/);
    expect(first.library.search.suggestArticles('لافروف').map((s) => s.value)).toEqual(['lavrov-north-korea']);
    // The restart reads no file: the lead's terms come from the cache.
    const { library } = await run(dir, cachePath);
    expect(library.search.suggestArticles('لافروف').map((s) => s.value)).toEqual(['lavrov-north-korea']);
    expect(splitTerms((readCache(cachePath).entries['lavrov-north-korea'] as unknown as { searchTerms: string }).searchTerms)).toContain('لافروف');
  });

  it('keeps each article\'s content key, so a story renamed after a restart is still known as the same content (ar, en, fr)', async () => {
    const { dir, cachePath } = setup();
    const first = await run(dir, cachePath);
    const keys = ['ar', 'en', 'fr'].map((id) => first.library.get(id)?.contentKey);
    expect(keys.every((k) => typeof k === 'string' && k.length === 64)).toBe(true);
    const again = await run(dir, cachePath);
    expect(['ar', 'en', 'fr'].map((id) => again.library.get(id)?.contentKey)).toEqual(keys);
  });

  it('leaves no temporary file behind', async () => {
    const { dir, cachePath } = setup();
    await run(dir, cachePath);
    expect(readdirSync(dirname(cachePath))).toEqual(['briefing-cache.json']);
  });
});
