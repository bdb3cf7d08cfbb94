import PQueue from 'p-queue';
import type { FeedRecord, PrunedArticle, SessionLocks } from '../store/types';
import { checkFeed, type FeedCheckDeps, type FeedCheckReport } from './check';

/** Feed article retention (see `FeedStore.pruneArticles`). */
export interface FeedRetention {
  /** Age (since fetched) past which an article goes, ms; 0 = kept forever. */
  maxAgeMs: number;
  /** Newest articles of each feed kept whatever their age. */
  keepPerFeed: number;
  /** Least time between two prunes, ms (default 1 hour). */
  everyMs?: number;
  /** Told of the articles deleted (the library drops them). */
  onPruned?: (articles: PrunedArticle[]) => void;
}

const HOUR_MS = 3_600_000;

/** Options of {@link FeedPoller}. */
export interface FeedPollerOptions extends Omit<FeedCheckDeps, 'signal'> {
  /** The clock, epoch ms (tests pass a fake one). */
  clock?: () => number;
  /** Longest sleep between two looks at the store, ms (default 30 s). */
  maxSleepMs?: number;
  /** How long `stop()` waits for checks in flight, ms (default 5 s). */
  stopTimeoutMs?: number;
  /** Feeds checked at once (default 8; the fetcher also limits connections per host). */
  concurrency?: number;
  /** Called after each check (logs, tests). */
  onCheck?: (report: FeedCheckReport) => void;
  /** How long a claimed feed stays claimed before another checker may take it (a checker that died), ms (default 60 s). */
  claimLeaseMs?: number;
  /** Postgres: a feed is checked by one process at a time (its lock held for the check); absent on SQLite (one process). */
  locks?: SessionLocks;
  /** Delete old feed articles now and then (none by default). */
  retention?: FeedRetention;
}

/** Default of {@link FeedPollerOptions.claimLeaseMs}. */
const DEFAULT_CLAIM_LEASE_MS = 60_000;

/**
 * Checks due feeds on a timer aligned to the earliest `next_check_at`. Each
 * due feed is claimed under a lease before it is checked (`claimDue`: its next
 * check moved to the lease's end; the check writes the real one), so
 * overlapping passes, in this process or another, never take a feed twice,
 * and the feed of a checker that died is due again when its lease ends. With
 * `locks` (Postgres) the check itself holds the feed's lock too: a check
 * outliving its lease is never joined by a second one. At start, feeds
 * whose channel is still owed a stored article (a stop mid-poll) are made due
 * at once. `stop()` aborts fetches and waits, bounded, for posts in flight:
 * what was stored is posted at the next start, with the same nonces.
 */
export class FeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly queue: PQueue;
  private readonly busy = new Set<number>();
  private readonly abort = new AbortController();
  private readonly clock: () => number;
  private started: Promise<void> = Promise.resolve();
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: FeedPollerOptions) {
    this.clock = options.clock ?? Date.now;
    this.queue = new PQueue({ concurrency: Math.max(1, options.concurrency ?? 8) });
  }

  /** Start the timer (idempotent); `pollDue()` waits for the start's own store work. */
  start(): Promise<void> {
    if (this.running) return this.started;
    this.running = true;
    this.started = (async () => {
      // Feed posts left pending by the last run are this instance's now (SQLite: it holds the file's instance lock;
      // Postgres: only those of an owner whose lease has run out).
      await this.options.store.deliveries.adoptPending();
      const owed = await this.options.store.feeds.makeDueWithOwed(this.clock());
      if (owed) this.options.logger?.info({ feeds: owed }, 'posting feed items left unposted by the last run');
    })();
    this.arm();
    return this.started;
  }

  /** Look at the store again now (a feed was added, resumed or removed). */
  wake(): void {
    if (this.running) this.arm();
  }

  /** Claim and check every due feed; resolves when these checks are done. Old feed articles are pruned first when it is time. */
  async pollDue(): Promise<FeedCheckReport[]> {
    await this.started;
    const now = this.clock();
    await this.pruneWhenDue(now);
    const claimed = await this.options.store.feeds.claimDue(now, 200, this.options.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS);
    // Filtered and marked busy in one synchronous step after the claim: two polls in this process never take one feed.
    const due = claimed.filter((feed) => !this.busy.has(feed.id));
    for (const feed of due) this.busy.add(feed.id);
    const deps: FeedCheckDeps = { ...this.options, signal: this.abort.signal };
    const checks = due.map((feed) =>
      this.queue
        .add(() => this.checkLocked(feed, deps))
        .catch(async (error: unknown): Promise<FeedCheckReport> => {
          this.options.logger?.error({ err: error, feedId: feed.id }, 'feed check failed');
          // Not left to the lease: an unexpected error waits a whole interval, like a failed fetch.
          await Promise.resolve(this.options.store.feeds.setNextCheck(feed.id, this.clock() + this.options.minIntervalMs)).catch(() => undefined);
          return { feedId: feed.id, outcome: 'failed', found: 0, posted: [], detail: 'unexpected error' };
        })
        .finally(() => this.busy.delete(feed.id)),
    );
    return (await Promise.all(checks)).filter((report): report is FeedCheckReport => report !== undefined);
  }

  /** Check `feed` holding its lock (when there are locks); undefined when another process is still checking it. */
  private async checkLocked(feed: FeedRecord, deps: FeedCheckDeps): Promise<FeedCheckReport | undefined> {
    const { locks } = this.options;
    const name = `feed:${feed.id}`;
    if (locks && !(await locks.tryLock(name))) {
      this.options.logger?.debug({ feedId: feed.id }, 'feed check skipped: another process is still checking it');
      return undefined;
    }
    try {
      const report = await checkFeed(feed, deps, this.clock());
      this.options.onCheck?.(report);
      return report;
    } finally {
      await locks?.unlock(name);
    }
  }

  /** Delete the feed articles past retention, at most once per `retention.everyMs`; a failure is logged and retried next time. */
  private async pruneWhenDue(now: number): Promise<void> {
    const retention = this.options.retention;
    if (!retention || retention.maxAgeMs <= 0 || now - this.lastPruneAt < (retention.everyMs ?? HOUR_MS)) return;
    this.lastPruneAt = now;
    try {
      const pruned = await this.options.store.feeds.pruneArticles(now - retention.maxAgeMs, retention.keepPerFeed);
      if (pruned.length === 0) return;
      this.options.logger?.info({ articles: pruned.length }, 'old feed articles deleted (FEED_ARTICLE_RETENTION_DAYS)');
      retention.onPruned?.(pruned);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'could not delete old feed articles; trying again later');
    }
  }

  /** Stop the timer, abort fetches and wait (bounded) for checks in flight. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.abort.abort();
    this.queue.clear();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopTimeoutMs ?? 5000);
      timer.unref();
    });
    await Promise.race([this.queue.onIdle(), limit]);
    clearTimeout(timer);
  }

  private arm(): void {
    void this.armAsync().catch((error: unknown) => {
      this.options.logger?.error({ err: error }, 'feed poller could not read the next check time');
    });
  }

  private async armAsync(): Promise<void> {
    await this.started.catch(() => undefined);
    const earliest = await this.options.store.feeds.earliestNextCheck();
    clearTimeout(this.timer);
    if (!this.running) return;
    const cap = this.options.maxSleepMs ?? 30_000;
    const delay = earliest === undefined ? cap : Math.min(cap, Math.max(0, earliest - this.clock() + 2));
    this.timer = setTimeout(() => {
      if (!this.running) return;
      void this.pollDue();
      this.arm();
    }, delay);
    this.timer.unref();
  }
}
