import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { waitFor } from '../library/helpers';
import { memoryReader } from '../../src/library';
import { createPool } from '../../src/store/postgres';
import { PostgresArticles } from '../../src/store/postgres/articles';
import { startApp, type AppUnderTest } from './app-harness';

/**
 * With DATABASE_URL, the bot composed in-process (real discord.js client,
 * fake Discord, real Postgres) writes its library's articles and quotes to
 * the search tables and answers `/quote` and autocomplete from them.
 */
type Json = Record<string, unknown>;

if (!POSTGRES_BIN) console.log(`Postgres search end-to-end tests ${POSTGRES_SKIP_REASON}`);

const article = (title: string, published: string, language: string, quote: string): string =>
  ['---', `title: ${title}`, `published: ${published}`, `language: ${language}`, '---', quote].join('\n\n');

const files: Record<string, string> = {
  'tram-ar.md': article('الترام الجديد في الإسكندرية', '2024-03-01', 'ar', 'وقالت الوزيرة ليلى حسن: «سنُنجز مشروعَ الترام والجسرِ في موعده كما وعدنا المواطنين».'),
  'bridge-en.md': article('The new Bridge opens', '2024-03-02', 'en', '"We will deliver the bridge on time, as promised to every resident," said councillor Mary Jones.'),
  'pont-fr.md': article('Le nouveau pont', '2024-03-03', 'fr', '« Nous livrerons le pont à temps, comme promis aux électeurs », a déclaré la maire Claire Martin.'),
};

let cluster: TestPostgres | undefined;
let t: AppUnderTest;
let db: pg.Client;
let pool: pg.Pool;
let contentDir: string;

const embedsOf = (shown: Json): Array<{ description?: string }> => (shown.embeds as Array<{ description?: string }> | undefined) ?? [];

describe.skipIf(!POSTGRES_BIN)('DATABASE_URL: /quote and autocomplete read Postgres', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    const url = await cluster!.createDatabase('search_e2e');
    t = await startApp({ files, env: { DATABASE_URL: url } });
    contentDir = t.app.ctx.config.contentDir;
    db = new pg.Client({ connectionString: url });
    await db.connect();
    pool = createPool(url, () => undefined, 2);
    await waitFor(() => t.lines.some((l) => l.msg === 'search tables in line with the library'), 30_000, 'the search tables');
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    await pool?.end();
    await t?.stop();
    await cluster?.stop();
  });

  afterEach(() => {
    expect(t.fake.handlerErrors).toEqual([]);
  });

  it('writes every article and key quote of the library at start', async () => {
    const { rows } = await db.query<{ id: string; quotes: string }>('SELECT a.id, count(q.key)::text AS quotes FROM search_articles a LEFT JOIN search_quotes q ON q.scope = a.scope AND q.article_id = a.id GROUP BY a.id ORDER BY a.id');
    expect(rows.map((r) => r.id)).toEqual(['bridge-en', 'pont-fr', 'tram-ar']);
    expect(rows.every((r) => Number(r.quotes) >= 1)).toBe(true);
  });

  it('stores the whole articles too: Postgres reads them back as the library does (ar/en/fr, stream, newest, by id)', async () => {
    const stored = new PostgresArticles(pool).reader(null);
    const memory = memoryReader(t.app.library!);
    expect(await stored.stream(null, 10)).toEqual(await memory.stream(null, 10));
    expect((await stored.newest())?.id).toBe('pont-fr');
    expect(await stored.newestQuoted()).toEqual(await memory.newestQuoted());
    for (const id of ['tram-ar', 'bridge-en', 'pont-fr']) expect(await stored.get(id)).toEqual(await memory.get(id));
  });

  it.each([
    ['Arabic, typed without diacritics and without و+ال', { query: 'جسر' }, 'الترام'],
    ['English, upper case', { query: 'BRIDGE' }, 'bridge'],
    ['French, without accents', { query: 'electeurs' }, 'pont'],
  ])('/quote %s finds the quote', async (_name, options, expected) => {
    const shown = await t.fake.dispatchCommand('quote', options).visible(10_000);
    expect(embedsOf(shown)).toHaveLength(1);
    expect(embedsOf(shown)[0]!.description).toContain(expected);
  });

  it('answers from Postgres, not from memory: a quote taken out of the table is no longer found', async () => {
    await db.query("DELETE FROM search_quotes WHERE article_id = 'pont-fr'");
    const shown = await t.fake.dispatchCommand('quote', { query: 'electeurs' }).visible(10_000);
    expect(String(shown.content)).toMatch(/No quote matches/);
    // The library still has it in memory (the next start's reconcile writes it back).
    expect(t.app.library!.search.searchQuotes({ query: 'electeurs' })).toHaveLength(1);
  });

  it('follows the library: a new file is found, a removed one no longer', async () => {
    writeFileSync(join(contentDir, 'tram-en.md'), article('Tram line approved', '2024-03-04', 'en', '"The tramway will carry ten thousand riders a day," said engineer Omar Haddad.'));
    await waitForQuote('tramway', 1);
    const stored = new PostgresArticles(pool).reader(null);
    expect(await stored.newest()).toEqual(t.app.library!.get('tram-en'));
    const speakers = await t.fake.dispatchAutocomplete('quote', 'speaker', 'omar').response(10_000);
    expect((speakers.data?.choices as Array<{ name: string }>).map((c) => c.name)).toEqual(['Omar Haddad']);
    const articles = await t.fake.dispatchAutocomplete('brief', 'article', 'tram').response(10_000);
    expect((articles.data?.choices as Array<{ value: string }>).map((c) => c.value)).toEqual(['tram-en', 'tram-ar']);
    rmSync(join(contentDir, 'tram-en.md'));
    await waitForQuote('tramway', 0);
    expect(await stored.get('tram-en')).toBeUndefined();
    expect((await stored.newest())?.id).toBe('pont-fr');
  });

  it('sent only payloads valid against Discord’s OpenAPI spec', () => {
    assertAllValid(t.fake);
  });
});

/** Wait until the search table has `count` quotes with this word (the library saw the file and the writer wrote it). */
async function waitForQuote(word: string, count: number): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    const { rows } = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM search_quotes WHERE text_terms @@ to_tsquery('simple', $1)", [word]);
    if (Number(rows[0]!.n) === count) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${count} quotes with ${word}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
