import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, migrate, MIGRATIONS, openDatabase, schemaVersion } from '../../src/store';
import { newSchedule, tempDir } from './helpers';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('openDatabase', () => {
  it('creates the file and its missing folders on first start', () => {
    const path = join(temp(), 'nested', 'deeper', 'briefing.db');
    const db = openDatabase(path);
    db.close();
    expect(existsSync(path)).toBe(true);
  });

  it.each([
    ['journal_mode', 'wal'],
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
  ])('sets pragma %s = %s', (pragma, expected) => {
    const db = openDatabase(join(temp(), 'p.db'));
    expect(db.pragma(pragma, { simple: true })).toBe(expected);
    db.close();
  });

  it('applies every migration once, and a second open applies none', () => {
    const path = join(temp(), 'm.db');
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDatabase(path);
    expect(migrate(again)).toEqual([]);
    expect(again.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    again.close();
  });

  it('rolls back a failing migration entirely', () => {
    const db = openDatabase(':memory:');
    const bad = [...MIGRATIONS, { version: 99, name: 'broken', up: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, bad)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0);
    db.close();
  });

  it('uses the partial index on next_run_at to find due schedules', () => {
    const db = openDatabase(':memory:');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM schedules WHERE paused_reason IS NULL AND next_run_at <= ? ORDER BY next_run_at LIMIT 10').all(0) as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/schedules_due/);
    db.close();
  });
});

describe('createSqliteStore', () => {
  it('keeps schedules and deliveries across a close and reopen', () => {
    const path = join(temp(), 'data', 'briefing.db');
    const first = createSqliteStore(path);
    const created = first.schedules.create(newSchedule());
    first.deliveries.begin(created.channelId, 'article-1', created.id, 'nonce-1', 1);
    first.deliveries.markSent(created.channelId, 'article-1', '900000000000000001', 2);
    first.close();

    const second = createSqliteStore(path);
    expect(second.schedules.get(created.id)).toEqual(created);
    expect(second.deliveries.get(created.channelId, 'article-1')).toMatchObject({ status: 'sent', nonce: 'nonce-1', messageId: '900000000000000001' });
    second.close();
  });

  it('close() twice is harmless', () => {
    const store = createSqliteStore(join(temp(), 'c.db'));
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
