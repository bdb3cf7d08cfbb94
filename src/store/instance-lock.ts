import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { DatabaseError, toDatabaseError } from './database-errors';

/** The lock file of a database: beside it, `<database>.lock`. */
export const lockPathOf = (databasePath: string): string => `${databasePath}.lock`;

/**
 * Proof that this process is the only Briefing instance on a database file:
 * an exclusive SQLite lock (POSIX `fcntl`, also honoured between connections
 * of one process) on `<database>.lock`, held for as long as the process runs.
 * The operating system releases it when the process dies, SIGKILL included,
 * so a restart takes over at once and no stale lease has to expire.
 */
export class InstanceLock {
  private readonly identity: string;

  private constructor(private readonly db: Database, readonly path: string) {
    const info = statSync(path);
    this.identity = `${info.dev}:${info.ino}`;
  }

  /** True while the lock file this lock holds is still the one at its path (it was not deleted with its folder). */
  isInPlace(): boolean {
    try {
      const info = statSync(this.path);
      return `${info.dev}:${info.ino}` === this.identity;
    } catch {
      return false;
    }
  }

  /**
   * Take the lock of `databasePath`, or refuse at once.
   *
   * @throws DatabaseError naming the database when another instance holds it.
   */
  static acquire(databasePath: string): InstanceLock {
    const path = lockPathOf(databasePath);
    let db: Database;
    try {
      mkdirSync(dirname(path), { recursive: true });
      db = new BetterSqlite3(path, { timeout: 0 });
    } catch (error) {
      throw toDatabaseError(databasePath, error);
    }
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('CREATE TABLE IF NOT EXISTS instance (pid INTEGER, started_at INTEGER)');
      db.exec('BEGIN EXCLUSIVE');
      db.prepare('INSERT INTO instance (pid, started_at) VALUES (?, ?)').run(process.pid, Date.now());
      return new InstanceLock(db, path);
    } catch (error) {
      db.close();
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
        throw new DatabaseError(databasePath, `in use by another running Briefing instance (${path} is locked); only one instance may run on a database file`, { cause: error });
      }
      throw toDatabaseError(databasePath, error);
    }
  }

  /** Let another instance take over (closing the connection drops the lock). */
  release(): void {
    if (this.db.open) this.db.close();
  }
}
