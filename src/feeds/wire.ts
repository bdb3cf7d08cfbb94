import type { Config } from '../config';
import type { Fetcher } from '../content/web/fetch-types';
import type { ExtractFn } from '../content/web/page-source';
import { renderBriefingMessage } from '../discord/message';
import type { Logger } from '../logger';
import { nonceWindowMsOf, RestPoster, type RestLike, type RestPosterOptions } from '../scheduler/poster';
import { createSqliteStore } from '../store';
import type { ChangeSignal, PrunedArticle, SessionLocks, StoreWithFeeds } from '../store/types';
import { toLibraryArticle, type ReadPage } from './article';
import type { FeedCheckDeps, FeedCheckReport } from './check';
import { pageReader } from './read-page';
import { FeedPoller } from './service';
import type { LibraryView } from '../library/views';
import { FeedArticleSources, type ScopedLibrary } from './article-source';

/** What `/feed` needs from the running bot, registered as `ctx.services.feeds`. */
export interface Feeds {
  store: FeedCheckDeps['store'];
  /** What subscribing and checking need (fetcher, poster, limits). */
  deps: FeedCheckDeps;
  /** Re-arm the poller (a feed was added, resumed or removed). */
  wake(): void;
  /** Check every due feed now and wait for the checks (what the timer does; tests drive it with a fake clock). */
  pollDue(): Promise<FeedCheckReport[]>;
  /** Each server's feed articles, a library scope per server (as `/brief`, `/quote` and schedules see them). */
  articles: FeedArticleSources;
}

/** Name under which {@link Feeds} is registered in `CommandContext.services`. */
export const FEEDS_SERVICE = 'feeds';

/** The {@link Feeds} service from a command context's services, or throw (wiring bug). */
export function feedsFrom(services: Record<string, unknown>): Feeds {
  const candidate = services[FEEDS_SERVICE] as Partial<Feeds> | undefined;
  if (!candidate?.store || !candidate.deps || typeof candidate.wake !== 'function') throw new Error('the feeds service is not registered in the command context');
  return candidate as Feeds;
}

/** What {@link createFeeds} needs from the composition root. */
export interface FeedsOptions {
  config: Pick<Config, 'databasePath' | 'feedMinIntervalSeconds' | 'feedMaxFailures' | 'fetchMaxBytes' | 'fetchTimeoutMs' | 'feedArticleRetentionDays' | 'feedArticlesKeptPerFeed'> & Partial<Pick<Config, 'deliveryNonceWindowSeconds'>>;
  logger: Logger;
  /** discord.js `client.rest`. */
  rest: RestLike;
  /** The safe web fetcher. */
  fetcher: Fetcher;
  /** Fetch and extract an item's page (default: the safe fetcher and `extract`). */
  readPage?: ReadPage;
  /** Extraction off the event loop (the app's worker); in this thread when absent. */
  extract?: ExtractFn;
  /** Whether the bot may read a channel's history, as far as the gateway cache knows (reconciling a post whose answer was lost). */
  canReadHistory?: RestPosterOptions['canReadHistory'];
  /**
   * The library: each server's feed articles become its scope there, and
   * posts show the library's briefing. Absent on a replica that loads no
   * library (`ROLE=web`, `ROLE=scheduler` with `DATABASE_URL`): a post briefs
   * its stored record directly.
   */
  library?: ScopedLibrary & { view(guildId: string): LibraryView };
  now?: () => number;
  /** Another store than SQLite at `config.databasePath`: the scheduler's (one connection and one instance lock per file), Postgres's (`DATABASE_URL`), or a test's. Not closed by the service. */
  store?: FeedCheckDeps['store'];
  /** False: only the store, for `/feed` (an HTTP replica); the gateway bot polls. Default true. */
  runPoller?: boolean;
  /** Across processes on one Postgres: a `/feed` change is announced (`NOTIFY`) and every poller listening wakes; feed articles stored or deleted are announced too. */
  changes?: ChangeSignal;
  /** Postgres: a feed is checked by one process at a time (see `FeedPollerOptions.locks`). */
  locks?: SessionLocks;
  /** How long a claimed feed stays claimed by a checker that died, ms (see `FeedPollerOptions.claimLeaseMs`). */
  claimLeaseMs?: number;
  /** The channels being posted to, shared with the scheduler (see `FeedCheckDeps.channels`). */
  channels?: FeedCheckDeps['channels'];
}

