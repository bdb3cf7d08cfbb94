import { describe, expect, it } from 'vitest';
import { mergedView, SearchIndex, type LibraryArticle, type LibraryView } from '../../src/library';
import { runSchedule } from '../../src/scheduler';
import { article, CHANNEL_A, CHANNEL_B, FakeLibrary, FakePoster, memoryStore, renderForTest, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

const GUILD_A = '100000000000000001';
const GUILD_B = '100000000000000002';

/** One server's articles, as the library keeps a server's scope. */
function shelfOf(articles: LibraryArticle[]) {
  const search = new SearchIndex();
  for (const a of articles) search.upsert(a);
  return { search, get: (id: string) => articles.find((a) => a.id === id), has: (id: string) => articles.some((a) => a.id === id), all: () => articles };
}

describe('schedules post their own server’s feed articles, never another server’s', () => {
  it.each([
    [GUILD_A, CHANNEL_A, ['op-1', 'feedA-1', 'op-2']],
    [GUILD_B, CHANNEL_B, ['op-1', 'op-2', 'feedB-1']],
  ])('server %s', async (guildId, channelId, expected) => {
    const operator = new FakeLibrary([article('op-1', 1), article('op-2', 3)]);
    const view: LibraryView = Object.assign(operator, { search: new SearchIndex() });
    const scopes = new Map([
      [GUILD_A, shelfOf([article('feedA-1', 2, 'قال الوزير إن الخطة ستستمر')])],
      [GUILD_B, shelfOf([article('feedB-1', 4, 'Le ministre a déclaré')])],
    ]);
    const store = memoryStore();
    const created = store.schedules.create(schedule({ guildId, channelId }));
    store.schedules.markPrimed(created.id);
    const poster = new FakePoster();
    const report = await runSchedule(store.schedules.get(created.id)!, { store, library: memoryReader(operator), libraryFor: (g) => memoryReader(g && scopes.has(g) ? mergedView(view, scopes.get(g)!) : view), poster, render: renderForTest }, Date.UTC(2026, 0, 2));
    expect(report.posted).toEqual(expected);
    store.close();
  });
});
