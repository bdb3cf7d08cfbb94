import type pg from 'pg';
import { ARTICLE_COLUMNS, FEED_COLUMNS, prunableArticlesSql, toArticle, toFeed, type ArticleRow, type FeedRow } from '../sqlite-feeds';
import type { Async, FeedArticleRecord, FeedCheck, FeedRecord, FeedStore, NewFeed, PrunedArticle } from '../types';
import { claimDueRows, inTransaction } from './pool';

/** An article still owed to its feed's channel: no delivery, or one left pending or failed. */
const OWED = `(d.status IS NULL OR d.status IN ('pending', 'failed'))`;

/** {@link FeedStore} on Postgres (the same contract as SQLite's, as promises). Removing a feed removes its seen keys and articles (ON DELETE CASCADE). */
export class PostgresFeedStore implements Async<FeedStore> {
  constructor(private readonly pool: pg.Pool) {}

  private async feeds(sql: string, params: unknown[]): Promise<FeedRecord[]> {
    return (await this.pool.query<FeedRow>(sql, params)).rows.map(toFeed);
  }

  private async articles(sql: string, params: unknown[]): Promise<FeedArticleRecord[]> {
    return (await this.pool.query<ArticleRow>(sql, params)).rows.map(toArticle);
  }

  async create(f: NewFeed): Promise<FeedRecord | undefined> {
    return (await this.feeds(`INSERT INTO feeds (guild_id, channel_id, url, title, created_by, created_at, next_check_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (guild_id, channel_id, url) DO NOTHING RETURNING ${FEED_COLUMNS}`, [f.guildId, f.channelId, f.url, f.title, f.createdBy, f.createdAt, f.nextCheckAt]))[0];
  }