/** Where feed articles go in a process without a library: nowhere (the process that briefs reads them from the store). */
const NO_SCOPES: ScopedLibrary = { addScope: async () => undefined, whenIdle: async () => undefined };

/**
 * Open the store (its own connection to the database at `DATABASE_PATH`) and
 * build the feed poller around it, posting through the client's REST with the
 * briefing embeds of `/brief`. Stored feed articles are put on their servers'
 * shelves at start. The service's `stop()` aborts fetches, waits for posts in
 * flight, then closes its connection.
 */
export function createFeeds(options: FeedsOptions): { service: { name: string; start(): Promise<void>; stop(): Promise<void> }; feeds: Feeds } {
  const logger = options.logger.child({ component: 'feeds' });
  const own: StoreWithFeeds | undefined = options.store ? undefined : createSqliteStore(options.config.databasePath);
  const store = options.store ?? own!;
  const runPoller = options.runPoller !== false;
  const now = options.now ?? Date.now;
  const { library } = options;
  const { changes } = options;
  // Feed articles stored or deleted here are announced: the active ROLE=ingest follows them into Postgres for the replicas.
  const announceArticles = (): void => void changes?.announceFeedArticles?.().catch((error: unknown) => logger.warn({ err: error }, 'could not announce feed articles'));
  const articles = new FeedArticleSources(store.feeds, library ?? NO_SCOPES, announceArticles);
  const stored = (records: Parameters<FeedArticleSources['stored']>[0]): Promise<void> => articles.stored(records).catch((error: unknown) => logger.error({ err: error }, 'could not add feed articles to the library'));
  const nonceWindowMs = nonceWindowMsOf(options.config.deliveryNonceWindowSeconds);
  const deps: FeedCheckDeps = {
    store,
    fetcher: options.fetcher,
    // The scheduler's poster settings: a post whose answer was lost is looked for in the history, not sent blind.
    poster: new RestPoster(options.rest, { nonceWindowMs, now, ...(options.canReadHistory ? { canReadHistory: options.canReadHistory } : {}) }),
    nonceWindowMs,
    render: (record) => renderBriefingMessage(library?.view(record.guildId).get(record.id) ?? toLibraryArticle(record)),
    readPage: options.readPage ?? pageReader({ fetcher: options.fetcher, maxBytes: options.config.fetchMaxBytes, timeoutMs: options.config.fetchTimeoutMs, ...(options.extract ? { extract: options.extract } : {}), logger }),
    minIntervalMs: options.config.feedMinIntervalSeconds * 1000,
    maxFailures: options.config.feedMaxFailures,
    maxFeedBytes: options.config.fetchMaxBytes,
    timeoutMs: options.config.fetchTimeoutMs,
    logger,
    onStored: stored,
    ...(options.channels ? { channels: options.channels } : {}),
  };
  // 2 s to stop: fetches are aborted at once; with the scheduler's 5 s and the gateway's 2 s, inside main's 10 s budget.
  // A post cut short stays pending and is re-sent with its nonce at the next start.
  const retention = { maxAgeMs: options.config.feedArticleRetentionDays * 86_400_000, keepPerFeed: options.config.feedArticlesKeptPerFeed, onPruned: (pruned: PrunedArticle[]) => articles.deleted(pruned) };
  const poller = new FeedPoller({ ...deps, clock: now, stopTimeoutMs: 2000, locks: options.locks, claimLeaseMs: options.claimLeaseMs, retention, onCheck: (report) => logger.debug({ report }, 'feed checked') });
  let stopListening: (() => Promise<void>) | undefined;
  const wake = (): void => {
    poller.wake();
    void changes?.announceChange?.().catch((error: unknown) => logger.warn({ err: error }, 'could not announce a feed change'));
  };
  return {
    feeds: { store, deps, articles, wake, pollDue: () => poller.pollDue() },
    service: {
      name: 'feeds',
      start: async () => {
        // Without a library (a replica reading Postgres) there are no scopes to fill: nothing stored is loaded.
        if (library) await articles.start();
        if (!runPoller) return;
        await poller.start();
        stopListening = await changes?.onChange?.(() => poller.wake());
      },
      stop: async () => {
        try {
          await stopListening?.();
          await poller.stop();
        } finally {
          own?.close();
        }
      },
    },
  };
}
