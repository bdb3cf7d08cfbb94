import { sameStamp, type FileStamp } from './content-folder';

/** A file seen while it was being written: its stamp then, and when that stamp was first seen. */
interface Seen {
  stamp: FileStamp;
  seenAt: number;
}

/**
 * Holds back files that are still being written. A file is settled, and may
 * be read, once it has not changed for `settleMs`: its mtime is that old
 * (so a folder of old files is read at once on a first start), or, for a
 * clock that disagrees with the file system (an mtime in the future), its
 * size and mtime were seen unchanged that long. A writer need not write
 * atomically: a file written in chunks is read once, whole.
 */
export class SettleGate {
  private readonly seen = new Map<string, Seen>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /**
   * @param settleMs quiet time a file needs (0: every file is settled at once).
   * @param onDue called with the name of a held file when it may have settled: check it again then.
   */
  constructor(private readonly settleMs: number, private readonly onDue: (name: string) => void) {}

  /** True when the file may be read now; else it is held, and `onDue` will ask again once it may have settled. */
  settled(name: string, stamp: FileStamp, now = Date.now()): boolean {
    if (this.settleMs <= 0) return true;
    const seen = this.seen.get(name);
    const unchanged = seen !== undefined && sameStamp(seen.stamp, stamp);
    if (now - stamp.mtimeMs >= this.settleMs || (unchanged && now - seen.seenAt >= this.settleMs)) {
      this.forget(name);
      return true;
    }
    const since = unchanged ? seen.seenAt : now;
    if (!unchanged) this.seen.set(name, { stamp, seenAt: now });
    this.recheck(name, Math.min(stamp.mtimeMs, since) + this.settleMs - now);
    return false;
  }

  /** Stop holding a file (it was removed, or is unchanged since it was loaded). */
  forget(name: string): void {
    this.seen.delete(name);
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  /** Names of the files held now. */
  held(): string[] {
    return [...this.seen.keys()];
  }

  /**
   * Milliseconds until every file held now may have settled: 0 when none is
   * held, and at least 1 while any is, even one whose settle time is over
   * (it is taken in at the next look, not before: a caller waiting for the
   * held files must look again, or it would miss a file whose time ran out
   * while a slow scan went on).
   */
  untilAllDue(now = Date.now()): number {
    if (this.seen.size === 0) return 0;
    let latest = now;
    for (const { stamp, seenAt } of this.seen.values()) latest = Math.max(latest, Math.min(stamp.mtimeMs, seenAt) + this.settleMs);
    return Math.max(1, latest - now);
  }

  /** Cancel every pending check. */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.seen.clear();
  }

  private recheck(name: string, delayMs: number): void {
    clearTimeout(this.timers.get(name));
    const timer = setTimeout(() => {
      this.timers.delete(name);
      this.onDue(name);
    }, Math.max(10, Math.ceil(delayMs)));
    timer.unref();
    this.timers.set(name, timer);
  }
}
