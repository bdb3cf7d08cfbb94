/**
 * One run's planning on Postgres (not part of `npm run bench`):
 * `npx tsx bench/planning-postgres.ts [articles] [runs]` fills a throwaway
 * cluster with a generated library (default 100,000 operator articles a
 * minute apart, ar/en/fr ids, plus one server's 1,000 feed articles among
 * them) and a channel whose schedule was created 10,000 articles ago and
 * has settled all of them but the last 3 (sent, skipped, rejected and
 * uncertain rows with content keys, as runs write them: ~10,000 rows), beside 100,000 rows of 200 other channels.
 * Then it plans that run the plain way (the stream in pages of 20, the
 * channel's statuses in memory: what planning did before `streamOwed`) and
 * through `streamOwed`, alternately, and prints for each the queries, wall
 * p50 and this process's CPU a run (the server's CPU is not in it), and the
 * `EXPLAIN (ANALYZE, BUFFERS)` of the `streamOwed` query.
 */
import type pg from 'pg';
import type { ArticleReader } from '../src/library';
import { planRun, type PlanDeps } from '../src/scheduler/planning';
import { createPool, migratePostgres } from '../src/store/postgres';
import { PostgresArticles } from '../src/store/postgres/articles';
import { PostgresDeliveryStore } from '../src/store/postgres/deliveries';
import type { ScheduleRecord } from '../src/store/types';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres } from '../tests/support/postgres';
import { percentile } from './stats';

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';
const BACK = 10_000;
const OWED = 3;
const MINUTE = 60_000;

/** An id's `stream_id` in SQL for ASCII ids: UTF-16 big-endian, a zero byte before each. */
const STREAM_ID = `decode(regexp_replace(encode(convert_to(id, 'UTF8'), 'hex'), '(..)', '00\\1', 'g'), 'hex')`;
/** A briefing of a realistic size (headline, three summary lines, two quotes). */
const BRIEFING = JSON.stringify({
  headline: 'The government announces a new plan for the region', language: 'en', direction: 'ltr', sections: [],
  summary: ['The minister said the plan would start next month.', 'Officials expect the first results within a year.', 'Critics said the budget was too small.'],
  quotes: [{ text: 'We will start next month, and we will not stop', speaker: 'Jane Doe', paragraph: 1, partial: false }, { text: 'The budget is far too small', speaker: 'John Smith', paragraph: 3, partial: false }],
});

async function fill(pool: pg.Pool, articles: number): Promise<void> {
  const insert = (scope: string, series: string, published: string) => pool.query(`INSERT INTO search_articles (scope, id, title, published, names, signature, title_terms, any_terms, article, stream_id)
    SELECT $1, id, 'title', published, '{}', 'x', ''::tsvector, ''::tsvector,
      jsonb_build_object('id', id, 'format', 'md', 'meta', jsonb_build_object('title', 'title'), 'timestamp', published, 'mtimeMs', published, 'briefing', $2::jsonb, 'contentKey', md5(id)), ${STREAM_ID}
    FROM (SELECT (ARRAY['ar','en','fr'])[i % 3 + 1] || '-' || lpad(i::text, 7, '0') || $3 AS id, ${published} AS published FROM ${series} AS i) g`, [scope, BRIEFING, scope ? '-feed' : '']);
  await insert('', `generate_series(0, ${articles - 1})`, `i::bigint * ${MINUTE}`);
  // The server's feed articles: one every 100 minutes, 30 s after an operator article.
  await insert(GUILD, `generate_series(0, ${articles - 1}, 100)`, `i::bigint * ${MINUTE} + ${MINUTE / 2}`);
  const from = (articles - BACK) * MINUTE;
  const last = (articles - OWED) * MINUTE;
  // The channel: every article since its position settled but the last 3, and 3 rows from before it.
  await pool.query(`INSERT INTO deliveries (channel_id, article_id, status, nonce, attempts, created_at, updated_at, content_key)
    SELECT $1, id, (ARRAY['sent','sent','sent','skipped','rejected','uncertain'])[(published / ${MINUTE}) % 6 + 1], '', 1, 0, 0, md5(id) FROM search_articles
    WHERE (published >= $2 AND published < $3) OR (scope = '' AND published < ${3 * MINUTE})`, [CHANNEL, from, last]);
  await pool.query(`INSERT INTO deliveries (channel_id, article_id, status, nonce, attempts, created_at, updated_at, content_key)
    SELECT (300000000000000000 + c)::text, id, 'sent', '', 1, 0, 0, md5(id) FROM generate_series(1, 200) c, LATERAL (SELECT id FROM search_articles WHERE scope = '' AND published >= (c * 400)::bigint * ${MINUTE} ORDER BY published LIMIT 500) a`);
  await pool.query('VACUUM (ANALYZE)');
}

