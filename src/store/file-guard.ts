import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';

/** What {@link FileGuard.check} found. */
export type FileCheck = 'ok' | 'restored';

/** The identity of a file on disk, or null when the path is gone. */
function identityOf(path: string): string | null {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

/** Write `bytes` to `path` durably: a temporary file beside it, fsync'd, then renamed over it. */
function writeAtomically(path: string, bytes: Buffer): void {
  const temp = `${path}.restoring-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    try {
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Watches the database file under an open connection. SQLite goes on writing
 * to a file that was deleted (or replaced) while open, and everything written
 * is lost at the next start. {@link check} notices (the path is gone or is
 * another file), writes the connection's whole content back to the path
 * (a replacement is first moved aside to `<path>.replaced-<time>`), and hands
 * back a connection on the restored file.
 */
export class FileGuard {
  private identity: string | null;

  constructor(private readonly path: string, private db: Database, private readonly reopen: (path: string) => Database) {
    this.identity = identityOf(path);
  }

  /** The connection in use (a new one after a restore). */
  get database(): Database {
    return this.db;
  }

  /**
   * Compare the path with the file opened; restore it when it is gone or
   * replaced. Synchronous: nothing else writes while it runs.
   *
   * @returns `restored` when the file was written back and reopened (the caller rebinds its statements).
   */
  check(): FileCheck {
    if (this.identity === null || !this.db.open) return 'ok';
    const now = identityOf(this.path);
    if (now === this.identity) return 'ok';
    // Written back before the old connection is closed: should writing fail (a full disk), that connection and its data stay, and the next check tries again.
    const bytes = this.db.serialize();
    mkdirSync(dirname(this.path), { recursive: true });
    if (now !== null) renameSync(this.path, `${this.path}.replaced-${Date.now()}`);
    // The -wal and -shm left beside the path belong to the old, unlinked file: replayed onto the restored one they would corrupt it.
    for (const suffix of ['-wal', '-shm']) if (existsSync(this.path + suffix)) rmSync(this.path + suffix, { force: true });
    writeAtomically(this.path, bytes);
    this.db.close();
    this.db = this.reopen(this.path);
    this.identity = identityOf(this.path);
    return 'restored';
  }
}
