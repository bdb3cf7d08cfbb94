import type { SessionLocks } from './store/types';

/** The lock name only the active ingest process holds. */
export const INGEST_LOCK = 'briefing:ingest';

/** Options of {@link waitToLead}. */
export interface LeadOptions {
  locks: SessionLocks;
  /** Where the lead and standby lines go (a pino logger fits). */
  logger: { info(fields: object, msg: string): void };
  /** How often a standby tries the lock, ms (default 1 s). */
  retryMs?: number;
  /** Aborted: stop waiting (shutdown). */
  signal: AbortSignal;
  /** Called if the lock is lost while held (the connection to Postgres was cut): another process may take over now. */
  onLost: (error: Error) => void;
}

/**
 * `ROLE=ingest`: exactly one active process per database. Take the ingest
 * lock (a Postgres session advisory lock on the store's dedicated
 * connection, released by Postgres the moment its holder dies); while
 * another process holds it, wait as a standby, trying again every
 * `retryMs`. Logs which one this process is. Resolves true once this process
 * leads, false when `signal` aborts first.
 */
export async function waitToLead(options: LeadOptions): Promise<boolean> {
  const { locks, logger, signal } = options;
  let standby = false;
  while (!signal.aborted) {
    if (await locks.tryLock(INGEST_LOCK)) {
      let held = true;
      locks.onLost((error) => {
        if (!held || signal.aborted) return;
        held = false;
        options.onLost(error);
      });
      logger.info({ lock: INGEST_LOCK, tookOver: standby }, standby ? 'ingest lock taken over: this process is now the active ingest' : 'ingest lock taken: this process is the active ingest');
      return true;
    }
    if (!standby) logger.info({ lock: INGEST_LOCK }, 'ingest standby: another process holds the ingest lock; waiting to take over');
    standby = true;
    if (signal.aborted) break;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.retryMs ?? 1000);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }
  return false;
}
