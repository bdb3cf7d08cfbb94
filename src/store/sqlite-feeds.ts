import type { Database } from 'better-sqlite3';
import type { FeedArticleRecord, FeedCheck, FeedRecord, FeedStore, NewFeed, PrunedArticle } from './types';

export interface FeedRow {
  id: number;
  guild_id: string;
  channel_id: string;
  url: string;
  title: string;
  etag: string | null;
  last_modified: string | null;
  created_by: string;
  created_at: number;
  last_check_at: number | null;
  next_check_at: number;
  failures: number;
  last_detail: string | null;
  paused_reason: string | null;
}

export interface ArticleRow {
  id: string;
  feed_id: number;
  guild_id: string;
  item_key: string;
  url: string | null;
  title: string;
  author: string | null;
  source: string;
  published_at: number;
  text: string;
  fetched_at: number;
}

export const FEED_COLUMNS = 'id, guild_id, channel_id, url, title, etag, last_modified, created_by, created_at, last_check_at, next_check_at, failures, last_detail, paused_reason';
export const ARTICLE_COLUMNS = 'a.id, a.feed_id, a.guild_id, a.item_key, a.url, a.title, a.author, a.source, a.published_at, a.text, a.fetched_at';
/**
 * Feed articles past retention: fetched before the cut-off, not among their
 * feed's newest (by publication), and not owed to the feed's channel (a
 * delivery exists and is final). `$cutoff`, `$keep`: the dialect's parameters.
 */
export function prunableArticlesSql(cutoff: string, keep: string): string {
  return `SELECT r.id FROM (
      SELECT a.id, a.feed_id, a.fetched_at, row_number() OVER (PARTITION BY a.feed_id ORDER BY a.published_at DESC, a.id DESC) AS newest
      FROM feed_articles a WHERE a.feed_id IN (SELECT o.feed_id FROM feed_articles o WHERE o.fetched_at < ${cutoff})
    ) r
    JOIN feeds f ON f.id = r.feed_id
    JOIN deliveries d ON d.channel_id = f.channel_id AND d.article_id = r.id
    WHERE r.fetched_at < ${cutoff} AND r.newest > ${keep} AND d.status NOT IN ('pending', 'failed')`;
}

/** Keys per `IN (…)` query: well under SQLite's parameter limit. */
const KEY_CHUNK = 500;

export function toFeed(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    url: row.url,
    title: row.title,
    etag: row.etag,
    lastModified: row.last_modified,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastCheckAt: row.last_check_at,
    nextCheckAt: row.next_check_at,
    failures: row.failures,
    lastDetail: row.last_detail,
    pausedReason: row.paused_reason,
  };
}

export function toArticle(row: ArticleRow): FeedArticleRecord {
  return {
    id: row.id,
    feedId: row.feed_id,
    guildId: row.guild_id,
    itemKey: row.item_key,
    url: row.url,
    title: row.title,
    author: row.author,
    source: row.source,
    publishedAt: row.published_at,
    text: row.text,
    fetchedAt: row.fetched_at,
  };
}

