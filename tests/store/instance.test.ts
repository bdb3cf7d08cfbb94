import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, DatabaseError, type Store } from '../../src/store';
import { newSchedule, tempDir } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).reverse().forEach((fn) => fn()));

function dbPath(): string {
  const t = tempDir('briefing-instance-');
  cleanups.push(t.cleanup);
  return join(t.dir, 'data', 'briefing.db');
}

function open(path: string, exclusive = true): Store {
  const store = createSqliteStore(path, { exclusive, checkEveryMs: 0 });
  cleanups.push(() => store.close());
  return store;
}

function refusal(path: string): string {
  try {
    open(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseError);
    return (error as Error).message;
  }
  throw new Error('expected the second store to be refused');
}

describe('one instance per database file', () => {
  it('refuses a second store on the same file with one line naming the file, and lets one in once the first closes', () => {
    const path = dbPath();
    const first = open(path);
    const message = refusal(path);
    expect(message).toBe(`Database ${path}: in use by another running Briefing instance (${path}.lock is locked); only one instance may run on a database file`);
    first.close();
    expect(() => open(path)).not.toThrow();
  });

  it('is free again at once when the process holding it is killed with SIGKILL (no stale lease to wait for)', async () => {
    const path = dbPath();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/store/scripts/hold-store.ts', path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => child.kill('SIGKILL'));
    await new Promise<void>((done, fail) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && done());
      child.on('exit', (code) => fail(new Error(`holder exited with ${code}`)));
    });
    expect(refusal(path)).toMatch(/in use by another running Briefing instance/);
    const gone = new Promise((done) => child.on('exit', done));
    child.kill('SIGKILL');
    await gone;
    expect(() => open(path)).not.toThrow();
  }, 30_000);
});

describe('claims and deliveries between two connections on one file', () => {
  it('claimRuns is a compare-and-set on the lease: of two connections that both saw a schedule due, only the one that claimed it confirms the run', () => {
    const path = dbPath();
    const a = open(path, false);
    const b = open(path, false);
    const created = a.schedules.create(newSchedule({ nextRunAt: 1000 }));
    expect(b.schedules.due(2000).map((s) => s.id)).toEqual([created.id]);
    expect(a.schedules.claimDue(2000, 10, 60_000).map((s) => s.id)).toEqual([created.id]);
    expect(b.schedules.claimDue(2000, 10, 60_000)).toEqual([]);
    expect(b.schedules.claimRuns([{ id: created.id, to: 6000 }])).toEqual([]);
    expect(a.schedules.claimRuns([{ id: created.id, to: 5000 }])).toEqual([created.id]);
    expect(b.schedules.get(created.id)?.nextRunAt).toBe(5000);
  });

  it('never claims a paused schedule', () => {
    const store = open(dbPath());
    const created = store.schedules.create(newSchedule({ nextRunAt: 1000 }));
    store.schedules.pause(created.id, 'paused with /schedule pause', 1500);
    expect(store.schedules.claimDue(2000, 10, 60_000)).toEqual([]);
    expect(store.schedules.claimRuns([{ id: created.id, to: 5000 }])).toEqual([]);
  });

  it('begin() never reopens a delivery pending under a running lease, another instance’s or its own; a failed one it does', () => {
    const path = dbPath();
    const a = open(path, false);
    const b = open(path, false);
    const { id, channelId } = a.schedules.create(newSchedule());
    expect(a.deliveries.begin(channelId, 'بيان', id, 'n1', 1)).toMatchObject({ status: 'pending', owner: a.deliveries.owner, attempts: 1 });
    const byB = b.deliveries.begin(channelId, 'بيان', id, 'n2', 2);
    expect(byB).toMatchObject({ status: 'pending', owner: a.deliveries.owner, attempts: 1, nonce: 'n1' });
    expect(a.deliveries.begin(channelId, 'بيان', id, 'n3', 3)).toMatchObject({ owner: a.deliveries.owner, attempts: 1, claimed: false });
    expect(b.deliveries.markFailed(channelId, 'بيان', 'failed', 'HTTP 503', 4)).toBe(false);
    expect(a.deliveries.markFailed(channelId, 'بيان', 'failed', 'HTTP 503', 4)).toBe(true);
    expect(b.deliveries.begin(channelId, 'بيان', id, 'n4', 5)).toMatchObject({ status: 'pending', owner: b.deliveries.owner, attempts: 2, nonce: 'n1', claimed: true });
  });

  it('adoptPending() hands the pending deliveries of an instance that is gone to the new one', () => {
    const path = dbPath();
    const old = open(path);
    const { id, channelId } = old.schedules.create(newSchedule());
    old.deliveries.begin(channelId, 'speech', id, 'n1', 1);
    old.close();
    const next = open(path);
    expect(next.deliveries.begin(channelId, 'speech', id, 'n2', 2).attempts).toBe(1);
    expect(next.deliveries.adoptPending()).toBe(1);
    expect(next.deliveries.begin(channelId, 'speech', id, 'n2', 3)).toMatchObject({ owner: next.deliveries.owner, attempts: 2, nonce: 'n1' });
  });
});
