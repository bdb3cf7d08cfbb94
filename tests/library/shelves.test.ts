import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { GuildShelves, SearchIndex, type LibraryArticle, type LibraryView } from '../../src/library';

const A = '100000000000000001';
const B = '100000000000000002';

function article(id: string, timestamp: number, title: string, quote: string): LibraryArticle {
  const text = `${title}.\n\n${quote}\n\nThe rest of the story follows here with more detail.`;
  return { id, format: 'txt', meta: { title }, briefing: createBriefing(text, { title }), timestamp, mtimeMs: timestamp };
}

function operatorLibrary(articles: LibraryArticle[]): LibraryView {
  const search = new SearchIndex();
  for (const a of articles) search.upsert(a);
  const sorted = [...articles].sort((x, y) => x.timestamp - y.timestamp);
  return { search, all: () => sorted, get: (id) => articles.find((a) => a.id === id), newest: () => sorted.at(-1) };
}

describe('GuildShelves: each server sees the operator’s library and its own feed articles only', () => {
  const operator = operatorLibrary([article('op-ar', 2, 'خطة النقل الجديدة', '«هذه الخطة ستغير حياة السكان»، قال الوزير أحمد سالم.')]);
  const shelves = new GuildShelves();
  shelves.add([
    { guildId: A, feedId: 1, article: article('feed1-x', 3, 'Council backs transit plan', '"This plan will change how people move," said councillor Mary Jones.') },
    { guildId: B, feedId: 2, article: article('feed2-y', 1, 'Le conseil adopte le plan', '« Ce plan va changer la vie des habitants », a déclaré la maire Claire Martin.') },
  ]);

  it.each([
    [A, ['op-ar', 'feed1-x'], 'feed1-x'],
    [B, ['feed2-y', 'op-ar'], 'op-ar'],
    [null, ['op-ar'], 'op-ar'],
    ['100000000000000099', ['op-ar'], 'op-ar'],
  ])('server %s: all(), oldest first, and newest()', (guildId, ids, newest) => {
    const view = shelves.view(operator, guildId);
    expect(view.all().map((a) => a.id)).toEqual(ids);
    expect(view.newest()?.id).toBe(newest);
  });

  it('get, search and autocomplete never cross servers', () => {
    const a = shelves.view(operator, A);
    const b = shelves.view(operator, B);
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
  });

  it('quotes of both come newest article first', () => {
    expect(shelves.view(operator, A).search.searchQuotes({}).map((h) => h.articleId)).toEqual(['feed1-x', 'op-ar']);
  });

  it('removing a feed takes its articles off its server’s shelf only', () => {
    const local = new GuildShelves();
    local.add([
      { guildId: A, feedId: 1, article: article('feed1-x', 3, 't', 'q') },
      { guildId: A, feedId: 3, article: article('feed3-z', 4, 'u', 'q') },
    ]);
    local.removeFeed(A, 1);
    expect(local.view(operator, A).all().map((x) => x.id)).toEqual(['op-ar', 'feed3-z']);
    expect(local.sizeOf(A)).toBe(1);
  });
});
