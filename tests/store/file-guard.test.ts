import { existsSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tick } from '../../src/scheduler';
import { createSqliteStore, type Store } from '../../src/store';
import { article, FakeLibrary, FakePoster, renderForTest } from '../scheduler/helpers';
import { newSchedule, tempDir } from './helpers';
import { memoryReader } from '../../src/library/reader';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).reverse().forEach((fn) => fn()));

function dbPath(): string {
  const t = tempDir('briefing-guard-');
  cleanups.push(t.cleanup);
  return join(t.dir, 'data', 'briefing.db');
}

function open(path: string, onRestored?: (path: string) => void): Store {
  const store = createSqliteStore(path, { checkEveryMs: 0, onRestored });
  cleanups.push(() => store.close());
  return store;
}

const deletions: Array<[string, (path: string) => void]> = [
  ['the database file is deleted', (path) => unlinkSync(path)],
  ['its whole folder is deleted', (path) => rmSync(dirname(path), { recursive: true, force: true })],
];

describe('the database file deleted while the bot runs', () => {
  it.each(deletions)('%s: the next check writes everything back from the open connection, and a restart finds it all', (_label, remove) => {
    const path = dbPath();
    const restored: string[] = [];
    const store = open(path, (p) => restored.push(p));
    const first = store.schedules.create(newSchedule({ channelId: '200000000000000001' }));
    remove(path);
    // Written after the deletion, before anyone noticed: SQLite puts it in the unlinked file.
    const second = store.schedules.create(newSchedule({ channelId: '200000000000000002' }));
    store.checkFile!();
    expect(restored).toEqual([path]);
    expect(existsSync(path)).toBe(true);
    const third = store.schedules.create(newSchedule({ channelId: '200000000000000003' }));
    store.close();
    expect(existsSync(`${path}.lock`)).toBe(true);
    const reopened = open(path);
    expect(reopened.schedules.listByGuild(first.guildId).map((s) => s.id)).toEqual([first.id, second.id, third.id]);
  });

  it('control: without a check, what is written after the deletion is gone at the next start', () => {
    const path = dbPath();
    const store = open(path);
    store.schedules.create(newSchedule());
    unlinkSync(path);
    store.schedules.create(newSchedule({ channelId: '200000000000000002' }));
    store.close();
    for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    expect(open(path).schedules.listByGuild(newSchedule().guildId)).toEqual([]);
  });

  it('when the file cannot be written back yet (its folder path is blocked), the check fails loudly, keeps the connection, and the next one restores', () => {
    const path = dbPath();
    const store = open(path);
    const created = store.schedules.create(newSchedule());
    rmSync(dirname(path), { recursive: true, force: true });
    writeFileSync(dirname(path), 'a file where the folder was');
    expect(() => store.checkFile!()).toThrow(/EEXIST|ENOTDIR/);
    const later = store.schedules.create(newSchedule({ channelId: '200000000000000002' }));
    rmSync(dirname(path));
    store.checkFile!();
    store.close();
    expect(open(path).schedules.listByGuild(created.guildId).map((s) => s.id)).toEqual([created.id, later.id]);
  });

  it('a file put in its place is moved aside, not overwritten, and the bot’s data is restored', () => {
    const path = dbPath();
    const store = open(path);
    const created = store.schedules.create(newSchedule());
    unlinkSync(path);
    writeFileSync(path, 'someone else’s file');
    store.checkFile!();
    const aside = readdirSync(dirname(path)).filter((name) => name.startsWith('briefing.db.replaced-'));
    expect(aside).toHaveLength(1);
    store.close();
    expect(open(path).schedules.get(created.id)).toEqual(created);
  });

  it('a tick checks first: a schedule run after the deletion is recorded in the restored file', async () => {
    const path = dbPath();
    const store = open(path);
    const created = store.schedules.create(newSchedule({ nextRunAt: 1000 }));
    store.schedules.markPrimed(created.id);
    unlinkSync(path);
    const poster = new FakePoster();
    await tick(new Date(Date.UTC(2026, 0, 2, 8, 30)), { store, library: memoryReader(new FakeLibrary([article('news', 1)])), poster, render: renderForTest });
    expect(poster.postedTo(created.channelId)).toEqual(['news']);
    expect(existsSync(path)).toBe(true);
    store.close();
    expect(open(path).deliveries.get(created.channelId, 'news')?.status).toBe('sent');
  });

  it('the timer checks too, without any write', async () => {
    const path = dbPath();
    let restored!: () => void;
    const done = new Promise<void>((resolve) => (restored = resolve));
    const store = createSqliteStore(path, { checkEveryMs: 20, onRestored: () => restored() });
    cleanups.push(() => store.close());
    store.schedules.create(newSchedule());
    unlinkSync(path);
    await done;
    expect(existsSync(path)).toBe(true);
  });
});
