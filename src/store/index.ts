import { openDatabase, type OpenDatabaseOptions } from './database';
import { SqliteDeliveryStore } from './sqlite-deliveries';
import { SqliteFeedStore } from './sqlite-feeds';
import { SqliteScheduleStore } from './sqlite-schedules';
import type { StoreWithFeeds } from './types';

export type * from './types';
export { openDatabase } from './database';
export { migrate, schemaVersion, MIGRATIONS } from './migrations';
export { SqliteScheduleStore } from './sqlite-schedules';
export { SqliteDeliveryStore } from './sqlite-deliveries';
export { SqliteFeedStore } from './sqlite-feeds';

/**
 * The default {@link Store}: SQLite at `path` (created with its folder on first
 * start, WAL, migrations applied). `close()` closes the connection.
 */
export function createSqliteStore(path: string, options: OpenDatabaseOptions = {}): StoreWithFeeds {
  const db = openDatabase(path, options);
  return {
    schedules: new SqliteScheduleStore(db),
    deliveries: new SqliteDeliveryStore(db),
    feeds: new SqliteFeedStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
