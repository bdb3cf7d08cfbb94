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

/** One try at the ingest lock: true once held (logged, `onLost` armed), false while another process holds it. */
async function takeLock(options: Omit<LeadOptions, 'retryMs'>, tookOver: boolean): Promise<boolean> {
  const { locks, logger, signal } = options;
  if (!(await locks.tryLock(INGEST_LOCK))) return false;
  let held = true;
  locks.onLost((error) => {
    if (!held || signal.aborted) return;
    held = false;
    options.onLost(error);
  });
  logger.info({ lock: INGEST_LOCK, tookOver }, tookOver ? 'ingest lock taken over: this process is now the active ingest' : 'ingest lock taken: this process is the active ingest');
  return true;
}

const logStandby = (logger: LeadOptions['logger']): void => logger.info({ lock: INGEST_LOCK }, 'ingest standby: another process holds the ingest lock; waiting to take over');

/**
 * One try, for a process that carries on either way (`ROLE=all` with
 * `DATABASE_URL`): true if it now leads (logged as {@link waitToLead} does);
 * false, with the standby line, if another process holds the lock. Such a
 * process then calls {@link waitToLead} with `standby: true` to take over later.
 */
export async function tryToLead(options: Omit<LeadOptions, 'retryMs'>): Promise<boolean> {
  if (await takeLock(options, false)) return true;
  logStandby(options.logger);
  return false;
}

/**
 * `ROLE=ingest`: exactly one active process per database. Take the ingest
 * lock (a Postgres session advisory lock on the store's dedicated
 * connection, released by Postgres the moment its holder dies); while
 * another process holds it, wait as a standby, trying again every
 * `retryMs`. Logs which one this process is (the standby line once; not at
 * all with `standby`, already logged by {@link tryToLead}). Resolves true
 * once this process leads, false when `signal` aborts first.
 */
export async function waitToLead(options: LeadOptions & { standby?: boolean }): Promise<boolean> {
  const { logger, signal } = options;
  let standby = options.standby ?? false;
  while (!signal.aborted) {
    if (await takeLock(options, standby)) return true;
    if (!standby) logStandby(logger);
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
