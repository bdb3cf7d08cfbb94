import type pg from 'pg';
import type { AsyncStore, ChangeSignal } from '../types';
import { OWNER_LEASE_MS, PostgresDeliveryStore } from './deliveries';
import { openMigratedPool } from './pool';
import { PostgresFeedStore } from './feeds';
import { PostgresQuotePageStore } from './quote-pages';
import { createSessionLocks } from './locks';
import { PostgresScheduleStore } from './schedules';

export { migratePostgres, postgresSchemaVersion } from './migrate';
export { createPool, openMigratedPool } from './pool';
export { createSessionLocks } from './locks';

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** How long this store's owner lease lasts without renewal, ms (default {@link OWNER_LEASE_MS}); renewed every third of it until `close()`. */
  ownerLeaseMs?: number;
}

/**
 * The {@link AsyncStore} on Postgres at `url` (`DATABASE_URL`), migrations
 * applied first (under an advisory lock, so replicas starting together
 * migrate once), this store's owner lease written (see
 * {@link PostgresDeliveryStore}). Its `locks` hold one more connection, opened
 * at the first lock. `close()` ends the lease, the locks and the pool.
 */
export async function createPostgresStore(url: string, onError?: (error: Error) => void, options: PostgresStoreOptions = {}): Promise<AsyncStore> {
  const pool = await openMigratedPool(url, onError);
  const deliveries = new PostgresDeliveryStore(pool);
  const leaseMs = options.ownerLeaseMs ?? OWNER_LEASE_MS;
  try {
    await deliveries.renewLease(leaseMs);
  } catch (error) {
    await pool.end();
    throw error;
  }
  // Renewed every third of the lease: a live owner's pending deliveries are never adopted by another worker.
  const renew = setInterval(() => {
    deliveries.renewLease(leaseMs).catch((error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error))));
  }, Math.max(1, Math.floor(leaseMs / 3)));
  renew.unref();
  const locks = createSessionLocks(url);
  return {
    // One owner per store instance, on the deliveries and the schedule leases it takes.
    schedules: new PostgresScheduleStore(pool, deliveries.owner),
    deliveries,
    feeds: new PostgresFeedStore(pool),
    quotePages: new PostgresQuotePageStore(pool),
    locks,
    ...changeSignal(pool),
    close: async () => {
      clearInterval(renew);
      await locks.close();
      await deliveries.endLease().catch(() => undefined);
      await pool.end();
    },
  };
}

/** The channel schedule and feed changes are announced on. */
const CHANNEL = 'briefing_schedules';
/** The channel feed articles stored or deleted are announced on. */
const FEED_ARTICLES_CHANNEL = 'briefing_feed_articles';

/** `NOTIFY` / `LISTEN` on the schedules' and the feed articles' channels. */
function changeSignal(pool: pg.Pool): Required<ChangeSignal> {
  const schedules = channelSignal(pool, CHANNEL);
  const articles = channelSignal(pool, FEED_ARTICLES_CHANNEL);
  return { announceChange: schedules.announce, onChange: schedules.listen, announceFeedArticles: articles.announce, onFeedArticles: articles.listen };
}

/** `NOTIFY` / `LISTEN` on one channel; a listener holds one client of the pool until it stops. */
function channelSignal(pool: pg.Pool, channel: string): { announce(): Promise<void>; listen(listener: () => void): Promise<() => Promise<void>> } {
  return {
    async announce() {
      await pool.query(`NOTIFY ${channel}`);
    },
    async listen(listener) {
      const client = await pool.connect();
      const onNotification = (message: pg.Notification): void => {
        if (message.channel === channel) listener();
      };
      client.on('notification', onNotification);
      await client.query(`LISTEN ${channel}`);
      return async () => {
        client.off('notification', onNotification);
        await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
        client.release();
      };
    },
  };
}

/** What the active `ROLE=ingest` reads to follow the feed articles other processes store: the feed store and its announcements, on a small pool of its own. */
export interface FeedArticleFollowing {
  feeds: PostgresFeedStore;
  onFeedArticles: Required<ChangeSignal>['onFeedArticles'];
  close(): Promise<void>;
}

/** {@link FeedArticleFollowing} on Postgres at `url` (migrated first): no owner lease, no locks (it posts nothing). */
export async function openFeedArticleFollowing(url: string, onError?: (error: Error) => void): Promise<FeedArticleFollowing> {
  // One client listens for good; the others read (the library reads each article it takes in by id).
  const pool = await openMigratedPool(url, onError, 5);
  return { feeds: new PostgresFeedStore(pool), onFeedArticles: changeSignal(pool).onFeedArticles, close: () => pool.end() };
}