function prepare(db: Database) {
  return {
    insert: db.prepare(`INSERT INTO feeds (guild_id, channel_id, url, title, created_by, created_at, next_check_at)
      VALUES (@guildId, @channelId, @url, @title, @createdBy, @createdAt, @nextCheckAt)
      ON CONFLICT (guild_id, channel_id, url) DO NOTHING RETURNING ${FEED_COLUMNS}`),
    get: db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = ?`),
    getInGuild: db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE guild_id = ? AND id = ?`),
    listByGuild: db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE guild_id = ? ORDER BY id`),
    remove: db.prepare('DELETE FROM feeds WHERE guild_id = ? AND id = ?'),
    pause: db.prepare('UPDATE feeds SET paused_reason = ?, paused_at = ?, last_detail = ? WHERE id = ?'),
    resume: db.prepare('UPDATE feeds SET paused_reason = NULL, paused_at = NULL, failures = 0, next_check_at = ? WHERE id = ?'),
    due: db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE paused_reason IS NULL AND next_check_at <= ? ORDER BY next_check_at LIMIT ?`),
    earliest: db.prepare('SELECT min(next_check_at) FROM feeds WHERE paused_reason IS NULL').pluck(),
    setNext: db.prepare('UPDATE feeds SET next_check_at = ? WHERE id = ?'),
    record: db.prepare(`UPDATE feeds SET last_check_at = @at, next_check_at = @nextCheckAt, failures = @failures, last_detail = @detail,
      etag = CASE WHEN @setValidators THEN @etag ELSE etag END,
      last_modified = CASE WHEN @setValidators THEN @lastModified ELSE last_modified END,
      url = coalesce(@url, url), title = coalesce(@title, title) WHERE id = @id`),
    see: db.prepare('INSERT INTO feed_seen (feed_id, key, seen_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)'),
    // Relative to the feed's own latest sighting: a feed that stops changing (304s) keeps every key.
    forgetSeen: db.prepare('DELETE FROM feed_seen WHERE feed_id = ? AND seen_at < (SELECT max(seen_at) FROM feed_seen WHERE feed_id = ?) - ?'),
    saveArticle: db.prepare(`INSERT INTO feed_articles (id, feed_id, guild_id, item_key, url, title, author, source, published_at, text, fetched_at)
      VALUES (@id, @feedId, @guildId, @itemKey, @url, @title, @author, @source, @publishedAt, @text, @fetchedAt) ON CONFLICT (id) DO NOTHING`),
    owed: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a
      LEFT JOIN deliveries d ON d.channel_id = ? AND d.article_id = a.id
      WHERE a.feed_id = ? AND (d.status IS NULL OR d.status IN ('pending', 'failed')) ORDER BY a.published_at, a.id`),
    getArticle: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a WHERE a.id = ?`),
    ofGuild: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a WHERE a.guild_id = ? ORDER BY a.published_at, a.id`),
    all: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a ORDER BY a.published_at, a.id`),
    fetchedSince: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM feed_articles a WHERE a.fetched_at >= ? ORDER BY a.fetched_at, a.id`),
    storedIds: db.prepare('SELECT id, guild_id AS guildId FROM feed_articles ORDER BY id'),
    prune: db.prepare(`DELETE FROM feed_articles WHERE id IN (${prunableArticlesSql('@cutoff', '@keep')}) RETURNING id, guild_id AS guildId`),
    makeDueWithOwed: db.prepare(`UPDATE feeds SET next_check_at = min(next_check_at, ?) WHERE paused_reason IS NULL AND EXISTS (
      SELECT 1 FROM feed_articles a LEFT JOIN deliveries d ON d.channel_id = feeds.channel_id AND d.article_id = a.id
      WHERE a.feed_id = feeds.id AND (d.status IS NULL OR d.status IN ('pending', 'failed')))`),
  };
}

/** {@link FeedStore} on SQLite. Removing a feed removes its seen keys and articles (ON DELETE CASCADE). */
export class SqliteFeedStore implements FeedStore {
  private q!: ReturnType<typeof prepare>;
  private rememberTx!: (feedId: number, keys: readonly string[], articles: readonly FeedArticleRecord[], at: number) => void;
  private claimTx!: (now: number, limit: number, leaseMs: number) => FeedRecord[];

  constructor(private db: Database) {
    this.bind(db);
  }

  /** Prepare the statements again on another connection (the database file was restored and reopened). */
  rebind(db: Database): void {
    this.db = db;
    this.bind(db);
  }

  private bind(db: Database): void {
    this.q = prepare(db);
    this.rememberTx = db.transaction((feedId: number, keys: readonly string[], articles: readonly FeedArticleRecord[], at: number) => {
      for (const key of keys) this.q.see.run(feedId, key, at);
      for (const article of articles) this.q.saveArticle.run(article);
    });
    const claim = db.transaction((now: number, limit: number, leaseMs: number): FeedRecord[] => {
      const due = this.due(now, limit);
      for (const feed of due) this.q.setNext.run(now + leaseMs, feed.id);
      return due;
    });
    this.claimTx = (now, limit, leaseMs) => claim.immediate(now, limit, leaseMs);
  }

  create(feed: NewFeed): FeedRecord | undefined {
    const row = this.q.insert.get(feed) as FeedRow | undefined;
    return row && toFeed(row);
  }

  get(id: number): FeedRecord | undefined {
    const row = this.q.get.get(id) as FeedRow | undefined;
    return row && toFeed(row);
  }

  getInGuild(guildId: string, id: number): FeedRecord | undefined {
    const row = this.q.getInGuild.get(guildId, id) as FeedRow | undefined;
    return row && toFeed(row);
  }

  listByGuild(guildId: string): FeedRecord[] {
    return (this.q.listByGuild.all(guildId) as FeedRow[]).map(toFeed);
  }

  remove(guildId: string, id: number): boolean {
    return this.q.remove.run(guildId, id).changes > 0;
  }

  pause(id: number, reason: string, at: number): void {
    this.q.pause.run(reason, at, `paused: ${reason}`, id);
  }

  resume(id: number, nextCheckAt: number): void {
    this.q.resume.run(nextCheckAt, id);
  }

  due(now: number, limit = 100): FeedRecord[] {
    return (this.q.due.all(now, limit) as FeedRow[]).map(toFeed);
  }

  earliestNextCheck(): number | undefined {
    return (this.q.earliest.get() as number | null) ?? undefined;
  }

  setNextCheck(id: number, nextCheckAt: number): void {
    this.q.setNext.run(nextCheckAt, id);
  }

  claimDue(now: number, limit: number, leaseMs: number): FeedRecord[] {
    return this.claimTx(now, limit, leaseMs);
  }

  recordCheck(id: number, check: FeedCheck): void {
    const setValidators = check.etag !== undefined || check.lastModified !== undefined ? 1 : 0;
    this.q.record.run({
      id,
      at: check.at,
      nextCheckAt: check.nextCheckAt,
      failures: check.failures,
      detail: check.detail.slice(0, 300),
      setValidators,
      etag: check.etag ?? null,
      lastModified: check.lastModified ?? null,
      url: check.url ?? null,
      title: check.title ?? null,
    });
  }

  seen(feedId: number, keys: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += KEY_CHUNK) {
      const chunk = keys.slice(i, i + KEY_CHUNK);
      const rows = this.db.prepare(`SELECT key FROM feed_seen WHERE feed_id = ? AND key IN (${chunk.map(() => '?').join(',')})`).pluck().all(feedId, ...chunk) as string[];
      for (const key of rows) found.add(key);
    }
    return found;
  }

  remember(feedId: number, keys: readonly string[], articles: readonly FeedArticleRecord[], at: number): void {
    this.rememberTx(feedId, keys, articles, at);
  }

  forgetOlder(feedId: number, olderThanMs: number): number {
    return this.q.forgetSeen.run(feedId, feedId, olderThanMs).changes;
  }

  owed(feedId: number, channelId: string): FeedArticleRecord[] {
    return (this.q.owed.all(channelId, feedId) as ArticleRow[]).map(toArticle);
  }

  getArticle(id: string): FeedArticleRecord | undefined {
    const row = this.q.getArticle.get(id) as ArticleRow | undefined;
    return row && toArticle(row);
  }

  articlesOfGuild(guildId: string): FeedArticleRecord[] {
    return (this.q.ofGuild.all(guildId) as ArticleRow[]).map(toArticle);
  }

  allArticles(): FeedArticleRecord[] {
    return (this.q.all.all() as ArticleRow[]).map(toArticle);
  }

  articlesFetchedSince(since: number): FeedArticleRecord[] {
    return (this.q.fetchedSince.all(since) as ArticleRow[]).map(toArticle);
  }

  storedArticleIds(): PrunedArticle[] {
    return this.q.storedIds.all() as PrunedArticle[];
  }

  makeDueWithOwed(now: number): number {
    return this.q.makeDueWithOwed.run(now).changes;
  }

  pruneArticles(fetchedBefore: number, keepNewest: number): PrunedArticle[] {
    return this.q.prune.all({ cutoff: fetchedBefore, keep: keepNewest }) as PrunedArticle[];
  }
}
