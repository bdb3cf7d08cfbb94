/**
 * The Postgres search answers exactly what the in-memory index answers on the
 * same articles: quote search, article and speaker autocomplete, typed names,
 * per server. A throwaway cluster; skipped with one line without Postgres.
 */
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mergedView, SearchIndex, type LibraryArticle, type LibraryView, type QuoteQuery } from '../../src/library';
import { createPool, migratePostgres } from '../../src/store/postgres';
import { OPERATOR_SCOPE, PostgresSearch } from '../../src/store/postgres/search';
import { PostgresSearchWriter } from '../../src/store/postgres/search-writer';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { article, generatedLibrary, referenceQuotes, SPEAKERS, trilingualLibrary, VARIANT_VOCAB, VOCAB } from '../library/search-fixture';

if (!POSTGRES_BIN) console.log(POSTGRES_SKIP_REASON);

const GUILD = '100000000000000001';
let cluster: TestPostgres | undefined;
let pool: pg.Pool;
let search: PostgresSearch;
let writer: PostgresSearchWriter;
const refused: string[] = [];

const ids = (hits: ReadonlyArray<{ articleId: string; index: number }>): string[] => hits.map((h) => `${h.articleId}#${h.index}`);

/** The operator's library written to Postgres and indexed in memory. */
async function load(articles: readonly LibraryArticle[]): Promise<SearchIndex> {
  await pool.query('TRUNCATE search_quotes, search_articles, search_speakers');
  for (const a of articles) writer.put(OPERATOR_SCOPE, a);
  await writer.flush();
  return memoryIndex(articles);
}

function memoryIndex(articles: readonly LibraryArticle[]): SearchIndex {
  const index = new SearchIndex();
  for (const a of articles) index.upsert(a);
  index.prepare();
  return index;
}

