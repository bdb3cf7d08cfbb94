/**
 * Whole articles in Postgres: what `PostgresSearchWriter` stores beside the
 * search rows reads back through `PostgresArticles.reader(guildId)` exactly as
 * the in-memory library's view reads through `memoryReader` (same articles,
 * same order, same pages), for a server, a DM and a server without articles
 * of its own. A throwaway cluster; skipped with one line without Postgres.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleReader, LibraryArticle, StreamStart } from '../../src/library';
import { briefFile, toLibraryArticle } from '../../src/library/load';
import { byAge } from '../../src/library/views';
import { MIGRATIONS } from '../../src/store';
import { createPool, migratePostgres } from '../../src/store/postgres';
import { PostgresArticles } from '../../src/store/postgres/articles';
import { OPERATOR_SCOPE } from '../../src/store/postgres/search';
import { PostgresSearchWriter } from '../../src/store/postgres/search-writer';
import { memoryReaders } from '../support/merged-readers';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { article, trilingualLibrary } from '../library/search-fixture';

if (!POSTGRES_BIN) console.log(POSTGRES_SKIP_REASON);

const GUILD = '100000000000000001';
/** A server with no article of its own: it sees the operator's. */
const BARE_GUILD = '100000000000000002';
let cluster: TestPostgres | undefined;
let pool: pg.Pool;
let writer: PostgresSearchWriter;
let articles: PostgresArticles;
const refused: string[] = [];

/** Ids that differ only in case, in code units (é as one or two), or order differently by code units and code points (Ａ U+FF21, 𝐀 U+1D400). */
const IDS = ['a', 'A', 'b', 'a-1', 'a.1', 'é', 'e\u0301', 'ب', 'خبر', 'Ａ', '𝐀', 'z_9'];
const TITLES = { ar: 'الحكومة تعلن خطة جديدة', en: 'The government announces a plan', fr: 'Le gouvernement annonce un plan' } as const;

const pending = (a: LibraryArticle): LibraryArticle => ({ ...a, summaryPending: true, briefing: { ...a.briefing, summary: [] } });

/** One generated article: its scope (operator or the server), id, time (few, so many are equal), language, quotes, pending summary. */
interface Spec {
  guild: boolean;
  id: string;
  minute: number;
  language: keyof typeof TITLES;
  quoted: boolean;
  pending: boolean;
}

function articleOf(spec: Spec): LibraryArticle {
  const quotes = spec.quoted ? [{ text: `${TITLES[spec.language]} — ${spec.id}`, speaker: spec.language === 'ar' ? 'سيرغي لافروف' : 'Élodie Martin' }] : [];
  const made = article(spec.id, `${TITLES[spec.language]} ${spec.id}`, spec.minute * 60_000, '', quotes, spec.language);
  return spec.pending ? pending(made) : made;
}

/** Write exactly these articles to Postgres (everything else removed). */
async function store(operator: readonly LibraryArticle[], own: readonly LibraryArticle[]): Promise<void> {
  await pool.query('TRUNCATE search_quotes, search_articles, search_speakers');
  for (const a of operator) writer.put(OPERATOR_SCOPE, a);
  for (const a of own) writer.put(GUILD, a);
  await writer.flush();
}

const ids = (list: readonly LibraryArticle[]): string[] => list.map((a) => `${a.id}@${a.timestamp}`);

/** Every page of the stream from `start`, `size` at a time, as a reader pages (exclusive of the last article read). */
async function pages(reader: ArticleReader, start: StreamStart | null, size: number): Promise<LibraryArticle[][]> {
  const out: LibraryArticle[][] = [];
  let from = start;
  for (let n = 0; n < 100; n++) {
    const page = await reader.stream(from, size);
    if (page.length === 0) break;
    out.push(page);
    const last = page.at(-1)!;
    from = { position: { at: last.timestamp, id: last.id }, exclusive: true };
  }
  return out;
}

