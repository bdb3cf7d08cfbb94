import { statSync } from 'node:fs';

/**
 * A database that cannot be opened or migrated, in one line naming the file
 * and the reason, e.g. `Database ./data/briefing.db: unable to open (directory
 * does not exist)` or `Database x.db: is not a Briefing database or is corrupt
 * (file is not a database)`. `cause` keeps the original error for the log.
 */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(readonly path: string, readonly reason: string, options?: { cause?: unknown }) {
    super(`Database ${path}: ${reason}`, options);
  }
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'directory does not exist',
  ENOTDIR: 'a part of its folder path is a file',
  EEXIST: 'a part of its folder path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on the device',
};

const CORRUPT = 'is not a Briefing database or is corrupt';

function fields(error: unknown): { code: string; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  return { code: typeof e.code === 'string' ? e.code : '', message: typeof e.message === 'string' ? e.message : String(error) };
}

/** Why SQLite could not open `path` ("unable to open database file" says neither): a folder, a missing folder, permissions. */
function cannotOpenReason(path: string, fallback: string): string {
  try {
    if (statSync(path).isDirectory()) return FS_REASONS.EISDIR!;
    return fallback;
  } catch (error) {
    return FS_REASONS[fields(error).code] ?? fallback;
  }
}

/** The reason part of a {@link DatabaseError} for an error thrown while opening or migrating. */
export function describeDatabaseError(path: string, error: unknown): string {
  const { code, message } = fields(error);
  const detail = message.split('\n')[0]!.trim();
  if (FS_REASONS[code]) return `unable to open (${FS_REASONS[code]})`;
  if (/directory does not exist/i.test(detail)) return `unable to open (directory does not exist)`;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) return `${CORRUPT} (${detail})`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `unable to open (${cannotOpenReason(path, detail)})`;
  if (code.startsWith('SQLITE_READONLY')) return `is read-only (${detail})`;
  if (code === 'SQLITE_FULL') return `disk full (${detail})`;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) return `is locked by another process (${detail})`;
  if (/already exists|no such (table|column)/.test(detail)) return `${CORRUPT} (${detail})`;
  return detail || 'unknown error';
}

/** `error` as a {@link DatabaseError} for `path` (unchanged when it already is one). */
export function toDatabaseError(path: string, error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  return new DatabaseError(path, describeDatabaseError(path, error), { cause: error });
}
