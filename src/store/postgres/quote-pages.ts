import type pg from 'pg';
import { guildKey, newPageToken, QUOTE_PAGE_COLUMNS as COLUMNS, QUOTE_PAGES_TTL_MS, quotePageFromRow, quotePageValues, TOKEN_TRIES, type QuotePageRow } from '../quote-pages';
import type { Async, QuotePageStore, QuoteSearch, QuoteSearchRecord } from '../types';

/** Most expired searches one `put` deletes (more than any replica keeps between two searches). */
const PRUNE_BATCH = 500;

/**
 * The expired searches no other process is deleting at this moment (`SKIP
 * LOCKED`: replicas pruning together neither wait for nor deadlock on one
 * another), at most `$1` of them, older than `$2`.
 */
const EXPIRED = 'SELECT token FROM quote_pages WHERE created_at < $2 LIMIT $1 FOR UPDATE SKIP LOCKED';

/**
 * {@link QuotePageStore} on Postgres, shared by every replica: a search kept
 * by one is paged by any other. Each `put` is one statement that also deletes
 * a batch of expired searches.
 */
export class PostgresQuotePageStore implements Async<QuotePageStore> {
  constructor(private readonly pool: pg.Pool, private readonly ttlMs = QUOTE_PAGES_TTL_MS) {}

  async put(search: QuoteSearch, now: number): Promise<string> {
    for (let i = 0; i < TOKEN_TRIES; i++) {
      const token = newPageToken();
      const result = await this.pool.query(`WITH expired AS (DELETE FROM quote_pages WHERE token IN (${EXPIRED}))
        INSERT INTO quote_pages (${COLUMNS}) VALUES ($3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (token) DO NOTHING`,
      [PRUNE_BATCH, now - this.ttlMs, ...quotePageValues(token, search, now)]);
      if (result.rowCount === 1) return token;
    }
    throw new Error('no free /quote page token');
  }

  async get(token: string, guildId: string | null, now: number): Promise<QuoteSearchRecord | undefined> {
    const { rows } = await this.pool.query<QuotePageRow>(`SELECT ${COLUMNS} FROM quote_pages WHERE token = $1 AND guild_id = $2 AND created_at >= $3`, [token, guildKey(guildId), now - this.ttlMs]);
    return rows[0] && quotePageFromRow(rows[0]);
  }

  async prune(now: number): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM quote_pages WHERE token IN (${EXPIRED})`, [null, now - this.ttlMs]);
    return rowCount ?? 0;
  }
}
