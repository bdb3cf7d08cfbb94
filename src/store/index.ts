import { openDatabase, type OpenDatabaseOptions } from './database';
import { FileGuard } from './file-guard';
import { InstanceLock } from './instance-lock';
import { SqliteDeliveryStore } from './sqlite-deliveries';
import { SqliteFeedStore } from './sqlite-feeds';
import { SqliteQuotePageStore } from './sqlite-quote-pages';
import { SqliteScheduleStore } from './sqlite-schedules';
import type { StoreWithFeeds } from './types';

export type * from './types';
export { openDatabase } from './database';
export { DatabaseError, describeDatabaseError } from './database-errors';
export { InstanceLock, lockPathOf } from './instance-lock';
export { FileGuard } from './file-guard';
export { migrate, schemaVersion, MIGRATIONS } from './migrations';
export { DEFAULT_DELIVERY_LEASE_MS } from './rows';
export { SqliteScheduleStore } from './sqlite-schedules';
export { SqliteDeliveryStore } from './sqlite-deliveries';
export { SqliteFeedStore } from './sqlite-feeds';
export { SqliteQuotePageStore } from './sqlite-quote-pages';
export { QUOTE_PAGES_TTL_MS } from './quote-pages';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions extends OpenDatabaseOptions {
  /**
   * Hold the database's instance lock (default true for a file): a second
   * store on the same file, in this process or another, is refused.
   */
  exclusive?: boolean;
  /** How often the file is checked for deletion between calls of `checkFile()`, ms (default 5000; 0 = only those calls). */
  checkEveryMs?: number;
  /** Told when the file was found deleted or replaced and written back from the open connection. */
  onRestored?: (path: string) => void;
  /** Told when the check itself failed (the store then refuses to go on with a lost file). */
  onCheckFailed?: (error: unknown) => void;
}

/**
 * The default {@link Store}: SQLite at `path` (created with its folder on first
 * start, WAL, migrations applied), held by this process alone (see
 * {@link InstanceLock}) and guarded against the file being deleted while open
 * (see {@link FileGuard}). `close()` closes the connection and drops the lock.
 *
 * @throws DatabaseError naming the file and the reason when it cannot be opened or is in use.
 */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): StoreWithFeeds {
  const onFile = path !== ':memory:';
  let lock = onFile && options.exclusive !== false ? InstanceLock.acquire(path) : undefined;
  let db;
  try {
    db = openDatabase(path, options);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const deliveries = new SqliteDeliveryStore(db);
  // One owner per store instance, on the deliveries and the schedule leases it takes.
  const schedules = new SqliteScheduleStore(db, deliveries.owner);
  const feeds = new SqliteFeedStore(db);
  const quotePages = new SqliteQuotePageStore(db);
  const guard = onFile ? new FileGuard(path, db, (again) => openDatabase(again, options)) : undefined;
  const checkFile = (): void => {
    if (guard?.check() !== 'restored') return;
    schedules.rebind(guard.database);
    deliveries.rebind(guard.database);
    feeds.rebind(guard.database);
    quotePages.rebind(guard.database);
    // Deleted with its folder, the lock file must be taken again, or a second instance could start beside this one.
    if (lock && !lock.isInPlace()) {
      lock.release();
      lock = InstanceLock.acquire(path);
    }
    options.onRestored?.(path);
  };
  const every = options.checkEveryMs ?? 5000;
  const timer = guard && every > 0 ? setInterval(() => {
    try {
      checkFile();
    } catch (error) {
      options.onCheckFailed?.(error);
    }
  }, every) : undefined;
  timer?.unref();
  return {
    schedules,
    deliveries,
    feeds,
    quotePages,
    checkFile,
    close: () => {
      clearInterval(timer);
      const current = guard?.database ?? db;
      if (current.open) current.close();
      lock?.release();
    },
  };
}
