import { copyFileSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { createFolderLibrary, type Library } from '../../src/library';
import { briefFile } from '../../src/library/load';
import { captureLogger, tempDir } from './helpers';

/** Real articles of the three languages, each with quotes and a summary of several sentences. */
const FIXTURES = join(__dirname, '..', 'fixtures', 'articles');
const FILES = ['ar-boilerplate.txt', 'en-ap-wildfire.txt', 'fr-reforme.md', 'en-reuters-fed.txt', 'fr-lemonde-retraites.md'];
const MAX_BYTES = 100_000;

let library: Library | undefined;
let cleanup: (() => void) | undefined;

afterEach(async () => {
  await library?.stop();
  cleanup?.();
  library = undefined;
  cleanup = undefined;
});

/** A library of the fixtures, briefed on one worker from the first file (as a large first start is). */
function setup(options: { deferSummaries?: boolean; cachePath?: string; dir?: string } = {}) {
  let dir = options.dir;
  if (!dir) {
    const temp = tempDir();
    cleanup = temp.cleanup;
    dir = temp.dir;
    for (const name of FILES) copyFileSync(join(FIXTURES, name), join(dir, name));
  }
  const { logger, lines } = captureLogger();
  const cachePath = options.cachePath ?? join(dir, '.cache', 'briefing-cache.json');
  library = createFolderLibrary({ contentDir: dir, maxBytes: MAX_BYTES, logger, rescanSeconds: 0, watch: false, workers: 1, workersFrom: 1, summaryBatch: 2, cachePath, deferSummaries: options.deferSummaries });
  return { dir, lines, library, cachePath };
}

const whole = (dir: string, name: string) => briefFile(join(dir, name), MAX_BYTES).briefing;
const idOf = (name: string) => name.replace(/\.[a-z]+$/, '');

describe('summaries filled in after a large first load', () => {
  it('is ready with every quote and headline, summaries pending, then fills every summary in the background', async () => {
    const { dir, library } = setup();
    await library.start();
    // The background fill needs a worker thread to start first: right after start() every summary is still pending.
    expect(library.all().filter((a) => a.summaryPending)).toHaveLength(FILES.length);
    for (const name of FILES) {
      const listed = library.all().find((a) => a.id === idOf(name))!;
      const expected = whole(dir, name);
      expect({ ...listed.briefing, summary: expected.summary }).toEqual(expected);
      expect(listed.briefing.summary).toEqual([]);
    }
    expect(library.search.searchQuotes({}).length).toBeGreaterThan(0);
    await library.whenSummarized();
    for (const name of FILES) {
      const listed = library.all().find((a) => a.id === idOf(name))!;
      expect(listed.summaryPending).toBeUndefined();
      expect(listed.briefing).toEqual(whole(dir, name));
      expect(listed.briefing.summary.length).toBeGreaterThan(0);
    }
  });

  it('announces each filled summary as a change (what the Postgres writer stores), in the background and on get()', async () => {
    const { library } = setup();
    const changed: Array<{ id: string; summary: number }> = [];
    library.on('changed', (a) => changed.push({ id: a.id, summary: a.briefing.summary.length }));
    await library.start();
    expect(changed).toEqual([]);
    library.get(idOf(FILES[0]!));
    expect(changed).toEqual([{ id: idOf(FILES[0]!), summary: expect.any(Number) }]);
    await library.whenSummarized();
    expect(changed.map((c) => c.id).sort()).toEqual(FILES.map(idOf).sort());
    expect(changed.every((c) => c.summary > 0)).toBe(true);
  });

  it.each(FILES)('get() gives %s with its summary at once, while the background has not filled it yet', async (name) => {
    const { dir, library } = setup();
    await library.start();
    const listed = library.all().find((a) => a.id === idOf(name))!;
    expect(listed.summaryPending).toBe(true);
    const got = library.get(idOf(name))!;
    expect(got).toBe(listed);
    expect(got.summaryPending).toBeUndefined();
    expect(got.briefing).toEqual(whole(dir, name));
  });

  it('newest() gives the newest article with its summary', async () => {
    const { library } = setup();
    await library.start();
    const newest = library.newest()!;
    expect(newest.summaryPending).toBeUndefined();
    expect(newest.briefing.summary.length).toBeGreaterThan(0);
  });

  it('caches only whole briefings, so a restart has every summary without briefing anything again', async () => {
    const { dir, library: first, cachePath } = setup();
    await first.start();
    await first.whenSummarized();
    await first.stop();
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as { entries: Record<string, { briefing: { summary: string[] } }> };
    // Keyed by article id (the file name without its extension).
    expect(Object.keys(cached.entries).sort()).toEqual(FILES.map((name) => name.replace(/\.(txt|md)$/, '')).sort());
    for (const name of FILES) expect(cached.entries[name.replace(/\.(txt|md)$/, '')]!.briefing.summary).toEqual(whole(dir, name).summary);
    const { library: second } = setup({ dir, cachePath });
    await second.start();
    expect(second.all().filter((a) => a.summaryPending)).toEqual([]);
    for (const name of FILES) expect(second.all().find((a) => a.id === idOf(name))!.briefing).toEqual(whole(dir, name));
  });

  it('briefs everything at once when deferring is turned off', async () => {
    const { dir, library } = setup({ deferSummaries: false });
    await library.start();
    for (const name of FILES) expect(library.all().find((a) => a.id === idOf(name))!.briefing).toEqual(whole(dir, name));
  });

  it('drops an article whose file goes before its summary is filled in, without a warning about its summary', async () => {
    const { dir, library, lines } = setup();
    await library.start();
    unlinkSync(join(dir, FILES[0]!));
    await library.rescan();
    await library.whenSummarized();
    expect(library.get(idOf(FILES[0]!))).toBeUndefined();
    expect(library.all().map((a) => a.id).sort()).toEqual(FILES.slice(1).map(idOf).sort());
    expect(library.all().filter((a) => a.summaryPending)).toEqual([]);
    expect(lines.filter((l) => l.level === 40 && String(l.msg).includes('summary'))).toEqual([]);
  });
});

describe('briefing without the summary or the quotes', () => {
  it.each(FILES)('%s: the same briefing as the whole one but for an empty summary', (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const full = createBriefing(text);
    expect(full.summary.length).toBeGreaterThan(0);
    expect(createBriefing(text, { summary: false })).toEqual({ ...full, summary: [] });
  });

  it.each(FILES)('%s: the same briefing as the whole one but for empty quotes, without them', (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const full = createBriefing(text);
    expect(full.quotes.length).toBeGreaterThan(0);
    expect(createBriefing(text, { quotes: false })).toEqual({ ...full, quotes: [] });
  });
});
