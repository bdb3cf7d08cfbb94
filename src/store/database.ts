import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { DatabaseError, toDatabaseError } from './database-errors';
import { migrate } from './migrations';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** How long a write waits for a lock held by another connection, ms (default 5000). */
  busyTimeoutMs?: number;
}

/** Refuse a database file whose mode allows nobody to write (root could, but the operator said no). */
function refuseReadOnlyFile(path: string): void {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return;
  }
  if ((mode & 0o170000) === 0o100000 && (mode & 0o222) === 0) {
    throw new DatabaseError(path, `is read-only (file mode ${(mode & 0o777).toString(8)}); make it writable`);
  }
}

function openAndMigrate(path: string, options: OpenDatabaseOptions): Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    refuseReadOnlyFile(path);
  }
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

/**
 * Open (creating it and its folder on first start) the SQLite database at
 * `path`, with WAL journaling, foreign keys on, a busy timeout, and every
 * migration applied. `:memory:` opens a private in-memory database.
 *
 * @throws DatabaseError: one line naming the file and the reason (missing or
 * unwritable folder, read-only file, not a database, corrupt).
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  try {
    return openAndMigrate(path, options);
  } catch (error) {
    throw toDatabaseError(path, error);
  }
}
