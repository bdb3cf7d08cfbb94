import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, SqliteQuotePageStore, type QuoteSearch } from '../../src/store';
import { tempDir } from './helpers';

/**
 * The SQLite quote-page store's commits: a kept /quote search is committed
 * without an fsync (the event loop never waits for the disk for one), and the
 * connection's FULL level, which the deliveries rely on, is back after every
 * put, even one that fails. (Put, get, expiry and pruning: contract.test.ts.)
 */
const FULL = 2;
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function open(): { db: ReturnType<typeof openDatabase>; pages: SqliteQuotePageStore } {
  const t = tempDir();
  const db = openDatabase(join(t.dir, 'briefing.db'));
  cleanups.push(() => {
    db.close();
    t.cleanup();
  });
  return { db, pages: new SqliteQuotePageStore(db) };
}

const SEARCHES: ReadonlyArray<[string, QuoteSearch]> = [
  ['Arabic', { query: 'الترام', speaker: null, articleId: null, guildId: '1100000000000000010', userId: '300000000000000003', language: 'ar' }],
  ['English', { query: null, speaker: 'Mary Jones', articleId: null, guildId: '1100000000000000010', userId: '300000000000000003', language: 'en' }],
  ['French', { query: 'pont', speaker: null, articleId: 'fr-pont', guildId: null, userId: '300000000000000003', language: 'fr' }],
];

describe('SqliteQuotePageStore commits', () => {
  it.each(SEARCHES)('keeps a %s search under synchronous = NORMAL, then puts the connection back to FULL', (_lang, search) => {
    const { db, pages } = open();
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    const pragmas = vi.spyOn(db, 'pragma');
    const token = pages.put(search, 1000);
    expect(pragmas.mock.calls.map(([source]) => source)).toEqual(['synchronous', 'synchronous = NORMAL', `synchronous = ${FULL}`]);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(pages.get(token, search.guildId, 1000)).toMatchObject(search);
  });

  it('puts the connection back to FULL when keeping a search fails', () => {
    const { db, pages } = open();
    db.exec('DROP TABLE quote_pages');
    expect(() => pages.put(SEARCHES[0]![1], 1000)).toThrow(/quote_pages/);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
  });
});
