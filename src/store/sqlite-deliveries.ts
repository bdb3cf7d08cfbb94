import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BegunDelivery, DeliveryRecord, DeliveryStatus, DeliveryStore, SkippedArticle } from './types';
import { DEFAULT_DELIVERY_LEASE_MS, DELIVERY_COLUMNS as COLUMNS, deliveryFromRow as toRecord, type DeliveryRow } from './rows';


function prepare(db: Database) {
  return {
    statuses: db.prepare('SELECT article_id, status FROM deliveries WHERE channel_id = ?').raw(),
    get: db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? AND article_id = ?`),
    // A retry keeps the row's first nonce: only the status, the attempt count, the owner and the lease move.
    // A pending row is taken only once its lease ran out. Adopted ones have a lease of 0 (ended); without a lease (begun before leases) it is its owner's alone.
    begin: db.prepare(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at, content_key, owner, lease_until)
      VALUES (@channelId, @articleId, @scheduleId, 'pending', @nonce, 1, @now, @now, @contentKey, @owner, @leaseUntil)
      ON CONFLICT (channel_id, article_id) DO UPDATE SET status = 'pending', attempts = attempts + 1, updated_at = @now,
        schedule_id = coalesce(schedule_id, @scheduleId), content_key = coalesce(@contentKey, content_key), owner = @owner, lease_until = @leaseUntil
      WHERE status IN ('failed', 'uncertain') OR (status = 'pending' AND (lease_until <= @now OR (lease_until IS NULL AND (owner IS NULL OR owner IS @owner))))
      RETURNING ${COLUMNS}`),
    // Recorded only by the owner still holding the row: a worker whose row was taken over changes nothing.
    sent: db.prepare(`UPDATE deliveries SET status = 'sent', message_id = ?, error = NULL, updated_at = ?, lease_until = NULL
      WHERE channel_id = ? AND article_id = ? AND status = 'pending' AND owner IS ?`),
    failed: db.prepare(`UPDATE deliveries SET status = ?, error = ?, updated_at = ?, lease_until = NULL
      WHERE channel_id = ? AND article_id = ? AND status = 'pending' AND owner IS ?`),
    withStatus: db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? AND status = ? ORDER BY created_at, id LIMIT ?`),
    skip: db.prepare(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at, content_key)
      VALUES (?, ?, ?, 'skipped', '', 0, ?, ?, ?) ON CONFLICT (channel_id, article_id) DO NOTHING`),
    pendingChannels: db.prepare(`SELECT DISTINCT channel_id FROM deliveries WHERE status = 'pending'`).pluck(),
    // The lease ends at once (0): whichever run reaches the row first takes it.
    adopt: db.prepare(`UPDATE deliveries SET owner = ?, lease_until = 0 WHERE status = 'pending' AND owner IS NOT ?`),
    settledContent: db.prepare(`SELECT DISTINCT content_key FROM deliveries
      WHERE channel_id = ? AND content_key IS NOT NULL AND status IN ('sent', 'skipped', 'rejected', 'uncertain')`).pluck(),
    countStatus: db.prepare('SELECT count(*) FROM deliveries WHERE channel_id = ? AND status = ?').pluck(),
  };
}

/**
 * {@link DeliveryStore} on SQLite. `UNIQUE(channel_id, article_id)` is what
 * forbids a second post; `owner` (a random id per store instance) keeps one
 * instance from reopening a delivery another one has in flight.
 */
export class SqliteDeliveryStore implements DeliveryStore {
  private q: ReturnType<typeof prepare>;
  private skipMany!: (channelId: string, articles: readonly SkippedArticle[], scheduleId: number, now: number) => number;

  constructor(db: Database, readonly owner: string = randomUUID()) {
    this.q = prepare(db);
    this.bind(db);
  }

  /** Prepare the statements again on another connection (the database file was restored and reopened). */
  rebind(db: Database): void {
    this.q = prepare(db);
    this.bind(db);
  }

  private bind(db: Database): void {
    this.skipMany = db.transaction((channelId: string, articles: readonly SkippedArticle[], scheduleId: number, now: number) =>
      articles.reduce((n, article) => n + this.q.skip.run(channelId, article.id, scheduleId, now, now, article.contentKey ?? null).changes, 0),
    );
  }

  statusesForChannel(channelId: string): Map<string, DeliveryStatus> {
    return new Map(this.q.statuses.all(channelId) as Array<[string, DeliveryStatus]>);
  }

  get(channelId: string, articleId: string): DeliveryRecord | undefined {
    const row = this.q.get.get(channelId, articleId) as DeliveryRow | undefined;
    return row && toRecord(row);
  }

  begin(channelId: string, articleId: string, scheduleId: number | null, nonce: string, now: number, contentKey: string | null = null, leaseMs = DEFAULT_DELIVERY_LEASE_MS): BegunDelivery {
    const row = this.q.begin.get({ channelId, articleId, scheduleId, nonce, now, contentKey, owner: this.owner, leaseUntil: now + leaseMs }) as DeliveryRow | undefined;
    if (row) return { ...toRecord(row), claimed: true };
    // Already sent, skipped or rejected, or pending under a running lease: report it as it stands.
    const existing = this.get(channelId, articleId);
    if (!existing) throw new Error(`delivery of ${articleId} to ${channelId} could not be recorded`);
    return { ...existing, claimed: false };
  }

  markSent(channelId: string, articleId: string, messageId: string, now: number): boolean {
    return this.q.sent.run(messageId, now, channelId, articleId, this.owner).changes > 0;
  }

  markFailed(channelId: string, articleId: string, status: 'failed' | 'rejected' | 'uncertain', error: string, now: number): boolean {
    return this.q.failed.run(status, error.slice(0, 500), now, channelId, articleId, this.owner).changes > 0;
  }

  withStatus(channelId: string, status: DeliveryStatus, limit: number): DeliveryRecord[] {
    return (this.q.withStatus.all(channelId, status, limit) as DeliveryRow[]).map(toRecord);
  }

  skip(channelId: string, articles: readonly SkippedArticle[], scheduleId: number, now: number): number {
    return this.skipMany(channelId, articles, scheduleId, now);
  }

  channelsWithPending(): string[] {
    return this.q.pendingChannels.all() as string[];
  }

  adoptPending(): number {
    return this.q.adopt.run(this.owner, this.owner).changes;
  }

  settledContentKeys(channelId: string): Set<string> {
    return new Set(this.q.settledContent.all(channelId) as string[]);
  }

  countWithStatus(channelId: string, status: DeliveryStatus): number {
    return this.q.countStatus.get(channelId, status) as number;
  }
}