  async get(id: number): Promise<FeedRecord | undefined> {
    return (await this.feeds(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = $1`, [id]))[0];
  }

  async getInGuild(guildId: string, id: number): Promise<FeedRecord | undefined> {
    return (await this.feeds(`SELECT ${FEED_COLUMNS} FROM feeds WHERE guild_id = $1 AND id = $2`, [guildId, id]))[0];
  }

  listByGuild(guildId: string): Promise<FeedRecord[]> {
    return this.feeds(`SELECT ${FEED_COLUMNS} FROM feeds WHERE guild_id = $1 ORDER BY id`, [guildId]);
  }

  async remove(guildId: string, id: number): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM feeds WHERE guild_id = $1 AND id = $2', [guildId, id])).rowCount ?? 0) > 0;
  }

  async pause(id: number, reason: string, at: number): Promise<void> {
    await this.pool.query('UPDATE feeds SET paused_reason = $1, paused_at = $2, last_detail = $3 WHERE id = $4', [reason, at, `paused: ${reason}`, id]);
  }

  async resume(id: number, nextCheckAt: number): Promise<void> {
    await this.pool.query('UPDATE feeds SET paused_reason = NULL, paused_at = NULL, failures = 0, next_check_at = $1 WHERE id = $2', [nextCheckAt, id]);
  }

  due(now: number, limit = 100): Promise<FeedRecord[]> {
    return this.feeds(`SELECT ${FEED_COLUMNS} FROM feeds WHERE paused_reason IS NULL AND next_check_at <= $1 ORDER BY next_check_at LIMIT $2`, [now, limit]);
  }

  async earliestNextCheck(): Promise<number | undefined> {
    return (await this.pool.query<{ v: number | null }>('SELECT min(next_check_at) AS v FROM feeds WHERE paused_reason IS NULL')).rows[0]?.v ?? undefined;
  }

  async setNextCheck(id: number, nextCheckAt: number): Promise<void> {
    await this.pool.query('UPDATE feeds SET next_check_at = $1 WHERE id = $2', [nextCheckAt, id]);
  }

  /** `FOR UPDATE SKIP LOCKED`: checkers claiming at the same moment split the due feeds between them without waiting. */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<FeedRecord[]> {
    return (await claimDueRows<FeedRow>(this.pool, { table: 'feeds', columns: FEED_COLUMNS, dueColumn: 'next_check_at' }, now, limit, leaseMs)).map(toFeed);
  }

  async recordCheck(id: number, check: FeedCheck): Promise<void> {
    const setValidators = check.etag !== undefined || check.lastModified !== undefined;
    await this.pool.query(`UPDATE feeds SET last_check_at = $2, next_check_at = $3, failures = $4, last_detail = $5,
      etag = CASE WHEN $6 THEN $7 ELSE etag END, last_modified = CASE WHEN $6 THEN $8 ELSE last_modified END,
      url = coalesce($9, url), title = coalesce($10, title) WHERE id = $1`,
    [id, check.at, check.nextCheckAt, check.failures, check.detail.slice(0, 300), setValidators, check.etag ?? null, check.lastModified ?? null, check.url ?? null, check.title ?? null]);
  }

  async seen(feedId: number, keys: readonly string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const result = await this.pool.query<{ key: string }>('SELECT key FROM feed_seen WHERE feed_id = $1 AND key = ANY($2::text[])', [feedId, [...keys]]);
    return new Set(result.rows.map((r) => r.key));
  }

  remember(feedId: number, keys: readonly string[], articles: readonly FeedArticleRecord[], at: number): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      if (keys.length) {
        await client.query(`INSERT INTO feed_seen (feed_id, key, seen_at) SELECT DISTINCT $1::bigint, k, $3::bigint FROM unnest($2::text[]) AS k
          ON CONFLICT (feed_id, key) DO UPDATE SET seen_at = GREATEST(feed_seen.seen_at, EXCLUDED.seen_at)`, [feedId, [...keys], at]);
      }
      for (const a of articles) {
        await client.query(`INSERT INTO feed_articles (id, feed_id, guild_id, item_key, url, title, author, source, published_at, text, fetched_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
        [a.id, a.feedId, a.guildId, a.itemKey, a.url, a.title, a.author, a.source, a.publishedAt, a.text, a.fetchedAt]);
      }
    });
  }

  async forgetOlder(feedId: number, olderThanMs: number): Promise<number> {
    // Relative to the feed's own latest sighting: a feed that stops changing (304s) keeps every key.
    const result = await this.pool.query('DELETE FROM feed_seen WHERE feed_id = $1 AND seen_at < (SELECT max(seen_at) FROM feed_seen WHERE feed_id = $1) - $2', [feedId, olderThanMs]);
    return result.rowCount ?? 0;
  }

  owed(feedId: number, channelId: string): Promise<FeedArticleRecord[]> {
    return this.articles(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a LEFT JOIN deliveries d ON d.channel_id = $1 AND d.article_id = a.id
      WHERE a.feed_id = $2 AND ${OWED} ORDER BY a.published_at, a.id`, [channelId, feedId]);
  }

  async getArticle(id: string): Promise<FeedArticleRecord | undefined> {
    return (await this.articles(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a WHERE a.id = $1`, [id]))[0];
  }

  articlesOfGuild(guildId: string): Promise<FeedArticleRecord[]> {
    return this.articles(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a WHERE a.guild_id = $1 ORDER BY a.published_at, a.id`, [guildId]);
  }

  allArticles(): Promise<FeedArticleRecord[]> {
    return this.articles(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a ORDER BY a.published_at, a.id`, []);
  }

  articlesFetchedSince(since: number): Promise<FeedArticleRecord[]> {
    return this.articles(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a WHERE a.fetched_at >= $1 ORDER BY a.fetched_at, a.id`, [since]);
  }

  async storedArticleIds(): Promise<PrunedArticle[]> {
    return (await this.pool.query<PrunedArticle>('SELECT id, guild_id AS "guildId" FROM feed_articles ORDER BY id')).rows;
  }

  async makeDueWithOwed(now: number): Promise<number> {
    const result = await this.pool.query(`UPDATE feeds SET next_check_at = LEAST(next_check_at, $1) WHERE paused_reason IS NULL AND EXISTS (
      SELECT 1 FROM feed_articles a LEFT JOIN deliveries d ON d.channel_id = feeds.channel_id AND d.article_id = a.id
      WHERE a.feed_id = feeds.id AND ${OWED})`, [now]);
    return result.rowCount ?? 0;
  }

  async pruneArticles(fetchedBefore: number, keepNewest: number): Promise<PrunedArticle[]> {
    const sql = `DELETE FROM feed_articles WHERE id IN (${prunableArticlesSql('$1::bigint', '$2::bigint')}) RETURNING id, guild_id AS "guildId"`;
    return (await this.pool.query<PrunedArticle>(sql, [fetchedBefore, keepNewest])).rows;
  }
}
