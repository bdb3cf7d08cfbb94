import { describe, expect, it } from 'vitest';
import { INGEST_LOCK, tryToLead, waitToLead } from '../../src/ingest-lock';
import type { SessionLocks } from '../../src/store/types';

/** Locks of one process over a shared map of holders (what Postgres keeps). */
function locksOf(holders: Map<string, string>, me: string): SessionLocks & { lose(): void } {
  const lost: Array<(error: Error) => void> = [];
  return {
    tryLock: async (name) => {
      const holder = holders.get(name);
      if (holder && holder !== me) return false;
      holders.set(name, me);
      return true;
    },
    unlock: async (name) => void (holders.get(name) === me && holders.delete(name)),
    onLost: (listener) => void lost.push(listener),
    close: async () => undefined,
    lose() {
      for (const [name, holder] of holders) if (holder === me) holders.delete(name);
      for (const listener of lost) listener(new Error('connection terminated'));
    },
  };
}

const logger = () => {
  const lines: string[] = [];
  return { lines, info: (_fields: unknown, msg: string) => void lines.push(msg), error: (_fields: unknown, msg: string) => void lines.push(msg) };
};

describe('waitToLead: one active ingest per database', () => {
  it('the first takes the lock; the second waits as a standby and takes over once the first is gone', async () => {
    const holders = new Map<string, string>();
    const [a, b] = [locksOf(holders, 'a'), locksOf(holders, 'b')];
    const [logA, logB] = [logger(), logger()];
    const lost: string[] = [];
    expect(await waitToLead({ locks: a, logger: logA, signal: new AbortController().signal, onLost: (e) => lost.push(e.message) })).toBe(true);
    expect(logA.lines).toEqual(['ingest lock taken: this process is the active ingest']);
    const second = waitToLead({ locks: b, logger: logB, retryMs: 5, signal: new AbortController().signal, onLost: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(logB.lines).toEqual(['ingest standby: another process holds the ingest lock; waiting to take over']);
    a.lose();
    expect(lost).toEqual(['connection terminated']);
    expect(await second).toBe(true);
    expect(holders.get(INGEST_LOCK)).toBe('b');
    expect(logB.lines.at(-1)).toBe('ingest lock taken over: this process is now the active ingest');
  });

  it('tryToLead (ROLE=all): one try each; the one that found the lock held logs standby once, then takes over through waitToLead', async () => {
    const holders = new Map<string, string>();
    const [a, b] = [locksOf(holders, 'a'), locksOf(holders, 'b')];
    const [logA, logB] = [logger(), logger()];
    const signal = new AbortController().signal;
    expect(await tryToLead({ locks: a, logger: logA, signal, onLost: () => undefined })).toBe(true);
    expect(await tryToLead({ locks: b, logger: logB, signal, onLost: () => undefined })).toBe(false);
    expect(logA.lines).toEqual(['ingest lock taken: this process is the active ingest']);
    expect(logB.lines).toEqual(['ingest standby: another process holds the ingest lock; waiting to take over']);
    const later = waitToLead({ locks: b, logger: logB, retryMs: 5, signal, onLost: () => undefined, standby: true });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(logB.lines).toHaveLength(1);
    a.lose();
    expect(await later).toBe(true);
    expect(logB.lines).toEqual(['ingest standby: another process holds the ingest lock; waiting to take over', 'ingest lock taken over: this process is now the active ingest']);
  });

  it('a standby stopped while it waits gives up without the lock', async () => {
    const holders = new Map([[INGEST_LOCK, 'a']]);
    const stop = new AbortController();
    const waiting = waitToLead({ locks: locksOf(holders, 'b'), logger: logger(), retryMs: 60_000, signal: stop.signal, onLost: () => undefined });
    stop.abort();
    expect(await waiting).toBe(false);
    expect(holders.get(INGEST_LOCK)).toBe('a');
  });
});
