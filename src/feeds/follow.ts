import type { Logger } from '../logger';
import type { Awaitable, FeedStore } from '../store/types';
import type { FeedArticleSources } from './article-source';

/** Default of {@link FeedArticleFollowerOptions.overlapMs}: longer than a feed check takes (its articles are stamped when it starts). */
export const FOLLOW_OVERLAP_MS = 10 * 60_000;

/** Options of {@link FeedArticleFollower}. */
export interface FeedArticleFollowerOptions {
  /** The store other processes write feed articles to. */
  feeds: Awaitable<Pick<FeedStore, 'allArticles' | 'articlesFetchedSince' | 'storedArticleIds'>>;
  /** The library's feed scopes this process fills (its search writer puts them in Postgres under each server's scope). */
  articles: FeedArticleSources;
  /** Calls `listener` when another process announces feed articles stored or deleted (Postgres `LISTEN`); resolves with a function that stops listening. */
  onAnnounced?: (listener: () => void) => Promise<() => Promise<void>>;
  /** Catch-up period, ms: what an announcement missed (a restart, a dropped connection) is found this late at worst. */
  everyMs: number;
  /** How far before the latest `fetched_at` seen each catch-up reads again, ms (default {@link FOLLOW_OVERLAP_MS}): a check commits its articles after it starts, and clocks differ. */
  overlapMs?: number;
  logger: Logger;
}

/** What one catch-up found. */
export interface CatchUp {
  added: number;
  dropped: number;
}

/**
 * Keeps every server's stored feed articles in this process's library scopes
 * when another process polls the feeds (`ROLE=ingest` beside `ROLE=scheduler`):
 * all of them at start, then, on each announcement and every `everyMs`, a
 * catch-up: the articles fetched since the latest seen (less an overlap) that
 * a scope lacks join it, and the ones no longer stored (pruned, their feed
 * removed) leave. Catch-ups never overlap: one asked for while one runs runs
 * once after it.
 */
export class FeedArticleFollower {
  /** Highest `fetched_at` taken in; undefined until an article is (the next catch-up reads them all). */
  private latest: number | undefined;
  /** Articles held now (taken in less dropped). */
  private taken = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly options: FeedArticleFollowerOptions) {}

  /** Listen for announcements, take in every stored article (a failure is logged and retried at the next), then follow the period too. */
  async start(): Promise<void> {
    // Listening first: an article announced during the first load is caught by the catch-up after it.
    this.stopListening = await this.options.onAnnounced?.(() => this.request());
    this.request();
    while (this.running) await this.running;
    this.options.logger.info({ articles: this.taken }, 'feed articles followed from the store');
    this.timer = setInterval(() => this.request(), this.options.everyMs);
    this.timer.unref();
  }

  /** Stop following; waits for a catch-up in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.again = false;
    await this.stopListening?.();
    this.stopListening = undefined;
    await this.running;
  }

  /** Catch up soon: now, or once the one running ends. Failures are logged and retried at the next. */
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const found = await this.catchUp();
          if (found.added || found.dropped) this.options.logger.debug({ ...found }, 'feed articles caught up');
        } catch (error) {
          this.options.logger.warn({ err: error }, 'could not catch up with the stored feed articles; trying again later');
        }
      } while (this.again);
    })().finally(() => (this.running = undefined));
  }

  /** One catch-up (see the class): the new articles first, then the stored ids, so one stored meanwhile is never dropped. */
  async catchUp(): Promise<CatchUp> {
    const { feeds, articles } = this.options;
    const records = this.latest === undefined ? await feeds.allArticles() : await feeds.articlesFetchedSince(this.latest - (this.options.overlapMs ?? FOLLOW_OVERLAP_MS));
    const fresh = records.filter((record) => !articles.has(record.guildId, record.id));
    await articles.take(fresh);
    for (const record of records) this.latest = Math.max(this.latest ?? record.fetchedAt, record.fetchedAt);
    const dropped = await articles.keepOnly(await feeds.storedArticleIds());
    this.taken += fresh.length - dropped;
    return { added: fresh.length, dropped };
  }
}
