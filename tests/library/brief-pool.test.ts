import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFolderLibrary } from '../../src/library';
import { BriefPool } from '../../src/library/brief-pool';
import { briefFile } from '../../src/library/load';
import { captureLogger, tempDir } from './helpers';
import type { PortableRead } from '../../src/content/portable';

/** The read a folder source hands a worker for one of these files. */
const fileRead = (path: string): PortableRead => ({ kind: 'file', path, maxBytes: 10_000 });

const GOOD: Record<string, string> = {
  'ar.md': '---\ntitle: وزير الخارجية يزور القاهرة\npublished: 2024-01-02\n---\nقال وزير الخارجية: «نحن ندعم السلام». وأضاف أن المحادثات مستمرة.\n',
  'en.txt': 'Mayor opens bridge\n\nThe mayor opened the new bridge on Monday. "It connects us," she said.\n',
  'fr.md': '---\ntitle: Le maire inaugure le pont\nlanguage: fr\n---\nLe maire a inauguré le pont lundi. « Il nous relie », a-t-il déclaré.\n',
};
const BAD: Record<string, string | Buffer> = {
  'binary.txt': Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]),
  'empty.txt': '  \n',
  'front.md': '---\ntitle: x\nurl: not a url\n---\nBody text.',
  'huge.txt': 'word '.repeat(5000),
};

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder(files: Record<string, string | Buffer>): string {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(temp.dir, name), text);
  return temp.dir;
}

const reason = (run: () => unknown): string => {
  try {
    run();
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('briefing worker pool', () => {
  let pool: BriefPool;
  let dir: string;
  beforeAll(() => {
    pool = new BriefPool({ size: 2 });
    const temp = tempDir();
    dir = temp.dir;
    for (const [name, text] of Object.entries({ ...GOOD, ...BAD })) writeFileSync(join(dir, name), text);
    return temp.cleanup;
  });
  afterAll(() => pool.close());

  it('briefs Arabic, English and French files in worker threads exactly as the main thread does', async () => {
    for (const name of Object.keys(GOOD)) {
      expect(await pool.brief(fileRead(join(dir, name)))).toEqual(briefFile(join(dir, name), 10_000));
    }
  });

  it.each(Object.keys(BAD))('rejects the bad file %s with the content reader\'s message', async (name) => {
    await expect(pool.brief(fileRead(join(dir, name)))).rejects.toThrow(reason(() => briefFile(join(dir, name), 10_000)));
  });

  it('rejects a missing file, and keeps briefing the next ones', async () => {
    await expect(pool.brief(fileRead(join(dir, 'gone.txt')))).rejects.toThrow(/ENOENT/);
    expect((await pool.brief(fileRead(join(dir, 'en.txt')))).id).toBe('en');
  });

  it('briefs many files at once, each answer to its own file', async () => {
    const names = Array.from({ length: 30 }, (_, i) => Object.keys(GOOD)[i % 3]!);
    const ids = await Promise.all(names.map((name) => pool.brief(fileRead(join(dir, name))).then((a) => a.id)));
    expect(ids).toEqual(names.map((name) => name.split('.')[0]));
  });

  it('answers good and bad files sent in the same batches, each with its own result', async () => {
    const all = [...Object.keys(GOOD), ...Object.keys(BAD)];
    const names = Array.from({ length: 70 }, (_, i) => all[(i * 5) % all.length]!);
    const results = await Promise.all(names.map((name) => pool.brief(fileRead(join(dir, name))).then((a) => a.id, (e: Error) => `bad: ${e.message}`)));
    expect(results).toEqual(names.map((name) => (name in GOOD ? name.split('.')[0] : `bad: ${reason(() => briefFile(join(dir, name), 10_000))}`)));
  });
});

describe('library with briefing workers', () => {
  it.each([[0], [1], [2]])('loads the same library with %i workers (and the main thread), skipping bad files with a warning each', async (workers) => {
    const dir = folder({ ...GOOD, ...BAD });
    const { logger, lines } = captureLogger();
    const library = createFolderLibrary({ contentDir: dir, maxBytes: 10_000, logger, rescanSeconds: 0, watch: false, workers, workersFrom: 1 });
    await library.start();
    await library.stop();
    expect(library.all().map((a) => a.id).sort()).toEqual(['ar', 'en', 'fr']);
    for (const name of Object.keys(GOOD)) expect(library.get(name.split('.')[0]!)?.briefing).toEqual(briefFile(join(dir, name), 10_000).briefing);
    const warned = lines.filter((l) => l.level === 40).map((l) => String(l.msg));
    for (const name of Object.keys(BAD)) expect(warned.filter((w) => w.includes(name))).toHaveLength(1);
    expect(library.search.searchQuotes({ query: 'السلام' }).map((h) => h.articleId)).toEqual(['ar']);
  });
});

describe('library updates with briefing workers', () => {
  it('briefs files added while running on the workers too (a rescan that finds many)', async () => {
    const dir = folder({ 'fr.md': GOOD['fr.md']! });
    const { logger } = captureLogger();
    const library = createFolderLibrary({ contentDir: dir, maxBytes: 10_000, logger, rescanSeconds: 0, watch: false, workers: 1, workersFrom: 2 });
    await library.start();
    expect(library.size).toBe(1);
    writeFileSync(join(dir, 'ar.md'), GOOD['ar.md']!);
    writeFileSync(join(dir, 'en.txt'), GOOD['en.txt']!);
    await library.rescan();
    await library.stop();
    expect(library.all().map((a) => a.id).sort()).toEqual(['ar', 'en', 'fr']);
    expect(library.get('en')?.briefing).toEqual(briefFile(join(dir, 'en.txt'), 10_000).briefing);
  });
});

describe('briefing in the calling thread too', () => {
  it('shares the files between the workers and the calling thread, every answer to its own file', async () => {
    const dir = folder(GOOD);
    const pool = new BriefPool({ size: 1, alsoHere: true });
    try {
      const names = Array.from({ length: 24 }, (_, i) => Object.keys(GOOD)[i % 3]!);
      const briefed = await Promise.all(names.map((name) => pool.brief(fileRead(join(dir, name)))));
      expect(briefed.map((a) => a.id)).toEqual(names.map((name) => name.split('.')[0]));
      expect(briefed[0]).toEqual(briefFile(join(dir, names[0]!), 10_000));
    } finally {
      await pool.close();
    }
  });
});
