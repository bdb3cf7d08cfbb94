import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openDatabase } from '../../src/store';
import { DatabaseError } from '../../src/store/database-errors';
import { tempDir } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function temp(): string {
  const t = tempDir('briefing-db-errors-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A real SQLite database whose pages after the header are overwritten. */
function corruptDatabase(path: string): void {
  const db = new BetterSqlite3(path);
  db.exec('CREATE TABLE t (x TEXT); INSERT INTO t VALUES (\'x\');');
  db.close();
  const bytes = Buffer.alloc(8192, 7);
  const original = new BetterSqlite3(path).serialize();
  original.copy(bytes, 0, 0, 100);
  writeFileSync(path, bytes);
}

const cases: Array<[string, (dir: string) => string, RegExp]> = [
  ['a folder that cannot be created (a file is in the way)', (dir) => {
    writeFileSync(join(dir, 'data'), 'not a folder');
    return join(dir, 'data', 'briefing.db');
  }, /: unable to open \(a part of its folder path is a file\)$/],
  ['a path that is a folder', (dir) => {
    mkdirSync(join(dir, 'briefing.db'));
    return join(dir, 'briefing.db');
  }, /: unable to open \(it is a directory\)$/],
  ['a text file (not a database)', (dir) => {
    writeFileSync(join(dir, 'notes.db'), 'DISCORD_TOKEN=… these are my notes, not a database\n'.repeat(100));
    return join(dir, 'notes.db');
  }, /: is not a Briefing database or is corrupt \(file is not a database\)$/],
  ['a corrupt database', (dir) => {
    corruptDatabase(join(dir, 'broken.db'));
    return join(dir, 'broken.db');
  }, /: is not a Briefing database or is corrupt \(database disk image is malformed\)$/],
  ['a read-only file', (dir) => {
    const path = join(dir, 'ro.db');
    openDatabase(path).close();
    chmodSync(path, 0o444);
    return path;
  }, /: is read-only \(/],
  ['another application’s database with a table of the same name', (dir) => {
    const path = join(dir, 'other.db');
    const db = new BetterSqlite3(path);
    db.exec('CREATE TABLE schedules (name TEXT)');
    db.close();
    return path;
  }, /: is not a Briefing database or is corrupt \(table schedules already exists\)$/],
];

describe('database errors name the file and the reason, in one line', () => {
  it.each(cases)('%s', (_label, make, reason) => {
    const path = make(temp());
    let thrown: unknown;
    try {
      createSqliteStore(path).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseError);
    const message = (thrown as Error).message;
    expect(message.startsWith(`Database ${path}: `)).toBe(true);
    expect(message).toMatch(reason);
    expect(message).not.toContain('\n');
  });

  it('a folder that does not exist yet is created, and the database opens', () => {
    const path = join(temp(), 'new', 'deeper', 'briefing.db');
    expect(() => createSqliteStore(path).close()).not.toThrow();
  });
});
