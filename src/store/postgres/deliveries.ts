import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Async, BegunDelivery, DeliveryRecord, DeliveryStatus, DeliveryStore, SkippedArticle } from '../types';
import { DEFAULT_DELIVERY_LEASE_MS, DELIVERY_COLUMNS as COLUMNS, deliveryFromRow as toRecord, type DeliveryRow } from '../rows';


/** The database's clock in epoch ms: every worker's owner lease is measured by one clock. */
export const DB_NOW_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/** How long an owner's lease lasts without renewal (default), ms; renewed every third of it. */
export const OWNER_LEASE_MS = 60_000;


/**
 * {@link DeliveryStore} on Postgres. `UNIQUE(channel_id, article_id)` is what
 * forbids a second post, across every worker; `owner` (a random id per store)
 * keeps one worker from reopening a delivery another has in flight. An owner
 * is alive while its lease in `store_owners` runs ({@link renewLease}, on a
 * timer of the store); only a dead owner's pending rows are adopted.
 */
export class PostgresDeliveryStore implements Async<DeliveryStore> {
  constructor(private readonly pool: pg.Pool, readonly owner: string = randomUUID()) {}

  /** Write (or extend) this owner's lease: alive for `leaseMs` more by the database's clock. */
  async renewLease(leaseMs = OWNER_LEASE_MS): Promise<void> {
    await this.pool.query(`INSERT INTO store_owners (owner, lease_until) VALUES ($1, ${DB_NOW_MS} + $2)
      ON CONFLICT (owner) DO UPDATE SET lease_until = EXCLUDED.lease_until`, [this.owner, leaseMs]);
  }

  /** End this owner's lease at once (a clean stop): its pending rows may be adopted by the next scheduler that starts. */
  async endLease(): Promise<void> {
    await this.pool.query('DELETE FROM store_owners WHERE owner = $1', [this.owner]);
  }

  async statusesForChannel(channelId: string): Promise<Map<string, DeliveryStatus>> {
    const result = await this.pool.query<{ article_id: string; status: DeliveryStatus }>('SELECT article_id, status FROM deliveries WHERE channel_id = $1', [channelId]);
    return new Map(result.rows.map((r) => [r.article_id, r.status]));
  }

  async get(channelId: string, articleId: string): Promise<DeliveryRecord | undefined> {
    const row = (await this.pool.query<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = $1 AND article_id = $2`, [channelId, articleId])).rows[0];
    return row && toRecord(row);
  }

  async begin(channelId: string, articleId: string, scheduleId: number | null, nonce: string, now: number, contentKey: string | null = null, leaseMs = DEFAULT_DELIVERY_LEASE_MS): Promise<BegunDelivery> {
    // A retry keeps the row's first nonce: only the status, the attempt count, the owner and the lease move.
    // A pending row is taken only once its lease ran out. Adopted ones have a lease of 0 (ended); without a lease (begun before leases) it is its owner's alone.
    const result = await this.pool.query<DeliveryRow>(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at, content_key, owner, lease_until)
      VALUES ($1, $2, $3, 'pending', $4, 1, $5, $5, $6, $7, $8)
      ON CONFLICT (channel_id, article_id) DO UPDATE SET status = 'pending', attempts = deliveries.attempts + 1, updated_at = $5,
        schedule_id = coalesce(deliveries.schedule_id, EXCLUDED.schedule_id), content_key = coalesce(EXCLUDED.content_key, deliveries.content_key), owner = $7, lease_until = $8
      WHERE deliveries.status IN ('failed', 'uncertain') OR (deliveries.status = 'pending' AND (deliveries.lease_until <= $5
        OR (deliveries.lease_until IS NULL AND (deliveries.owner IS NULL OR deliveries.owner = $7))))
      RETURNING ${COLUMNS}`, [channelId, articleId, scheduleId, nonce, now, contentKey, this.owner, now + leaseMs]);
    if (result.rows[0]) return { ...toRecord(result.rows[0]), claimed: true };
    // Already sent, skipped or rejected, or pending under a running lease: report it as it stands.
    const existing = await this.get(channelId, articleId);
    if (!existing) throw new Error(`delivery of ${articleId} to ${channelId} could not be recorded`);
    return { ...existing, claimed: false };
  }

