/**
 * Query plans of `PostgresArticles` on a generated library (not part of
 * `npm run bench`): `npx tsx bench/articles-plan.ts [articles]` starts a
 * throwaway cluster, fills `search_articles` with that many operator
 * articles (default 100,000; one in ten with its summary pending, half with
 * quotes, many at equal times) and 2,000 of one server, then prints
 * `EXPLAIN (ANALYZE, BUFFERS)` of each reader query and the round trip of a
 * stream page read from the middle. Every query must be index scans (no
 * `Seq Scan`, no sort of the whole scope).
 */
import type pg from 'pg';
import { createPool, migratePostgres } from '../src/store/postgres';
import { PostgresArticles } from '../src/store/postgres/articles';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres } from '../tests/support/postgres';

const GUILD = '100000000000000001';

/**
 * `count` articles of `scope`: ids `<prefix><n>`, times 10 s apart in pairs
 * (equal times). The ids are ASCII, so their UTF-8 bytes order them as the
 * writer's UTF-16 stream ids do (Postgres has no UTF-16 conversion).
 */
const FILL = `
  INSERT INTO search_articles (scope, id, title, published, names, signature, title_terms, any_terms, article, article_signature, stream_id, summary_pending, quoted)
  SELECT $1, $2 || n, 'title ' || n, (n / 2) * 10000, ARRAY[$2 || n], 'sig', ''::tsvector, ''::tsvector,
         jsonb_build_object('id', $2 || n, 'timestamp', (n / 2) * 10000, 'format', 'txt', 'meta', '{}'::jsonb, 'mtimeMs', 0,
           'briefing', jsonb_build_object('headline', 'title ' || n, 'language', 'en', 'direction', 'ltr', 'sections', '[]'::jsonb,
             'quotes', CASE WHEN n % 2 = 0 THEN jsonb_build_array(jsonb_build_object('text', 'words', 'speaker', null, 'paragraph', 0, 'partial', false)) ELSE '[]'::jsonb END,
             'summary', jsonb_build_array(repeat('a summary sentence ', 60)))),
         'asig', convert_to($2 || n, 'UTF8'), n % 10 = 3, n % 2 = 0
  FROM generate_series(1, $3::int) AS n`;

async function explain(pool: pg.Pool, label: string, sql: string, params: unknown[]): Promise<void> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
  console.log(`\n== ${label}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
}

async function main(): Promise<void> {
  if (!POSTGRES_BIN) return console.log(POSTGRES_SKIP_REASON);
  const size = Number(process.argv[2] ?? 100_000);
  const cluster = (await startPostgres())!;
  const pool = createPool(await cluster.createDatabase('articles_plan'));
  try {
    await migratePostgres(pool);
    await pool.query(FILL, ['', 'p', size]);
    await pool.query(FILL, [GUILD, 'g', 2000]);
    await pool.query('VACUUM (ANALYZE) search_articles');
    const logged: Array<{ text: string; values: unknown[] }> = [];
    const spy = { query: (text: string, values: unknown[]) => (logged.push({ text, values }), pool.query(text, values)) } as unknown as pg.Pool;
    const reader = new PostgresArticles(spy).reader(GUILD);
    const middle = { position: { at: Math.floor(size / 4) * 10000, id: `p${Math.floor(size / 2)}` }, exclusive: true };
    for (const [label, call] of [
      ['stream: a page of 50 from the middle (server: both scopes)', () => reader.stream(middle, 50)],
      ['stream: a DM page of 50 from the middle', () => new PostgresArticles(spy).reader(null).stream(middle, 50)],
      ['newest (server)', () => reader.newest()],
      ['newestQuoted (server)', () => reader.newestQuoted()],
      ['get (server)', () => reader.get(`p${size - 1}`)],
    ] as const) {
      logged.length = 0;
      await call();
      await explain(pool, label, logged[0]!.text, logged[0]!.values);
    }
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let n = 0; n < 200; n++) {
      const at = Math.floor(((n * 7919) % size) / 2) * 10000;
      const start = performance.now();
      await reader.stream({ position: { at, id: '' } }, 50);
      times.push(performance.now() - start);
    }
    const used = process.cpuUsage(cpu);
    times.sort((a, b) => a - b);
    console.log(`\n200 stream pages of 50 at random places of ${size} articles: p50 ${times[100]!.toFixed(2)} ms, p99 ${times[197]!.toFixed(2)} ms wall; this process's CPU ${((used.user + used.system) / 1000 / 200).toFixed(2)} ms per page (the rest is the server's; the machine is loaded)`);
  } finally {
    await pool.end();
    await cluster.stop();
  }
}

void main();
