import { dirname, join } from 'node:path';
import type { Config } from './config';
import { FeedArticleSources } from './feeds/article-source';
import { FeedArticleFollower, type FeedArticleFollowerOptions } from './feeds/follow';
import { createFolderLibrary, type Library } from './library';
import type { Logger } from './logger';
import { openFeedArticleFollowing } from './store/postgres';
import { createPostgresSearchService, type PostgresSearchService } from './store/postgres/search-service';

/** A part of the active ingest's work, started and stopped with the app (an app `Service`). */
export interface IngestPart {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The folder library at `CONTENT_DIR` that a process which briefs (`ROLE=all`, the active `ROLE=ingest`) loads and watches. */
export function folderLibrary(config: Config, logger: Logger): Library {
  return createFolderLibrary({
    contentDir: config.contentDir,
    maxBytes: config.maxArticleBytes,
    logger,
    rescanSeconds: config.libraryRescanSeconds,
    settleMs: config.librarySettleMs,
    // Briefings survive restarts next to the database (the engine's version is part of the key).
    cachePath: join(dirname(config.databasePath), 'briefing-cache.json'),
  });
}

/**
 * The active ingest's feed articles: loaded from Postgres once it leads,
 * then followed (announcements and a catch-up every
 * `FEED_ARTICLES_CATCHUP_SECONDS`) into each server's scope of `library`;
 * those deleted while no ingest ran are removed from the search tables.
 */
export function feedArticleFollowing(config: Config, library: Library, search: PostgresSearchService, logger: Logger): IngestPart {
  const log = logger.child({ component: 'feeds' });
  let opened: { follower: FeedArticleFollower; close(): Promise<void> } | undefined;
  return {
    name: 'feed articles',
    async start() {
      const following = await openFeedArticleFollowing(config.databaseUrl!, (error) => log.error({ err: error }, 'postgres connection error (feed articles)'));
      const articles = new FeedArticleSources(following.feeds, library);
      const follower = new FeedArticleFollower({ feeds: following.feeds, articles, onAnnounced: following.onFeedArticles, everyMs: config.feedArticlesCatchupSeconds * 1000, logger: log });
      opened = { follower, close: following.close };
      await follower.start().catch(async (error: unknown) => {
        await following.close();
        throw error;
      });
      // Deleted while no ingest followed them (this one starting): their search rows and stored forms go too.
      await search
        .removeGoneFeedArticles(() => following.feeds.storedArticleIds())
        .then((removed) => removed && log.info({ removed }, 'feed articles deleted meanwhile removed from the search tables'))
        .catch((error: unknown) => log.warn({ err: error }, 'could not remove the feed articles deleted meanwhile from the search tables; they stay until the next start'));
    },
    async stop() {
      await opened?.follower.stop();
      await opened?.close();
    },
  };
}

/** Options of {@link othersFeedArticles}. */
interface OthersFeedArticlesOptions {
  config: Config;
  /** The feed articles' store, and its announcements of articles stored or deleted by other processes (Postgres). */
  store: { feeds: FeedArticleFollowerOptions['feeds']; onFeedArticles?: FeedArticleFollowerOptions['onAnnounced'] };
  /** The library scopes this process's feed poller fills already: the followed articles join them. */
  articles: FeedArticleSources;
  logger: Logger;
}

/**
 * The `ROLE=all` that writes the articles (it holds the ingest lock): the
 * feed articles other processes store (a waiting `ROLE=all`'s or a
 * `ROLE=scheduler`'s poller) join its library's server scopes as they are
 * announced (and every `FEED_ARTICLES_CATCHUP_SECONDS`), as on the active
 * `ROLE=ingest`, so that its search writer puts them in Postgres.
 */
export function othersFeedArticles({ config, store, articles, logger }: OthersFeedArticlesOptions): IngestPart {
  const follower = new FeedArticleFollower({ feeds: store.feeds, articles, ...(store.onFeedArticles ? { onAnnounced: store.onFeedArticles } : {}), everyMs: config.feedArticlesCatchupSeconds * 1000, logger: logger.child({ component: 'feeds' }) });
  return { name: 'feed articles', start: () => follower.start(), stop: () => follower.stop() };
}

/**
 * What a `ROLE=all` that waited as a standby starts once it takes the ingest
 * lock over: the active ingest's work inside it. It loads and watches its
 * folder, writes it (and every server's feed articles, followed) to Postgres,
 * and removes what its folder lacks. Its commands and schedules go on
 * reading Postgres, where these articles now come from.
 */
export function takenOverIngest(config: Config, logger: Logger): IngestPart {
  let library: Library | undefined;
  let search: PostgresSearchService | undefined;
  let following: IngestPart | undefined;
  return {
    name: 'ingest',
    async start() {
      library = folderLibrary(config, logger);
      await library.start();
      // Started once the folder is loaded: it brings the tables in line with it (in the background), then follows it.
      search = await createPostgresSearchService({ url: config.databaseUrl!, logger, write: library });
      search.start();
      following = feedArticleFollowing(config, library, search, logger);
      await following.start();
    },
    async stop() {
      await following?.stop();
      await search?.stop();
      await library?.stop();
    },
  };
}