describe.skipIf(!POSTGRES_BIN)('Postgres search answers as the in-memory index', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    pool = createPool(await cluster!.createDatabase('search'));
    await migratePostgres(pool);
    search = new PostgresSearch(pool);
    writer = new PostgresSearchWriter(pool, { onError: (error, detail) => refused.push(`${detail.id}: ${error.message}`) });
  }, 60_000);
  afterAll(async () => {
    await writer?.close();
    await pool?.end();
    await cluster?.stop();
  });
  beforeEach(() => {
    refused.length = 0;
  });

  describe('quotes in Arabic, English and French', () => {
    let memory: SearchIndex;
    beforeAll(async () => {
      memory = await load(trilingualLibrary());
    });

    it.each<[string, QuoteQuery, string[]]>([
      ['Arabic without diacritics (the quote has them)', { query: 'الحكومة' }, ['cairo-school#0', 'lavrov-pyongyang#0']],
      ['Arabic with diacritics (typed)', { query: 'الحُكومةَ' }, ['cairo-school#0', 'lavrov-pyongyang#0']],
      ['Arabic with tatweel (typed)', { query: 'الحكـــومة' }, ['cairo-school#0', 'lavrov-pyongyang#0']],
      ['Arabic tatweel in the quote', { query: 'الأحادية' }, ['lavrov-pyongyang#1']],
      ['Arabic و+ال in the quote, bare word typed', { query: 'تعليم' }, ['cairo-school#1']],
      ['Arabic و+ال in the quote (والحكومةُ), bare word typed', { query: 'حكومة' }, ['cairo-school#0', 'lavrov-pyongyang#0']],
      ['Arabic ة typed as ه', { query: 'حكومه' }, ['cairo-school#0', 'lavrov-pyongyang#0']],
      ['Arabic alef forms folded', { query: 'ان روسيا' }, ['lavrov-pyongyang#0']],
      ['Arabic word behind بال', { query: 'عقوبات' }, ['lavrov-pyongyang#1']],
      ['Arabic two letters: whole word only', { query: 'لا' }, ['lavrov-pyongyang#1']],
      ['English, any case', { query: 'bridge' }, ['mayor-bridge#0', 'mayor-bridge#1']],
      ['English upper case typed', { query: 'GOVERNMENT' }, ['mayor-bridge#1']],
      ['English word prefix', { query: 'connect' }, ['mayor-bridge#0']],
      ['French without accents', { query: 'generations' }, ['maire-pont#0']],
      ['French accents typed', { query: 'ÉLECTIONS été' }, []],
      ['French prefix with accents', { query: 'électi' }, ['maire-pont#0']],
      ['every word required', { query: 'pont generations' }, ['maire-pont#0']],
      ['speaker with an accent, found without', { speaker: 'elodie' }, ['maire-pont#0', 'maire-pont#1']],
      ['speaker by role', { speaker: 'mayor' }, ['peace-talks#0', 'mayor-bridge#0']],
      ['Arabic speaker prefix', { speaker: 'لافر' }, ['lavrov-pyongyang#0', 'lavrov-pyongyang#1']],
      ['speaker and words', { speaker: 'لافروف', query: 'عقوبات' }, ['lavrov-pyongyang#1']],
      ['one article', { articleId: 'maire-pont' }, ['maire-pont#0', 'maire-pont#1']],
      ['one article and a word', { articleId: 'maire-pont', query: 'gouvernement' }, ['maire-pont#1']],
      ['an unknown article', { articleId: 'nowhere' }, []],
      ['no criterion: every quote, newest first (ids descending at equal times)', {}, ['peace-talks#0', 'mayor-bridge#0', 'mayor-bridge#1', 'maire-pont#0', 'maire-pont#1', 'cairo-school#0', 'cairo-school#1', 'lavrov-pyongyang#0', 'lavrov-pyongyang#1']],
      ['a limit', { query: 'the', limit: 2 }, ['peace-talks#0', 'mayor-bridge#1']],
      ['punctuation only (no words: no criterion)', { query: '«؟!»', limit: 1 }, ['peace-talks#0']],
      ['nothing', { query: 'zebra' }, []],
      ['a partly matching query', { query: 'bridge zebra' }, []],
    ])('%s', async (_name, q, expected) => {
      expect(ids(memory.searchQuotes(q))).toEqual(expected);
      const hits = await search.scoped(OPERATOR_SCOPE).searchQuotes(q);
      expect(hits).toEqual(memory.searchQuotes(q));
    });

    it.each([
      ['nothing typed: newest first', ''],
      ['one Arabic letter (titles only)', 'ل'],
      ['one Latin letter (titles only)', 'm'],
      ['an Arabic title word with diacritics', 'مدرسةٌ'],
      ['an Arabic title word without its article', 'قاهرة'],
      ['an Arabic lead word (second tier)', 'شبرا'],
      ['an English title prefix, any case', 'BRI'],
      ['an English lead word', 'springfield'],
      ['a French title word typed without accents', 'election presidentielle'],
      ['a French lead word with accent typed', 'Rhône'],
      ['a title word and a lead word', 'maire lyon'],
      ['an id typed', 'peace-talks'],
      ['a speaker of the article', 'jane'],
      ['nothing matches', 'zebra'],
    ])('article suggestions: %s', async (_name, typed) => {
      const expected = memory.suggestArticles(typed);
      expect(await search.scoped(OPERATOR_SCOPE).suggestArticles(typed)).toEqual(expected);
    });

    it('article suggestions put title matches above lead matches, and find some', async () => {
      expect((await search.scoped(OPERATOR_SCOPE).suggestArticles('pont')).map((s) => s.value)).toEqual(['maire-pont']);
      expect((await search.scoped(OPERATOR_SCOPE).suggestArticles('مدرسة')).map((s) => s.value)).toEqual(['cairo-school']);
    });

    it.each([
      ['nothing typed: most recently quoted first', ''],
      ['one letter', 'j'],
      ['a French name without its accent (both spellings fold together)', 'elodie'],
      ['an Arabic name', 'لافروف'],
      ['a role', 'مديرة'],
      ['two words', 'john smi'],
      ['nobody', 'zebra'],
    ])('speaker suggestions: %s', async (_name, typed) => {
      expect(await search.scoped(OPERATOR_SCOPE).suggestSpeakers(typed)).toEqual(memory.suggestSpeakers(typed));
    });

    it.each([
      ['an id in another case', 'PEACE-TALKS'],
      ['an Arabic title without diacritics', 'مدرسة جديدة في القاهرة'],
      ['a French title without accents', 'election presidentielle : le debat'],
      ['an id exactly', 'cairo-school'],
      ['an Arabic title with other diacritics and tatweel', 'مَدرسـةٌ جديدةٌ في القاهـرة'],
      ['an Arabic title with ة typed as ه', 'مدرسه جديده في القاهره'],
      ['an Arabic title with a bare alef', 'لافروف يزور بيونغ يانغ'],
      ['an English title in capitals, with spaces around', '  MAYOR OPENS THE BRIDGE '],
      ['a French title with its accents', 'Élection présidentielle : le débat'],
      ['a title cut short', 'Mayor opens the'],
      ['nothing', 'no such article'],
      ['nothing typed', ''],
    ])('a typed name: %s', async (_name, typed) => {
      expect(await search.resolveInView(null, typed)).toBe(memory.resolveName(typed));
    });
  });

  describe('a generated library (random words in several spellings)', () => {
    const articles = generatedLibrary(400, 7, [...VOCAB, ...VARIANT_VOCAB]);
    let memory: SearchIndex;
    beforeAll(async () => {
      memory = await load(articles);
    }, 60_000);

    const word = fc.oneof(
      fc.constantFrom(...VOCAB, ...VARIANT_VOCAB),
      // A start of a word: prefixes of every length, the short ones matched whole.
      fc.tuple(fc.constantFrom(...VOCAB, ...VARIANT_VOCAB), fc.integer({ min: 1, max: 8 })).map(([w, n]) => w.slice(0, n)),
    );
    const words = fc.array(word, { minLength: 0, maxLength: 3 }).map((list) => list.join(' '));
    const speakerWords = fc.array(fc.tuple(fc.constantFrom(...SPEAKERS, 'وزير الخارجية', 'the mayor'), fc.integer({ min: 1, max: 12 })).map(([w, n]) => w.slice(0, n)), { maxLength: 2 }).map((list) => list.join(' '));

    it('quote search: the same hits in the same order for any query words and speaker', async () => {
      await fc.assert(
        fc.asyncProperty(words, speakerWords, fc.integer({ min: 1, max: 60 }), async (query, speaker, limit) => {
          const q: QuoteQuery = { query, speaker, limit };
          const expected = memory.searchQuotes(q);
          expect(ids(expected)).toEqual(referenceQuotes(articles, q));
          expect(await search.scoped(OPERATOR_SCOPE).searchQuotes(q)).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    });

    it('article and speaker suggestions: the same for anything typed', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(words, speakerWords), async (typed) => {
          expect(await search.scoped(OPERATOR_SCOPE).suggestArticles(typed)).toEqual(memory.suggestArticles(typed));
          expect(await search.scoped(OPERATOR_SCOPE).suggestSpeakers(typed)).toEqual(memory.suggestSpeakers(typed));
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('ids and names past U+FFFF at equal times: the order of JavaScript’s strings (UTF-16), not of code points', () => {
    // Fragments of ids and names: ASCII, Latin, Arabic, and each side of the place where the two orders part:
    // U+E000–U+FFFF (private use, an Arabic presentation form, a full-width letter) against letters past U+FFFF (𝐀, 𝔸, an emoji).
    const FRAGMENTS = ['a', 'z', 'é', 'ب', '\uE000', 'ﻻ', 'Ａ', '𝐀', '𝔸', '😀'];
    const QUOTES = [
      'الحكومة تدعم المدرسة الجديدة',
      'The government supports the new school',
      'Le gouvernement soutient la nouvelle école',
    ];
    const SPEAKER_NAMES = ['ليلى حسن', 'Mary Jones', 'Claire Martin', '𝐀lex Jones', 'Ａnna Jones', '😀 Jones', 'ﻻمى Jones', '\uE000 Jones'];
    const TITLES = ['Article', 'Article two', 'مقال'];
    const LANGUAGES = ['ar', 'en', 'fr'] as const;
    const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
    const shape = fc.record({
      timestamp: fc.constantFrom(1000, 2000),
      title: fc.constantFrom(...TITLES),
      quotes: fc.array(fc.tuple(fc.nat(2), fc.constantFrom(...SPEAKER_NAMES)), { minLength: 1, maxLength: 2 }),
    });
    // Up to 40 articles: past a page of 25 suggestions, so that a page can end inside a group of equal times.
    const library = fc
      .uniqueArray(fragmentText, { minLength: 1, maxLength: 40 })
      .chain((idList) => fc.tuple(fc.constant(idList), fc.array(shape, { minLength: idList.length, maxLength: idList.length })))
      .map(([idList, shapes]) => idList.map((id, i) => {
        const { timestamp, title, quotes } = shapes[i]!;
        const language = LANGUAGES[quotes[0]![0]]!;
        return article(id, title, timestamp, QUOTES[quotes[0]![0]]!, quotes.map(([q, speaker]) => ({ text: QUOTES[q]!, speaker })), language);
      }));
    const asked = fc.record({
      query: fc.constantFrom<string | undefined>(undefined, 'الحكومة', 'government', 'gouvernement', 'school', 'nouvelle'),
      limit: fc.integer({ min: 1, max: 30 }),
      typed: fc.constantFrom('', 'a', 'article', 'مقال', 'school', 'gouvernement'),
      speaker: fc.constantFrom('', 'j', 'jones', 'ليلى'),
      title: fc.constantFrom(...TITLES),
    });

    it('quotes, article and speaker suggestions, typed names: as the in-memory index answers', async () => {
      await fc.assert(
        fc.asyncProperty(library, asked, async (articles, { query, limit, typed, speaker, title }) => {
          const memory = await load(articles);
          const q: QuoteQuery = { ...(query ? { query } : {}), limit };
          const expected = memory.searchQuotes(q);
          expect(ids(expected)).toEqual(referenceQuotes(articles, q));
          const scoped = search.scoped(OPERATOR_SCOPE);
          expect(await scoped.searchQuotes(q)).toEqual(expected);
          expect(await scoped.suggestArticles(typed)).toEqual(memory.suggestArticles(typed));
          expect(await scoped.suggestSpeakers(speaker)).toEqual(memory.suggestSpeakers(speaker));
          expect(await search.resolveInView(null, title)).toBe(memory.resolveName(title));
        }),
        { numRuns: 40 },
      );
    }, 120_000);

    it.each([
      ['an emoji id and a full-width one, the page ending between them', ['😀', 'Ａ'], 1],
      ['a mathematical letter and a private-use one, the page ending between them', ['𝐀', '\uE000b'], 1],
      ['past U+FFFF and an Arabic presentation form, all on the page', ['𝔸', 'ﻻ', 'a'], 3],
    ] as const)('quotes of %s', async (_name, idList, limit) => {
      const articles = idList.map((id, i) => article(id, TITLES[0]!, 1000, QUOTES[i % 3]!, [{ text: QUOTES[i % 3]!, speaker: SPEAKER_NAMES[i]! }], LANGUAGES[i % 3]!));
      const memory = await load(articles);
      const expected = memory.searchQuotes({ limit });
      expect(ids(expected)).toEqual(referenceQuotes(articles, { limit }));
      expect(await search.scoped(OPERATOR_SCOPE).searchQuotes({ limit })).toEqual(expected);
      expect(await search.resolveInView(null, TITLES[0]!)).toBe(memory.resolveName(TITLES[0]!));
    });
  });

  describe('servers see the operator library and their own feed articles, never another server’s', () => {
    const operator = trilingualLibrary();
    const own = [
      article('feed-bridge', 'Bridge closed for repairs', 3500, 'The old bridge on the east side closes for repairs for six weeks from Monday morning', [{ text: 'The bridge must be safe', speaker: 'Jane Roe' }], 'en'),
      article('feed-hukuma', 'الحكومة تعلن ميزانية جديدة', 3000, 'أعلنت الحكومة اليوم ميزانية جديدة للعام المقبل تتضمن زيادة في الإنفاق على التعليم', [{ text: 'وللحكومة خطة واضحة', speaker: 'سيرغي لافروف' }], 'ar'),
    ];
    own.push(article('feed-mayor', 'Mayor opens the bridge', 2500, '', [], 'en'), article('feed-cairo', 'مدرسة جديدة في القاهرة', 2500, '', [], 'ar'));
    const other = [article('other-bridge', 'Another server’s bridge', 9000, '', [{ text: 'A secret bridge of another server', speaker: 'Jane Secret' }], 'en')];
    let view: (guildId: string | null) => LibraryView;

    beforeAll(async () => {
      const memory = await load(operator);
      const library: LibraryView = { search: memory, all: () => operator, get: (id) => operator.find((a) => a.id === id), newest: () => undefined };
      // Each server's feed articles as the library keeps them: a scope of its own, merged with the operator's.
      const shelfOf = async (articles: LibraryArticle[]) => {
        const index = memoryIndex(articles);
        const sorted = [...articles].sort((x, y) => x.timestamp - y.timestamp || (x.id < y.id ? -1 : 1));
        return { search: index, get: (id: string) => articles.find((x) => x.id === id), has: (id: string) => articles.some((x) => x.id === id), all: () => sorted };
      };
      const shelves = new Map([[GUILD, await shelfOf(own)], ['other', await shelfOf(other)]]);
      for (const a of own) writer.put(GUILD, a);
      for (const a of other) writer.put('other', a);
      await writer.flush();
      view = (guildId) => {
        const shelf = guildId ? shelves.get(guildId) : undefined;
        return shelf ? mergedView(library, shelf) : library;
      };
    });

    it.each<[string, string | null, QuoteQuery]>([
      ['a word in both', GUILD, { query: 'bridge' }],
      ['an Arabic word in both', GUILD, { query: 'حكومة' }],
      ['a speaker in both', GUILD, { speaker: 'لافروف' }],
      ['the server’s own article', GUILD, { articleId: 'feed-bridge' }],
      ['an operator article', GUILD, { articleId: 'mayor-bridge' }],
      ['another server’s article', GUILD, { articleId: 'other-bridge' }],
      ['a DM', null, { query: 'bridge' }],
      ['a server without feed articles', '999', { query: 'bridge' }],
    ])('quotes: %s', async (_name, guildId, q) => {
      const expected = view(guildId).search.searchQuotes(q);
      const hits = await search.view(guildId, () => undefined).searchQuotes(q);
      expect(hits).toEqual(expected);
      expect(ids(hits).some((id) => id.startsWith('other-'))).toBe(false);
    });

    it.each<[string, string | null, string]>([
      ['articles, nothing typed', GUILD, ''],
      ['articles by a title word', GUILD, 'bridge'],
      ['articles by an Arabic word', GUILD, 'الحكومة'],
      ['articles in a DM', null, 'bri'],
      ['articles in a server without feed articles', '999', 'مدرسة'],
    ])('suggestions: %s', async (_name, guildId, typed) => {
      expect(await search.view(guildId, () => undefined).suggestArticles(typed)).toEqual(view(guildId).search.suggestArticles(typed));
      expect(await search.view(guildId, () => undefined).suggestSpeakers(typed)).toEqual(view(guildId).search.suggestSpeakers(typed));
      expect(await search.resolveInView(guildId, typed)).toBe(view(guildId).search.resolveName(typed));
    });

    it.each<[string, string | null, string, string | undefined]>([
      ['the server’s own article by id', GUILD, 'FEED-BRIDGE', 'feed-bridge'],
      ['the server’s own Arabic title, ة typed as ه', GUILD, 'الحكومه تعلن ميزانيه جديده', 'feed-hukuma'],
      ['a title both have: the newer, the operator’s', GUILD, 'mayor opens the bridge', 'mayor-bridge'],
      ['an Arabic title both have: the newer, the server’s', GUILD, 'مدرسةٌ جديدة في القاهرة', 'feed-cairo'],
      ['another server’s title: not seen', GUILD, 'Another server’s bridge', undefined],
      ['a DM: the operator’s', null, 'مدرسة جديدة في القاهرة', 'cairo-school'],
      ['a DM: a server’s article is not seen', null, 'feed-bridge', undefined],
      ['a server without feed articles', '999', 'PEACE-TALKS', 'peace-talks'],
    ])('a typed name, in Postgres as in the view: %s', async (_name, guildId, typed, id) => {
      expect(view(guildId).search.resolveName(typed)).toBe(id);
      expect(await search.resolveInView(guildId, typed)).toBe(id);
    });

    it('speaker suggestions of a server include its own speakers, not another server’s', async () => {
      const names = (await search.view(GUILD, () => undefined).suggestSpeakers('jane')).map((s) => s.name);
      expect(names).toEqual(['Jane Roe', 'Jane Doe']);
    });
  });

  describe('the writer', () => {
    it('re-briefed and removed articles: quotes, speakers and suggestions follow', async () => {
      const articles = trilingualLibrary();
      await load(articles);
      const changed = article('mayor-bridge', 'Mayor closes the Bridge', 3000, '', [{ text: 'We close the bridge tonight', speaker: 'Mary Major' }], 'en');
      writer.put(OPERATOR_SCOPE, changed);
      writer.remove(OPERATOR_SCOPE, 'peace-talks');
      await writer.flush();
      const now = [changed, ...articles.filter((a) => a.id !== 'mayor-bridge' && a.id !== 'peace-talks')];
      const memory = memoryIndex(now);
      for (const q of [{ query: 'bridge' }, { speaker: 'john' }, {}]) expect(await search.scoped(OPERATOR_SCOPE).searchQuotes(q)).toEqual(memory.searchQuotes(q));
      for (const typed of ['', 'ma', 'john', 'jane']) expect(await search.scoped(OPERATOR_SCOPE).suggestSpeakers(typed)).toEqual(memory.suggestSpeakers(typed));
      expect(await search.scoped(OPERATOR_SCOPE).suggestArticles('')).toEqual(memory.suggestArticles(''));
      expect((await search.scoped(OPERATOR_SCOPE).suggestSpeakers('john')).length).toBe(0);
    });

    it('an article put again unchanged (a feed article shelved again at start) is not rewritten; a changed one is', async () => {
      await load(trilingualLibrary());
      const keys = async (): Promise<string[]> => (await pool.query<{ key: string }>("SELECT key::text FROM search_quotes WHERE article_id = 'maire-pont' ORDER BY idx")).rows.map((r) => r.key);
      const before = await keys();
      writer.put(OPERATOR_SCOPE, trilingualLibrary().find((a) => a.id === 'maire-pont')!);
      await writer.flush();
      expect(await keys()).toEqual(before);
      writer.put(OPERATOR_SCOPE, article('maire-pont', 'Le maire inaugure le pont', 3000, '', [{ text: 'Un autre pont', speaker: 'Élodie Martin' }], 'fr'));
      await writer.flush();
      expect(await keys()).not.toEqual(before);
      expect(ids(await search.scoped(OPERATOR_SCOPE).searchQuotes({ query: 'autre' }))).toEqual(['maire-pont#0']);
    });

    it('reconcile writes only what changed and removes what is gone', async () => {
      const articles = trilingualLibrary();
      await pool.query('TRUNCATE search_quotes, search_articles, search_speakers');
      expect(await writer.reconcile(OPERATOR_SCOPE, articles)).toEqual({ written: articles.length, removed: 0 });
      expect(await writer.reconcile(OPERATOR_SCOPE, articles)).toEqual({ written: 0, removed: 0 });
      const changed = article('peace-talks', 'Peace talks stall in Geneva', 4000, '', [{ text: 'No deal today', speaker: 'Ann Envoy' }], 'en');
      const next = [...articles.filter((a) => a.id !== 'peace-talks' && a.id !== 'cairo-school'), changed];
      expect(await writer.reconcile(OPERATOR_SCOPE, next)).toEqual({ written: 1, removed: 1 });
      const memory = memoryIndex(next);
      expect(await search.scoped(OPERATOR_SCOPE).searchQuotes({})).toEqual(memory.searchQuotes({}));
      expect(await search.scoped(OPERATOR_SCOPE).suggestSpeakers('')).toEqual(memory.suggestSpeakers(''));
    });

    it('text Postgres cannot store (NUL, a lone surrogate) is written with U+FFFD, and its batch is not lost', async () => {
      const odd = article('odd', 'Odd\u0000 title \ud800', 100, '', [{ text: 'A quote with NUL\u0000 and \udc00 inside', speaker: 'Nul\u0000 Person' }], 'en');
      await load([odd, ...trilingualLibrary()]);
      expect(refused).toEqual([]);
      expect(ids(await search.scoped(OPERATOR_SCOPE).searchQuotes({ query: 'inside' }))).toEqual(['odd#0']);
      expect((await search.scoped(OPERATOR_SCOPE).searchQuotes({})).length).toBe(10);
    });
  });
});
