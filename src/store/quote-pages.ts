/**
 * The `quote_pages` rows (kept `/quote` searches) and how they become
 * records: one definition for the SQLite and the Postgres stores.
 */
import { randomBytes } from 'node:crypto';
import type { QuoteSearch, QuoteSearchRecord } from './types';

/** How long a `/quote` search's Previous/Next buttons keep working (from the search, not the last click). */
export const QUOTE_PAGES_TTL_MS = 15 * 60_000;

/** How many tries a token gets before `put` gives up (a clash of 48 random bits: never in practice). */
export const TOKEN_TRIES = 3;

/** A `quote_pages` row as both databases return it (`guild_id` is '' for a DM). */
export interface QuotePageRow {
  token: string;
  guild_id: string;
  user_id: string;
  language: string;
  query: string | null;
  speaker: string | null;
  article_id: string | null;
  created_at: number;
}

/** The columns of {@link QuotePageRow}, in order (also the insert's). */
export const QUOTE_PAGE_COLUMNS = 'token, guild_id, user_id, language, query, speaker, article_id, created_at';

/** A fresh random token: 6 bytes, 8 base64url characters (what `quote:<token>:<page>` custom ids carry). */
export function newPageToken(): string {
  return randomBytes(6).toString('base64url');
}

/** The stored form of a guild id: '' for a DM (a key column, never null). */
export function guildKey(guildId: string | null): string {
  return guildId ?? '';
}

/** The insert's values for `search` under `token`, in {@link QUOTE_PAGE_COLUMNS} order. */
export function quotePageValues(token: string, search: QuoteSearch, now: number): unknown[] {
  return [token, guildKey(search.guildId), search.userId, search.language, search.query, search.speaker, search.articleId, now];
}

/** A row as the store interface gives it. */
export function quotePageFromRow(row: QuotePageRow): QuoteSearchRecord {
  return {
    token: row.token,
    guildId: row.guild_id === '' ? null : row.guild_id,
    userId: row.user_id,
    language: row.language,
    query: row.query,
    speaker: row.speaker,
    articleId: row.article_id,
    createdAt: row.created_at,
  };
}
