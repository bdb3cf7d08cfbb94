/**
 * Filling the sim's Postgres with set-based SQL (`generate_series`), and the
 * claim measurement: the two calls a scheduler tick makes to take its due
 * schedules, timed on the full database.
 */
import type pg from 'pg';
import type { AsyncStore } from '../src/store/types';

/** How big the sim's database is. */
export interface SimSizes {
  schedules: number;
  deliveries: number;
  articles: number;
  /** Channels all due at once in the spike (the first schedules). */
  spike: number;
}

/** Guild and channel ids of schedule number `g` (1-based), as SQL expressions. */
const GUILD_SQL = (g: string): string => `(100000000000000000 + (${g}) / 20)::text`;
const CHANNEL_SQL = (g: string): string => `(200000000000000000 + (${g}))::text`;

/** Channel id of schedule number `g`, as the SQL above makes it. */
export const simChannel = (g: number): string => String(200_000_000_000_000_000n + BigInt(g));

/**
 * Seed `sizes`: primed daily schedules (the spike's not due for two days yet;
 * the others due once each over the day after `base`), delivered articles
 * spread evenly over the channels, and feed articles of ~600 characters
 * under 1,000 feeds.
 */
export async function seed(client: pg.Client, sizes: SimSizes, base: number): Promise<void> {
  const others = Math.max(1, sizes.schedules - sizes.spike);
  await client.query(`
    INSERT INTO schedules (guild_id, channel_id, when_text, pattern, timezone, created_by, created_at, next_run_at, primed)
    SELECT ${GUILD_SQL('g')}, ${CHANNEL_SQL('g')}, '08:00', '0 8 * * *', 'UTC', '300000000000000001', $1::bigint,
      CASE WHEN g <= $2 THEN $1::bigint + 2 * 86400000 ELSE $1::bigint + ((g - $2) * 86400000::bigint) / $3 END, TRUE
    FROM generate_series(1, $4::int) AS g`, [base, sizes.spike, others, sizes.schedules]);
  await client.query(`
    INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, message_id, attempts, created_at, updated_at)
    SELECT ${CHANNEL_SQL('1 + d % $1')}, 'old-' || (d / $1), 1 + d % $1, 'sent', substr(md5(d::text), 1, 25), (1200000000000000000 + d)::text, 1, $2::bigint, $2::bigint
    FROM generate_series(0, $3::int - 1) AS d`, [sizes.schedules, base - 86_400_000, sizes.deliveries]);
  await client.query(`
    INSERT INTO feeds (guild_id, channel_id, url, created_by, created_at, next_check_at)
    SELECT ${GUILD_SQL('f * 20')}, ${CHANNEL_SQL('f')}, 'https://news.example/feed-' || f || '.xml', '300000000000000001', $1::bigint, $1::bigint + 86400000
    FROM generate_series(1, 1000) AS f`, [base]);
  await client.query(`
    INSERT INTO feed_articles (id, feed_id, guild_id, item_key, url, title, source, published_at, text, fetched_at)
    SELECT 'feed-' || a, f.id, f.guild_id, 'item-' || a, 'https://news.example/a/' || a, 'Article ' || a, 'news.example', $1::bigint - a::bigint * 60000, repeat('قال الوزير إن المحادثات ستستمر. The talks will go on. Les pourparlers continuent. ', 6), $1::bigint
    FROM generate_series(1, $2::int) AS a JOIN feeds f ON f.id = 1 + a % 1000`, [base, sizes.articles]);
  await client.query('ANALYZE');
}

/** Make the spike's schedules due at `at`. */
export async function startSpike(client: pg.Client, spike: number, at: number): Promise<void> {
  await client.query('UPDATE schedules SET next_run_at = $1 WHERE id <= $2', [at, spike]);
}

/**
 * Time `count` claims as a tick makes them (`claimDue` of what is due, then
 * `claimRuns` to the next day), every 30 s of schedule time from `from`;
 * each claimed run is then finished (`finishRun`, its lease ended), untimed,
 * as the run's end would. Returns each claim's ms and how many schedules each took.
 */
export async function timeClaims(store: AsyncStore, from: number, count: number): Promise<{ ms: number[]; taken: number[] }> {
  const ms: number[] = [];
  const taken: number[] = [];
  for (let k = 0; k < count; k++) {
    const at = from + k * 30_000;
    const started = performance.now();
    const due = await store.schedules.claimDue(at, 1000, 60_000);
    await store.schedules.claimRuns(due.map((s) => ({ id: s.id, to: s.nextRunAt + 86_400_000 })));
    ms.push(performance.now() - started);
    taken.push(due.length);
    for (const s of due) await store.schedules.finishRun(s.id, { at, result: 'ok', detail: 'nothing new' });
  }
  return { ms, taken };
}