/** Counts (and keeps the last of) the queries planning sends. */
function counting(pool: pg.Pool): { queries: () => number; last: () => { text: string; values: unknown[] } } {
  let count = 0;
  let last = { text: '', values: [] as unknown[] };
  const query = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (text, values) => {
    count++;
    last = { text, values: values ?? [] };
    return query(text, values);
  };
  return { queries: () => count, last: () => last };
}

const plainOf = (reader: ArticleReader): ArticleReader => ({ get: reader.get, newest: reader.newest, newestQuoted: reader.newestQuoted, stream: reader.stream });

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const runs = Number(process.argv[3] ?? 20);
  if (!POSTGRES_BIN) throw new Error(`planning bench ${POSTGRES_SKIP_REASON}`);
  const cluster = (await startPostgres())!;
  const pool = createPool(await cluster.createDatabase('planning'));
  try {
    await migratePostgres(pool);
    const began = performance.now();
    await fill(pool, count);
    const rows = (await pool.query<{ n: number; all: number }>(`SELECT count(*) FILTER (WHERE channel_id = $1)::int AS n, count(*)::int AS all FROM deliveries`, [CHANNEL])).rows[0]!;
    console.log(`filled: ${count.toLocaleString('en')} + ${Math.ceil(count / 100)} server articles, ${rows.n} rows of the channel, ${rows.all} rows in all, in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    const store = { schedules: { markPrimed: () => undefined }, deliveries: new PostgresDeliveryStore(pool) } as unknown as PlanDeps['store'];
    const schedule: ScheduleRecord = { id: 1, guildId: GUILD, channelId: CHANNEL, when: '08:00', pattern: '0 8 * * *', timezone: 'UTC', createdBy: '1', createdAt: 0, pausedReason: null, lastRunAt: null, lastResult: null, lastDetail: null, nextRunAt: 0, leaseUntil: null, primed: true, position: { at: (count - BACK) * MINUTE, id: '' } };
    const counter = counting(pool);
    const reader = new PostgresArticles(pool).reader(GUILD);
    const ways: Array<[string, ArticleReader]> = [['plain (stream pages + statuses in memory)', plainOf(reader)], ['streamOwed (settled left out in SQL)', reader]];
    const results = new Map(ways.map(([name]) => [name, { wall: [] as number[], cpu: [] as number[], queries: 0, posted: '' }]));
    for (let run = 0; run < runs + 2; run++) {
      for (const [name, way] of ways) {
        const before = counter.queries();
        const cpu = process.cpuUsage();
        const start = performance.now();
        const plan = await planRun(schedule, way, { store }, 1);
        const wall = performance.now() - start;
        const used = process.cpuUsage(cpu);
        if (run < 2) continue; // warm-up
        const result = results.get(name)!;
        result.wall.push(wall);
        result.cpu.push((used.user + used.system) / 1000);
        result.queries = counter.queries() - before;
        result.posted = plan.articles.map((a) => a.id).join(', ');
      }
    }
    for (const [name, r] of results) {
      console.log(`${name}: ${r.queries} queries, wall p50 ${percentile(r.wall, 50).toFixed(1)} ms (p90 ${percentile(r.wall, 90).toFixed(1)}), this process's CPU p50 ${percentile(r.cpu, 50).toFixed(1)} ms, over ${r.wall.length} runs; plans ${r.posted}`);
    }
    await reader.streamOwed!({ position: schedule.position! }, CHANNEL, 20);
    const { text, values } = counter.last();
    const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of streamOwed (the server and the operator's scopes):\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
  } finally {
    await pool.end();
    await cluster.stop();
  }
}

await main();
