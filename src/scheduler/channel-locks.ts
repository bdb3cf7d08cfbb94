import type { SessionLocks } from '../store/types';

/** Where a channel's lock is held when it cannot be taken. */
export type ChannelHolder = 'here' | 'in another process';

/** How {@link ChannelLocks.waitFor} waits. */
export interface ChannelWait {
  /** Longest wait, ms. */
  waitMs: number;
  /** How often the lock is tried again meanwhile, ms (default 250). */
  pollMs?: number;
  /** Stops the wait (shutdown). */
  signal?: AbortSignal;
}

/** The name of a channel's lock across processes (see `AnyStore.locks`). */
export const channelLockName = (channelId: string): string => `channel:${channelId}`;

/**
 * One poster per channel at a time, whatever posts (a scheduled run, a feed
 * check): in this process by a set of the channels held (taken before any
 * await, so two callers never both get one), and across processes, when
 * there are session locks (Postgres), by the channel's advisory lock
 * `channel:<id>` (reentrant within a process, hence the set). One instance
 * is shared by the scheduler and the feed poller of a process.
 */
export class ChannelLocks {
  private readonly held = new Set<string>();

  constructor(private readonly shared?: SessionLocks) {}

  /** Take the channel's lock: undefined when taken (release it with {@link release}), else where it is held. */
  async take(channelId: string): Promise<ChannelHolder | undefined> {
    if (this.held.has(channelId)) return 'here';
    this.held.add(channelId);
    if (this.shared && !(await this.shared.tryLock(channelLockName(channelId)))) {
      this.held.delete(channelId);
      return 'in another process';
    }
    return undefined;
  }

  /** Take the channel's lock, trying again every `pollMs` while it is held, for at most `waitMs`; true when taken. */
  async waitFor(channelId: string, { waitMs, pollMs = 250, signal }: ChannelWait): Promise<boolean> {
    const end = performance.now() + waitMs;
    for (;;) {
      if (signal?.aborted) return false;
      if ((await this.take(channelId)) === undefined) return true;
      if (performance.now() >= end) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, end - performance.now()))));
    }
  }

  /** Give the channel's lock back (no-op when not held here). */
  release(channelId: string): void {
    if (!this.held.delete(channelId)) return;
    void this.shared?.unlock(channelLockName(channelId));
  }

  /** Whether this process holds the channel's lock. */
  holds(channelId: string): boolean {
    return this.held.has(channelId);
  }
}
