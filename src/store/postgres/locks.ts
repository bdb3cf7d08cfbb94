import pg from 'pg';
import type { SessionLocks } from '../types';

/** The lock's 64-bit key: Postgres's own hash of the name (`hashtextextended`, Postgres 11+). */
const KEY = 'hashtextextended($1, 0)';

/** {@link SessionLocks} on a dedicated connection to `url`, opened at the first `tryLock` and again after a loss. */
export function createSessionLocks(url: string): SessionLocks {
  let connection: Promise<pg.Client> | undefined;
  let closed = false;
  const listeners: Array<(error: Error) => void> = [];
  const lost = new WeakSet<pg.Client>();
  const lose = (client: pg.Client, error: Error): void => {
    if (closed || lost.has(client)) return;
    lost.add(client);
    connection = undefined;
    client.end().catch(() => undefined);
    for (const listener of listeners) listener(error);
  };
  const connect = (): Promise<pg.Client> => {
    connection ??= (async () => {
      const client = new pg.Client({ connectionString: url, application_name: 'briefing-locks' });
      client.on('error', (error) => lose(client, error));
      client.on('end', () => lose(client, new Error('the lock connection to Postgres ended')));
      try {
        await client.connect();
      } catch (error) {
        connection = undefined;
        throw error;
      }
      return client;
    })();
    return connection;
  };
  return {
    async tryLock(name) {
      if (closed) return false;
      try {
        const client = await connect();
        return (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${KEY}) AS ok`, [name])).rows[0]?.ok === true;
      } catch {
        return false;
      }
    },
    async unlock(name) {
      const client = await connection?.catch(() => undefined);
      await client?.query(`SELECT pg_advisory_unlock(${KEY})`, [name]).catch(() => undefined);
    },
    onLost(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      const client = await connection?.catch(() => undefined);
      connection = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
