import type { Database } from 'better-sqlite3';
import type { DeliveryRecord, DeliveryStatus, DeliveryStore } from './types';

interface DeliveryRow {
  channel_id: string;
  article_id: string;
  schedule_id: number | null;
  status: DeliveryStatus;
  nonce: string;
  message_id: string | null;
  attempts: number;
  error: string | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'channel_id, article_id, schedule_id, status, nonce, message_id, attempts, error, created_at, updated_at';

function toRecord(row: DeliveryRow): DeliveryRecord {
  return {
    channelId: row.channel_id,
    articleId: row.article_id,
    scheduleId: row.schedule_id,
    status: row.status,
    nonce: row.nonce,
    messageId: row.message_id,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function prepare(db: Database) {
  return {
    statuses: db.prepare('SELECT article_id, status FROM deliveries WHERE channel_id = ?').raw(),
    get: db.prepare(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = ? AND article_id = ?`),
    // A retry keeps the row's first nonce: only the status and the attempt count move.
    begin: db.prepare(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at)
      VALUES (@channelId, @articleId, @scheduleId, 'pending', @nonce, 1, @now, @now)
      ON CONFLICT (channel_id, article_id) DO UPDATE SET status = 'pending', attempts = attempts + 1, updated_at = @now,
        schedule_id = coalesce(schedule_id, @scheduleId)
      WHERE status IN ('pending', 'failed')
      RETURNING ${COLUMNS}`),
    sent: db.prepare(`UPDATE deliveries SET status = 'sent', message_id = ?, error = NULL, updated_at = ? WHERE channel_id = ? AND article_id = ?`),
    failed: db.prepare('UPDATE deliveries SET status = ?, error = ?, updated_at = ? WHERE channel_id = ? AND article_id = ?'),
    skip: db.prepare(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at)
      VALUES (?, ?, ?, 'skipped', '', 0, ?, ?) ON CONFLICT (channel_id, article_id) DO NOTHING`),
    pendingChannels: db.prepare(`SELECT DISTINCT channel_id FROM deliveries WHERE status = 'pending'`).pluck(),
  };
}

/** {@link DeliveryStore} on SQLite. `UNIQUE(channel_id, article_id)` is what forbids a second post. */
export class SqliteDeliveryStore implements DeliveryStore {
  private readonly q: ReturnType<typeof prepare>;
  private readonly skipMany: (channelId: string, articleIds: readonly string[], scheduleId: number, now: number) => number;

  constructor(db: Database) {
    this.q = prepare(db);
    this.skipMany = db.transaction((channelId: string, articleIds: readonly string[], scheduleId: number, now: number) =>
      articleIds.reduce((n, articleId) => n + this.q.skip.run(channelId, articleId, scheduleId, now, now).changes, 0),
    );
  }

  statusesForChannel(channelId: string): Map<string, DeliveryStatus> {
    return new Map(this.q.statuses.all(channelId) as Array<[string, DeliveryStatus]>);
  }

  get(channelId: string, articleId: string): DeliveryRecord | undefined {
    const row = this.q.get.get(channelId, articleId) as DeliveryRow | undefined;
    return row && toRecord(row);
  }

  begin(channelId: string, articleId: string, scheduleId: number | null, nonce: string, now: number): DeliveryRecord {
    const row = this.q.begin.get({ channelId, articleId, scheduleId, nonce, now }) as DeliveryRow | undefined;
    if (row) return toRecord(row);
    // Already sent, skipped or rejected: nothing to begin; report it as it stands.
    const existing = this.get(channelId, articleId);
    if (!existing) throw new Error(`delivery of ${articleId} to ${channelId} could not be recorded`);
    return existing;
  }

  markSent(channelId: string, articleId: string, messageId: string, now: number): void {
    this.q.sent.run(messageId, now, channelId, articleId);
  }

  markFailed(channelId: string, articleId: string, status: 'failed' | 'rejected', error: string, now: number): void {
    this.q.failed.run(status, error.slice(0, 500), now, channelId, articleId);
  }

  skip(channelId: string, articleIds: readonly string[], scheduleId: number, now: number): number {
    return this.skipMany(channelId, articleIds, scheduleId, now);
  }

  channelsWithPending(): string[] {
    return this.q.pendingChannels.all() as string[];
  }
}
