import { afterEach, describe, expect, it } from 'vitest';
import type { ContentChange, ContentSource } from '../../src/content/source';
import type { ArticleSource } from '../../src/content/types';
import { createLibrary, type Library } from '../../src/library';
import { captureLogger } from './helpers';

const A = '100000000000000001';
const B = '100000000000000002';


/** An article as a source gives it: its title, one quote, and its publication time. */
function article(id: string, published: number, title: string, quote: string): ArticleSource {
  return { id, format: 'txt', meta: { title, published: new Date(published).toISOString() }, body: `${title}.\n\n${quote}\n\nThe rest of the story follows here with more detail.` };
}

/** A source held in memory (as a server's stored feed articles are): listed and read through the interface alone, telling of changes. */
function memorySource(articles: ArticleSource[], changesAreWhole = false) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const listeners = new Set<(change: ContentChange) => void>();
  let reads = 0;
  const source: ContentSource = {
    kind: 'memory',
    changesAreWhole,
    list: async () => [...byId.values()].map((a) => ({ id: a.id, version: a.body.length.toString(), changedMs: 1 })),
    read: async (id) => {
      reads++;
      const found = byId.get(id);
      if (!found) throw new Error(`no ${id}`);
      return { source: found, version: found.body.length.toString() };
    },
    watch: (onChange) => (listeners.add(onChange), () => listeners.delete(onChange)),
  };
  return {
    source,
    reads: () => reads,
    put(a: ArticleSource) {
      byId.set(a.id, a);
      listeners.forEach((l) => l({ kind: 'changed', entry: { id: a.id, version: a.body.length.toString(), changedMs: 1 } }));
    },
    remove(id: string) {
      byId.delete(id);
      listeners.forEach((l) => l({ kind: 'removed', id }));
    },
  };
}

const libraries: Library[] = [];
afterEach(async () => {
  for (const library of libraries.splice(0)) await library.stop();
});

async function started(workers: number, changesAreWhole = false): Promise<{ library: Library; a: ReturnType<typeof memorySource>; b: ReturnType<typeof memorySource> }> {
  const operator = memorySource([article('op-ar', 2, 'خطة النقل الجديدة', '«هذه الخطة ستغير حياة السكان»، قال الوزير أحمد سالم.')]);
  const a = memorySource([article('feed1-x', 3, 'Council backs transit plan', '"This plan will change how people move," said councillor Mary Jones.')], changesAreWhole);
  const b = memorySource([article('feed2-y', 1, 'Le conseil adopte le plan', '« Ce plan va changer la vie des habitants », a déclaré la maire Claire Martin.')]);
  const library = createLibrary({ source: operator.source, logger: captureLogger('warn').logger, rescanSeconds: 0, debounceMs: 10, workers, workersFrom: 1 });
  libraries.push(library);
  await library.addScope(A, a.source);
  await library.start();
  await library.addScope(B, b.source);
  return { library, a, b };
}

// A worker thread starts tsx and the engine: tens of seconds on a loaded 2-core machine, hence the longer limit.
describe.each([
  ['in this thread', 0],
  ['on a worker thread (the text handed over)', 1],
])('library scopes, briefed %s: each server sees the operator’s articles and its own only', { timeout: 120_000 }, (_how, workers) => {
  it.each([
    [A, ['op-ar', 'feed1-x'], 'feed1-x'],
    [B, ['feed2-y', 'op-ar'], 'op-ar'],
    [null, ['op-ar'], 'op-ar'],
    ['100000000000000099', ['op-ar'], 'op-ar'],
  ])('server %s: all(), oldest first, and newest()', async (guildId, ids, newest) => {
    const { library } = await started(workers);
    const view = library.view(guildId);
    expect(view.all().map((x) => x.id)).toEqual(ids);
    expect(view.newest()?.id).toBe(newest);
    expect(library.all().map((x) => x.id)).toEqual(['op-ar']);
    await library.stop();
  });

  it('get, search and autocomplete never cross servers', async () => {
    const { library } = await started(workers);
    const a = library.view(A);
    const b = library.view(B);
    expect(a.get('feed2-y')).toBeUndefined();
    expect(b.get('feed1-x')).toBeUndefined();
    expect(b.get('feed2-y')?.meta.title).toBe('Le conseil adopte le plan');
    expect(a.search.searchQuotes({ speaker: 'Martin' })).toEqual([]);
    expect(b.search.searchQuotes({ speaker: 'Martin' }).map((h) => h.articleId)).toEqual(['feed2-y']);
    expect(a.search.suggestArticles('').map((s) => s.value)).toEqual(['feed1-x', 'op-ar']);
    expect(b.search.suggestArticles('plan').map((s) => s.value)).toEqual(['feed2-y']);
    expect(a.search.suggestSpeakers('').map((s) => s.value)).not.toContain('Claire Martin');
    expect(b.search.resolveName('le conseil adopte le plan')).toBe('feed2-y');
    expect(a.search.resolveName('le conseil adopte le plan')).toBeUndefined();
    expect(a.search.searchQuotes({}).map((h) => h.articleId)).toEqual(['feed1-x', 'op-ar']);
    await library.stop();
  });

  it.each([
    ['after the quiet period', false],
    ['at once (changes told whole)', true],
  ])('an article added to or removed from a server’s source joins or leaves that server’s view only, %s; a dropped scope is gone', async (_when, whole) => {
    const { library, a } = await started(workers, whole);
    a.put(article('feed1-z', 5, 'Budget vote delayed', '"We need more time," said the mayor, Ana Lopez.'));
    await library.whenIdle();
    expect(library.view(A).all().map((x) => x.id)).toEqual(['op-ar', 'feed1-x', 'feed1-z']);
    expect(library.view(B).get('feed1-z')).toBeUndefined();
    a.remove('feed1-x');
    await library.whenIdle();
    expect(library.view(A).all().map((x) => x.id)).toEqual(['op-ar', 'feed1-z']);
    library.removeScope(A);
    expect(library.view(A).all().map((x) => x.id)).toEqual(['op-ar']);
    await library.stop();
  });
});

describe('library scopes: events a search index elsewhere follows (the Postgres search writer)', () => {
  it('each server article kept, replaced or removed is told with its server; the operator’s are told as added/changed/removed', async () => {
    const { library, a } = await started(0, true);
    const events: string[] = [];
    library.on('shelved', (guildId, x) => events.push(`+${guildId === A ? 'A' : 'B'}/${x.id}`));
    library.on('unshelved', (guildId, id) => events.push(`-${guildId === A ? 'A' : 'B'}/${id}`));
    library.on('added', (x) => events.push(`+op/${x.id}`));
    a.put(article('feed1-z', 5, 'Budget vote delayed', '"We need more time," said the mayor, Ana Lopez.'));
    await library.whenIdle();
    a.remove('feed1-x');
    await library.whenIdle();
    library.removeScope(B);
    expect(events).toEqual(['+A/feed1-z', '-A/feed1-x', '-B/feed2-y']);
    await library.stop();
  });
});

describe('library scopes: a source that cannot be read by another thread is read once per version', () => {
  it('re-lists without reading again; a changed version is read again', async () => {
    const { library, a } = await started(0);
    const before = a.reads();
    await library.rescan();
    expect(a.reads()).toBe(before);
    a.put(article('feed1-x', 3, 'Council backs transit plan, amended', '"This plan will change how people move," said councillor Mary Jones.'));
    await library.whenIdle();
    expect(a.reads()).toBe(before + 1);
    expect(library.view(A).get('feed1-x')?.meta.title).toBe('Council backs transit plan, amended');
    await library.stop();
  });
});
