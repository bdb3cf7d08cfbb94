import type { Config } from '../config';
import { renderBriefingMessage } from '../discord/message';
import type { ArticleReader } from '../library/reader';
import type { Logger } from '../logger';
import { createSqliteStore } from '../store';
import type { AnyStore, StoreWithFeeds } from '../store/types';
import { ChannelBackoff } from './backoff';
import type { ChannelLocks } from './channel-locks';
import { nonceWindowMsOf, RestPoster, type RestLike } from './poster';
import type { Scheduling } from './scheduling';
import { SchedulerService } from './service';

/** What {@link createScheduling} needs from the composition root. */
export interface SchedulingOptions {
  config: Pick<Config, 'databasePath'> & Partial<Pick<Config, 'deliveryNonceWindowSeconds' | 'workerLeaseSeconds' | 'scheduleSpreadSeconds'>>;
  logger: Logger;
  /** discord.js `client.rest`, or a REST that does not retry 5xx itself (see `singleAttemptRest`). */
  rest: RestLike;
  /** The operator's articles (in memory, or read from Postgres). */
  library: ArticleReader;
  /** Clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Another store than SQLite at `config.databasePath`: Postgres (`DATABASE_URL`), or a test's. */
  store?: AnyStore;
  /** Whether the bot may read a channel's history, as far as it knows (see `RestPosterOptions.canReadHistory`). */
  canReadHistory?: (channelId: string) => boolean | undefined;
  /** False: only the store, for `/schedule` (an HTTP replica); another process runs the schedules. Default true. */
  runScheduler?: boolean;
  /** What a server's schedules see (the library plus its feed articles). */
  libraryFor?: (guildId: string) => ArticleReader;
  /** The channels being posted to, shared with the feed poller (default: the scheduler's own, over the store's locks). */
  channels?: ChannelLocks;
}

/** The scheduler as an app service (start after login, stop before logout), and the handle `/schedule` uses. */
export interface SchedulingParts {
  service: { name: string; start(): Promise<void>; stop(): Promise<void> };
  scheduling: Scheduling;
  /** The SQLite store it opened (absent when given a store): the feed poller shares it, one connection and one instance lock per file. Closed by this service's stop. */
  sqlite?: StoreWithFeeds;
}

/**
 * Open the store (SQLite at `DATABASE_PATH` by default, held by this process
 * alone, its file guarded against deletion) and build the scheduler around
 * it: the REST poster over the client's REST (reconciling unconfirmed posts
 * older than the nonce window), the briefing embeds of `/brief`, per-channel
 * backoff. The service's `stop()` waits for runs in flight, then closes the
 * database.
 *
 * @throws DatabaseError (one line naming the file) when the database cannot be opened or another instance holds it.
 */
export function createScheduling(options: SchedulingOptions): SchedulingParts {
  const logger = options.logger.child({ component: 'scheduler' });
  const { databasePath } = options.config;
  const sqlite = options.store ? undefined : createSqliteStore(databasePath, {
    onRestored: (path) => logger.error({ path }, `database ${path} was deleted or replaced while the bot ran; written back from the open connection and reopened`),
    onCheckFailed: (error) => logger.fatal({ err: error, path: databasePath }, `database ${databasePath} is gone and could not be restored`),
  });
  const store: AnyStore = options.store ?? sqlite!;
  const now = options.now ?? Date.now;
  const nonceWindowMs = nonceWindowMsOf(options.config.deliveryNonceWindowSeconds);
  const scheduler = new SchedulerService({
    store,
    library: options.library,
    ...(options.libraryFor ? { libraryFor: options.libraryFor } : {}),
    poster: new RestPoster(options.rest, { nonceWindowMs, now, canReadHistory: options.canReadHistory }),
    render: (article) => renderBriefingMessage(article),
    logger,
    clock: () => new Date(now()),
    nonceWindowMs,
    // A worker that dies holding a claimed run leaves it to another when this ends (renewed while the run goes on).
    ...(options.config.workerLeaseSeconds ? { claimLeaseMs: options.config.workerLeaseSeconds * 1000 } : {}),
    spreadSeconds: options.config.scheduleSpreadSeconds ?? 0,
    backoff: new ChannelBackoff(),
    ...(options.channels ? { channels: options.channels } : {}),
    // Well inside main's 10 s shutdown budget; a post cut short stays pending and is re-sent with its nonce at start.
    stopTimeoutMs: 5000,
  });
  const run = options.runScheduler !== false;
  let stopListening: (() => Promise<void>) | undefined;
  const wake = (): void => {
    if (run) scheduler.wake();
    // Other processes on the same Postgres (replicas, workers) wake their schedulers too.
    void store.announceChange?.().catch((error: unknown) => logger.warn({ err: error }, 'could not announce a schedule change'));
  };
  return {
    scheduling: { store, wake },
    ...(sqlite ? { sqlite } : {}),
    service: {
      name: run ? 'scheduler' : 'store',
      start: async () => {
        if (!run) return;
        await scheduler.start();
        stopListening = await store.onChange?.(() => scheduler.wake());
        logger.info({ listening: stopListening !== undefined }, 'scheduler started');
      },
      stop: async () => {
        try {
          await stopListening?.();
          await scheduler.stop();
        } finally {
          await store.close();
        }
      },
    },
  };
}
