import type pg from 'pg';
import type { AsyncStore, ChangeSignal } from '../types';
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
    ...changeSignal(pool),
    close: () => pool.end(),
  };
}

/** The channel schedule changes are announced on. */
const CHANNEL = 'briefing_schedules';

/** `NOTIFY` / `LISTEN` on {@link CHANNEL}; a listener holds one client of the pool until it stops. */
function changeSignal(pool: pg.Pool): Required<ChangeSignal> {
  return {
    async announceChange() {
      await pool.query(`NOTIFY ${CHANNEL}`);
    },
    async onChange(listener) {
      const client = await pool.connect();
      const onNotification = (message: pg.Notification): void => {
        if (message.channel === CHANNEL) listener();
      };
      client.on('notification', onNotification);
      await client.query(`LISTEN ${CHANNEL}`);
      return async () => {
        client.off('notification', onNotification);
        await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
        client.release();
      };
    },
  };
}