  /** Only while this owner still holds the row pending: a worker whose row was taken over changes nothing. */
  async markSent(channelId: string, articleId: string, messageId: string, now: number): Promise<boolean> {
    const result = await this.pool.query(`UPDATE deliveries SET status = 'sent', message_id = $1, error = NULL, updated_at = $2, lease_until = NULL
      WHERE channel_id = $3 AND article_id = $4 AND status = 'pending' AND owner = $5`, [messageId, now, channelId, articleId, this.owner]);
    return (result.rowCount ?? 0) > 0;
  }

  async markFailed(channelId: string, articleId: string, status: 'failed' | 'rejected' | 'uncertain', error: string, now: number): Promise<boolean> {
    const result = await this.pool.query(`UPDATE deliveries SET status = $1, error = $2, updated_at = $3, lease_until = NULL
      WHERE channel_id = $4 AND article_id = $5 AND status = 'pending' AND owner = $6`, [status, error.slice(0, 500), now, channelId, articleId, this.owner]);
    return (result.rowCount ?? 0) > 0;
  }

  async withStatus(channelId: string, status: DeliveryStatus, limit: number): Promise<DeliveryRecord[]> {
    const result = await this.pool.query<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE channel_id = $1 AND status = $2 ORDER BY created_at, id LIMIT $3`, [channelId, status, limit]);
    return result.rows.map(toRecord);
  }

  async skip(channelId: string, articles: readonly SkippedArticle[], scheduleId: number, now: number): Promise<number> {
    if (!articles.length) return 0;
    const result = await this.pool.query(`INSERT INTO deliveries (channel_id, article_id, schedule_id, status, nonce, attempts, created_at, updated_at, content_key)
      SELECT $1, a.id, $3, 'skipped', '', 0, $4, $4, a.content_key FROM unnest($2::text[], $5::text[]) AS a (id, content_key)
      ON CONFLICT (channel_id, article_id) DO NOTHING`,
    [channelId, articles.map((a) => a.id), scheduleId, now, articles.map((a) => a.contentKey ?? null)]);
    return result.rowCount ?? 0;
  }

  async channelsWithPending(): Promise<string[]> {
    return (await this.pool.query<{ channel_id: string }>(`SELECT DISTINCT channel_id FROM deliveries WHERE status = 'pending'`)).rows.map((r) => r.channel_id);
  }

  /**
   * The adopter becomes the owner (the row is not adopted again while it
   * lives) but the row's lease ends at once (0): whichever live worker runs
   * the channel's schedule next takes it in `begin`, not only the adopter
   * (a row only the adopter could take waited for its schedule's next due
   * time whenever another worker claimed the run).
   */
  async adoptPending(): Promise<number> {
    const result = await this.pool.query(`UPDATE deliveries SET owner = $1, lease_until = 0 WHERE status = 'pending' AND owner IS DISTINCT FROM $1
      AND (owner IS NULL OR NOT EXISTS (SELECT 1 FROM store_owners o WHERE o.owner = deliveries.owner AND o.lease_until > ${DB_NOW_MS}))`, [this.owner]);
    return result.rowCount ?? 0;
  }

  async settledContentKeys(channelId: string): Promise<Set<string>> {
    const result = await this.pool.query<{ content_key: string }>(`SELECT DISTINCT content_key FROM deliveries
      WHERE channel_id = $1 AND content_key IS NOT NULL AND status IN ('sent', 'skipped', 'rejected', 'uncertain')`, [channelId]);
    return new Set(result.rows.map((r) => r.content_key));
  }

  async countWithStatus(channelId: string, status: DeliveryStatus): Promise<number> {
    const result = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries WHERE channel_id = $1 AND status = $2', [channelId, status]);
    return result.rows[0]?.n ?? 0;
  }
}
