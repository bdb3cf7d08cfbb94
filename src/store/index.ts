import { openDatabase, type OpenDatabaseOptions } from './database';
import { SqliteDeliveryStore } from './sqlite-deliveries';
import { SqliteScheduleStore } from './sqlite-schedules';
import type { Store } from './types';

export type * from './types';
export { openDatabase } from './database';
export { migrate, schemaVersion, MIGRATIONS } from './migrations';
export { SqliteScheduleStore } from './sqlite-schedules';
export { SqliteDeliveryStore } from './sqlite-deliveries';

/**
 * The default {@link Store}: SQLite at `path` (created with its folder on first
 * start, WAL, migrations applied). `close()` closes the connection.
 */
export function createSqliteStore(path: string, options: OpenDatabaseOptions = {}): Store {
  const db = openDatabase(path, options);
  return {
    schedules: new SqliteScheduleStore(db),
    deliveries: new SqliteDeliveryStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
