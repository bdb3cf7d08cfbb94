import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** How long a write waits for a lock held by another connection, ms (default 5000). */
  busyTimeoutMs?: number;
}

/**
 * Open (creating it and its folder on first start) the SQLite database at
 * `path`, with WAL journaling, foreign keys on, a busy timeout, and every
 * migration applied. `:memory:` opens a private in-memory database.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    // FULL: a `pending` delivery is on disk before its request leaves, even across a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
