import type { AsyncStore } from '../types';
import { PostgresDeliveryStore } from './deliveries';
import { migratePostgres } from './migrate';
import { createPool } from './pool';
import { PostgresScheduleStore } from './schedules';

export { migratePostgres, postgresSchemaVersion } from './migrate';
export { createPool } from './pool';

/**
 * The {@link AsyncStore} on Postgres at `url` (`DATABASE_URL`), migrations
 * applied first (under an advisory lock, so replicas starting together
 * migrate once). `close()` ends the pool.
 */
export async function createPostgresStore(url: string, onError?: (error: Error) => void): Promise<AsyncStore> {
  const pool = createPool(url, onError);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    schedules: new PostgresScheduleStore(pool),
    deliveries: new PostgresDeliveryStore(pool),
    close: () => pool.end(),
  };
}