describe.skipIf(!POSTGRES_BIN)('Postgres articles read as the in-memory library', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    pool = createPool(await cluster!.createDatabase('articles'));
    await migratePostgres(pool);
    writer = new PostgresSearchWriter(pool, { onError: (error, detail) => refused.push(`${detail.id}: ${error.message}`) });
    articles = new PostgresArticles(pool);
  }, 60_000);
  beforeEach(() => {
    refused.length = 0;
  });
  afterAll(async () => {
    await writer?.close();
    await pool?.end();
    await cluster?.stop();
  });

  describe('the same answers as memoryReader over mergedView, for any articles', () => {
    const spec = fc.record({
      guild: fc.boolean(),
      id: fc.constantFrom(...IDS),
      minute: fc.integer({ min: 0, max: 4 }),
      language: fc.constantFrom('ar' as const, 'en' as const, 'fr' as const),
      quoted: fc.boolean(),
      pending: fc.boolean(),
    });
    const library = fc.uniqueArray(spec, { maxLength: 16, selector: (s) => `${s.guild}:${s.id}` });
    const start = fc.option(fc.record({ minute: fc.integer({ min: -1, max: 5 }), id: fc.constantFrom('', ...IDS), exclusive: fc.boolean() }));

    it('get, newest, newestQuoted and every page of the stream (any page size, inclusive and exclusive starts)', async () => {
      await fc.assert(
        fc.asyncProperty(library, start, fc.integer({ min: 1, max: 6 }), async (specs, from, size) => {
          const operator = specs.filter((s) => !s.guild).map(articleOf);
          const own = specs.filter((s) => s.guild).map(articleOf);
          await store(operator, own);
          const memory = memoryReaders(GUILD, operator, own);
          const startAt: StreamStart | null = from && { position: { at: from.minute * 60_000, id: from.id }, exclusive: from.exclusive };
          for (const guildId of [GUILD, null, BARE_GUILD]) {
            const expected = memory(guildId);
            const actual = articles.reader(guildId);
            for (const id of [...IDS, 'nowhere']) expect(await actual.get(id)).toEqual(await expected.get(id));
            expect(await actual.newest()).toEqual(await expected.newest());
            expect(await actual.newestQuoted()).toEqual(await expected.newestQuoted());
            expect((await pages(actual, startAt, size)).map(ids)).toEqual((await pages(expected, startAt, size)).map(ids));
            expect(await actual.stream(startAt, 100)).toEqual(await expected.stream(startAt, 100));
          }
        }),
        { numRuns: 60 },
      );
      expect(refused).toEqual([]);
    }, 240_000);
  });

  describe('round trip', () => {
    // A file's mtime has a fraction of a millisecond (as the file system gives it): the timestamp of an article without a date.
    const fixture = (name: string): LibraryArticle => toLibraryArticle(briefFile(join('tests/fixtures/articles', name), 1_000_000), 1_700_000_000_123.456);

    it.each([
      ['Arabic, dated by its file', 'ar-boilerplate.txt'],
      ['English, dated by its file', 'en-council.txt'],
      ['French, with front matter (title, source, date, language)', 'fr-reforme.md'],
    ])('%s: the article read back is the one written (briefing, quotes and speakers, metadata, content key)', async (_name, file) => {
      const written = fixture(file);
      expect(written.briefing.quotes.length).toBeGreaterThan(0);
      await store([written], []);
      expect(refused).toEqual([]);
      expect(await articles.reader(null).get(written.id)).toEqual(written);
      expect(await articles.reader(GUILD).newest()).toEqual(written);
      expect(await articles.reader(GUILD).stream(null, 5)).toEqual([written]);
    });

    it('the trilingual library reads back whole, in stream order', async () => {
      const library = trilingualLibrary();
      await store(library, []);
      expect(await articles.reader(null).stream(null, 50)).toEqual([...library].sort(byAge));
      expect((await articles.reader(null).newestQuoted())?.id).toBe('peace-talks');
    });

    it('text Postgres cannot store (NUL, a lone surrogate) is kept as U+FFFD, and nothing is refused', async () => {
      const odd = article('odd', 'Odd\u0000 title \ud800', 100, '', [{ text: 'A quote with NUL\u0000 inside', speaker: 'Nul\u0000 Person' }], 'en');
      await store([odd], []);
      expect(refused).toEqual([]);
      const read = await articles.reader(null).get('odd');
      expect(read?.briefing.headline).toBe('Odd\ufffd title \ufffd');
      expect(read?.briefing.quotes[0]?.speaker).toBe('Nul\ufffd Person');
    });
  });

  describe('changes', () => {
    const quoteKeys = async (id: string): Promise<string[]> => (await pool.query<{ key: string }>('SELECT key::text FROM search_quotes WHERE article_id = $1 ORDER BY idx', [id])).rows.map((r) => r.key);

    it('a summary filled in later: the article is rewritten (now shown), its quotes are not', async () => {
      const whole = trilingualLibrary().find((a) => a.id === 'maire-pont')!;
      await store([pending(whole)], []);
      const before = await quoteKeys('maire-pont');
      expect(await articles.reader(null).get('maire-pont')).toBeUndefined();
      expect(await articles.reader(null).newest()).toBeUndefined();
      expect((await articles.reader(null).stream(null, 5)).map((a) => a.summaryPending)).toEqual([true]);
      writer.put(OPERATOR_SCOPE, whole);
      await writer.flush();
      expect(await articles.reader(null).get('maire-pont')).toEqual(whole);
      expect(await articles.reader(null).newestQuoted()).toEqual(whole);
      expect(await quoteKeys('maire-pont')).toEqual(before);
    });

    it('removed from the library, unshelved from a server: gone from get, newest and the stream; the operator’s article of that id shows again', async () => {
      const [ar, , en] = trilingualLibrary();
      const mine = article(en!.id, 'Mine: the server’s own bridge', 9000, '', [{ text: 'Our bridge', speaker: 'Jane Roe' }], 'en');
      await store([ar!, en!], [mine]);
      expect(await articles.reader(GUILD).get(en!.id)).toEqual(mine);
      expect(await articles.reader(null).get(en!.id)).toEqual(en);
      writer.remove(GUILD, en!.id);
      writer.remove(OPERATOR_SCOPE, ar!.id);
      await writer.flush();
      expect(await articles.reader(GUILD).get(en!.id)).toEqual(en);
      expect(await articles.reader(GUILD).get(ar!.id)).toBeUndefined();
      expect(await articles.reader(GUILD).stream(null, 10)).toEqual([en]);
      expect(await articles.reader(GUILD).newest()).toEqual(en);
    });

    it('the feed articles no longer stored (deleted while no ingest followed) leave every server’s scope; stored ones and the operator’s stay', async () => {
      const [ar, fr, en] = trilingualLibrary();
      await store([en!], [ar!, fr!]);
      const other = '100000000000000003';
      writer.put(other, en!);
      await writer.flush();
      expect(await writer.removeGoneFeedArticles(async () => [{ guildId: GUILD, id: fr!.id }])).toBe(2);
      expect((await articles.reader(GUILD).stream(null, 10)).map((a) => a.id).sort()).toEqual([en!.id, fr!.id].sort());
      expect(await articles.reader(other).stream(null, 10)).toEqual([en]);
      expect(await articles.reader(null).get(en!.id)).toEqual(en);
      expect(await writer.removeGoneFeedArticles(async () => [{ guildId: GUILD, id: fr!.id }])).toBe(0);
    });

    it('reconcile writes an article whose summary was filled in while the bot was down, and nothing else', async () => {
      const library = trilingualLibrary();
      await store([pending(library[0]!), ...library.slice(1)], []);
      expect(await writer.reconcile(OPERATOR_SCOPE, library)).toEqual({ written: 1, removed: 0 });
      expect(await writer.reconcile(OPERATOR_SCOPE, library)).toEqual({ written: 0, removed: 0 });
      expect(await articles.reader(null).get(library[0]!.id)).toEqual(library[0]);
    });
  });

  describe('migration 7 from version 6', () => {
    it('keeps the search rows written before it, shows no article until the next reconcile writes them all', async () => {
      const old = createPool(await cluster!.createDatabase('from_six'));
      try {
        const before7 = MIGRATIONS.filter((m) => m.version < 7);
        expect(await migratePostgres(old, before7)).toEqual(before7.map((m) => m.version));
        // A search row as version 6's writer wrote it.
        await old.query(`INSERT INTO search_articles (scope, id, title, published, names, signature, title_terms, any_terms)
          VALUES ('', 'mayor-bridge', 'Mayor opens the Bridge', 3000, ARRAY['mayor-bridge'], 'old', ''::tsvector, ''::tsvector)`);
        expect(await migratePostgres(old)).toEqual(MIGRATIONS.filter((m) => m.version >= 7).map((m) => m.version));
        const reader = new PostgresArticles(old).reader(null);
        expect(await reader.stream(null, 5)).toEqual([]);
        expect(await reader.get('mayor-bridge')).toBeUndefined();
        const library = trilingualLibrary();
        const oldWriter = new PostgresSearchWriter(old);
        expect(await oldWriter.reconcile(OPERATOR_SCOPE, library)).toEqual({ written: library.length, removed: 0 });
        await oldWriter.close();
        expect(await reader.stream(null, 50)).toEqual([...library].sort(byAge));
      } finally {
        await old.end();
      }
    });
  });
});
