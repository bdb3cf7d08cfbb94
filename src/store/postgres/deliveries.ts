import type pg from 'pg';
import type { Async, DeliveryRecord, DeliveryStatus, DeliveryStore } from '../types';

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

/** {@link DeliveryStore} on Postgres. `UNIQUE(channel_id, article_id)` is what forbids a second post, across every worker. */
export class PostgresDeliveryStore implements Async<DeliveryStore> {
  constructor(private readonly pool: pg.Pool) {}

  async statusesForChannel(channelId: string): Promise<Map<string, DeliveryStatus>> {
    const result = await this.pool.query<{ article_id: string; status: DeliveryStatus }>('SELECT article_id, status FROM deliveries WHERE channel_id = $1', [channelId]);
    return new Map(result.rows.map((r) => [r.article_id, r.status]));
  }

  async get(channelId: string, articleId: string): Promise<DeliveryRecord | undefined> {
    const row = (await this.pool.query<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = $1 AND article_id = $2`, [channelId, articleId])).rows[0];
    return row && toRecord(row);
  }

  async begin(channelId: string, articleId: string, scheduleId: number, nonce: string, now: number): Promise<DeliveryRecord> {
    // A retry keeps the row's first nonce: only the status and the attempt count move.
    const result = await this.pool.query<DeliveryRow>(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at)
      VALUES ($1, $2, $3, 'pending', $4, 1, $5, $5)
      ON CONFLICT (channel_id, article_id) DO UPDATE SET status = 'pending', attempts = deliveries.attempts + 1, updated_at = $5,
        schedule_id = coalesce(deliveries.schedule_id, EXCLUDED.schedule_id)
      WHERE deliveries.status IN ('pending', 'failed')
      RETURNING ${COLUMNS}`, [channelId, articleId, scheduleId, nonce, now]);
    if (result.rows[0]) return toRecord(result.rows[0]);
    // Already sent, skipped or rejected: nothing to begin; report it as it stands.
    const existing = await this.get(channelId, articleId);
    if (!existing) throw new Error(`delivery of ${articleId} to ${channelId} could not be recorded`);
    return existing;
  }

  async markSent(channelId: string, articleId: string, messageId: string, now: number): Promise<void> {
    await this.pool.query(`UPDATE deliveries SET status = 'sent', message_id = $1, error = NULL, updated_at = $2 WHERE channel_id = $3 AND article_id = $4`, [messageId, now, channelId, articleId]);
  }

  async markFailed(channelId: string, articleId: string, status: 'failed' | 'rejected', error: string, now: number): Promise<void> {
    await this.pool.query('UPDATE deliveries SET status = $1, error = $2, updated_at = $3 WHERE channel_id = $4 AND article_id = $5', [status, error.slice(0, 500), now, channelId, articleId]);
  }

  async skip(channelId: string, articleIds: readonly string[], scheduleId: number, now: number): Promise<number> {
    if (!articleIds.length) return 0;
    const result = await this.pool.query(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at)
      SELECT $1, a, $3, 'skipped', '', 0, $4, $4 FROM unnest($2::text[]) AS a ON CONFLICT (channel_id, article_id) DO NOTHING`, [channelId, [...articleIds], scheduleId, now]);
    return result.rowCount ?? 0;
  }

  async channelsWithPending(): Promise<string[]> {
    return (await this.pool.query<{ channel_id: string }>(`SELECT DISTINCT channel_id FROM deliveries WHERE status = 'pending'`)).rows.map((r) => r.channel_id);
  }
}
