import { appendFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLibrary, type LibraryArticle } from '../../src/library';
import { createFolderSource } from '../../src/content/folder-source';
import { SettleGate } from '../../src/content/settle';
import { captureLogger, perTest, waitFor } from './helpers';

const scratch = perTest();

function setup(settleMs: number, watch: boolean) {
  const dir = scratch.folder();
  const { logger } = captureLogger();
  return { dir, library: scratch.library({ contentDir: dir, maxBytes: 100_000, logger, rescanSeconds: 0, watch, debounceMs: 20, settleMs }) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Articles written paragraph by paragraph, each paragraph with one quote: a version with fewer quotes is a half-written one. */
const CHUNKED: ReadonlyArray<readonly [string, string, string[]]> = [
  ['ar', 'ar-chunks.txt', [
    'أعلنت الحكومة خطة جديدة للنقل العام في العاصمة.\n',
    'وقال وزير النقل أحمد سالم: «هذه الخطة ستغير حياة السكان».\n',
    'وأضاف المتحدث باسم الوزارة: «سنبدأ العمل الشهر المقبل».\n',
    'وأكدت رئيسة البلدية سلمى حداد: «التمويل مضمون بالكامل».\n',
  ]],
  ['en', 'en-chunks.txt', [
    'The council approved a new transport plan on Monday.\n',
    '"This plan will change how people move," said councillor Mary Jones.\n',
    '"Work starts next month," said the mayor, Tom Reid.\n',
    '"The money is there," said finance chief Ann Lee.\n',
  ]],
  ['fr', 'fr-chunks.md', [
    'Le conseil a adopté lundi un nouveau plan de transport.\n',
    '« Ce plan va changer la vie des habitants », a déclaré la maire Claire Martin.\n',
    '« Les travaux commenceront le mois prochain », a ajouté l’adjoint Paul Durand.\n',
    '« Le financement est assuré », a assuré la trésorière Anne Leroy.\n',
  ]],
];

describe('a file written in chunks', () => {
  it.each(CHUNKED)('%s: is never seen half-written, only whole once it has settled', async (_lang, name, chunks) => {
    const { dir, library: lib } = setup(1500, true);
    await lib.start();
    const seen: LibraryArticle[] = [];
    lib.on('added', (a) => seen.push(a));
    lib.on('changed', (a) => seen.push(a));
    const path = join(dir, name);
    for (const chunk of chunks) {
      appendFileSync(path, chunk);
      await sleep(120);
      // What a reader (the scheduler, /brief) could take at any moment while the file grows.
      seen.push(...lib.all());
    }
    const whole = statSync(path);
    await waitFor(() => lib.all().length === 1, 10_000, 'the whole article');
    seen.push(...lib.all());
    expect(seen.length).toBeGreaterThan(0);
    for (const article of seen) {
      expect(article.mtimeMs).toBe(whole.mtimeMs);
      expect(article.briefing.quotes).toHaveLength(3);
    }
  });

  it('re-briefs a file changed later, again only once the change has settled', async () => {
    const [, name, chunks] = CHUNKED[1]!;
    const { dir, library: lib } = setup(1500, true);
    const path = join(dir, name);
    writeFileSync(path, chunks.slice(0, 2).join(''));
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    await lib.start();
    expect(lib.get('en-chunks')?.briefing.quotes).toHaveLength(1);
    const changes: LibraryArticle[] = [];
    lib.on('changed', (a) => changes.push(a));
    for (const chunk of chunks.slice(2)) {
      appendFileSync(path, chunk);
      await sleep(120);
      expect(lib.get('en-chunks')?.briefing.quotes).toHaveLength(1);
    }
    await waitFor(() => changes.length > 0, 10_000, 'the change');
    expect(changes.map((a) => a.briefing.quotes.length)).toEqual([3]);
  });
});

describe('settling on start', () => {
  it('reads files older than the settle time at once (a first start does not wait)', async () => {
    const { dir, library: lib } = setup(600_000, false);
    const old = new Date(Date.now() - 3_600_000);
    for (const [, name, chunks] of CHUNKED) {
      for (let i = 0; i < 5; i++) {
        const path = join(dir, `${i}-${name}`);
        writeFileSync(path, chunks.join(''));
        utimesSync(path, old, old);
      }
    }
    await lib.start();
    expect(lib.size).toBe(15);
  });

  it('waits for files written just before the start, so that being ready includes them', async () => {
    const { dir, library: lib } = setup(300, false);
    for (const [, name, chunks] of CHUNKED) writeFileSync(join(dir, name), chunks.join(''));
    await lib.start();
    expect(lib.all().map((a) => a.id).sort()).toEqual(['ar-chunks', 'en-chunks', 'fr-chunks']);
  });

  describe('on a loaded machine', () => {
    afterEach(() => vi.useRealTimers());

    it.each([1, 3])('takes in files held by the first scan when that scan outlasts the settle time (%i of them): ready includes them', async (count) => {
      // The clock alone is fake (timers are real): each listing "takes" 5 s, as a first scan briefing a library on a loaded machine may.
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      const dir = scratch.folder();
      for (const [, name, chunks] of CHUNKED.slice(0, count)) writeFileSync(join(dir, name), chunks.join(''));
      const folder = createFolderSource(dir, { maxBytes: 100_000, settleMs: 1000, watch: false });
      const slowList = async () => {
        const entries = await folder.list();
        vi.setSystemTime(Date.now() + 5000);
        return entries;
      };
      const lib = createLibrary({ source: { ...folder, list: slowList }, logger: captureLogger().logger, rescanSeconds: 0, workers: 0 });
      try {
        await lib.start();
        expect(lib.all().map((a) => a.id).sort()).toEqual(CHUNKED.slice(0, count).map(([, name]) => name.replace(/\.\w+$/, '')).sort());
      } finally {
        await lib.stop();
      }
    });

    it('a held file is still owed while its settle time is over but no one has looked again', () => {
      const gate = new SettleGate(1000, () => undefined);
      expect(gate.settled('a.txt', { mtimeMs: 5000, size: 10 }, 5100)).toBe(false);
      expect(gate.untilAllDue(5500)).toBe(500);
      expect(gate.untilAllDue(9000)).toBeGreaterThan(0);
      gate.stop();
      expect(gate.untilAllDue(9000)).toBe(0);
    });
  });

  it('takes a file stamped in the future once it has been seen unchanged for the settle time', async () => {
    const { dir, library: lib } = setup(300, false);
    const path = join(dir, 'fr-chunks.md');
    writeFileSync(path, CHUNKED[2]![2].join(''));
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(path, future, future);
    await lib.start();
    expect(lib.get('fr-chunks')?.briefing.quotes).toHaveLength(3);
  });
});

describe('SettleGate', () => {
  const T = 1_000_000;
  const stamp = (mtimeMs: number, size = 100) => ({ mtimeMs, size });
  it.each([
    ['no settle time: every file at once', 0, [], [T, stamp(T)], true],
    ['an mtime older than the settle time', 2000, [], [T, stamp(T - 2000)], true],
    ['a file just written, first seen', 2000, [], [T, stamp(T - 10)], false],
    ['seen growing: a new size resets the wait', 2000, [[T, stamp(T - 10, 50)]], [T + 1500, stamp(T - 10, 100)], false],
    ['seen unchanged, but not for long enough', 2000, [[T, stamp(T + 60_000)]], [T + 1999, stamp(T + 60_000)], false],
    ['an mtime in the future, seen unchanged for the settle time', 2000, [[T, stamp(T + 60_000)]], [T + 2000, stamp(T + 60_000)], true],
  ] as const)('%s', (_name, settleMs, before, [now, last], settled) => {
    const due: string[] = [];
    const gate = new SettleGate(settleMs, (name) => due.push(name));
    for (const [at, s] of before) gate.settled('a.txt', s, at);
    expect(gate.settled('a.txt', last, now)).toBe(settled);
    expect(gate.held()).toEqual(settled ? [] : ['a.txt']);
    gate.stop();
  });
});
