import type { Library, LibraryView, ReaderView } from '../../library';
import { memoryReader, withSearch } from '../../library';
import type { Logger } from '../../logger';
import { PostgresArticles } from './articles';
import { openMigratedPool } from './pool';
import { OPERATOR_SCOPE, PostgresSearch } from './search';
import { PostgresSearchWriter } from './search-writer';

/** Options of {@link createPostgresSearchService}. */
export interface PostgresSearchServiceOptions {
  /** `DATABASE_URL`. */
  url: string;
  logger: Logger;
  /**
   * The library whose articles (the operator's and each server's feed
   * articles) this process writes to the tables, following it: the process
   * that briefs (`ROLE=all`, or an ingest role). Absent: this process only
   * reads the tables (`ROLE=web`, `ROLE=scheduler`, which load no library).
   */
  write?: Pick<Library, 'on' | 'off' | 'all'>;
  /** Connections of the search pool (default 5). */
  poolSize?: number;
}

/** Quote search and autocomplete in Postgres: the views commands read, and a service that keeps the tables current. */
export interface PostgresSearchService {
  /** What a server sees (`view`: its in-memory articles, from `library.view`), searched in Postgres. */
  readerView(view: LibraryView, guildId: string | null): ReaderView;
  /** The whole articles the writing process stores beside their search rows: `articles.reader(guildId)` is what a server sees, for roles that load no folder. */
  readonly articles: PostgresArticles;
  /** What a server sees on a replica that loads no library (`ROLE=web`, `ROLE=scheduler`): its articles read from Postgres, searched there, names resolved there. */
  postgresView(guildId: string | null): ReaderView;
  /** Remove the feed articles no longer stored (`stored`: every stored one) from the tables: deleted while no process followed them. Resolves with how many. */
  removeGoneFeedArticles(stored: () => Promise<ReadonlyArray<{ guildId: string; id: string }>>): Promise<number>;
  name: string;
  /** Follow the library, every scope (when writing): bring the tables in line with them first, in the background. */
  start(): void;
  /** Stop following, write what is queued, close the pool. */
  stop(): Promise<void>;
}

/**
 * With `DATABASE_URL`: `/quote` and autocomplete read the `search_*` tables
 * (answers identical to the in-memory index on the same articles), roles
 * without a library read whole articles there (`articles`), and the process
 * that briefs writes them (search rows and article together): every article the library adds, changes
 * or removes, every feed article a server's scope gains or loses. At
 * start the operator's library is reconciled with the tables (only changed
 * articles are written), without holding up the bot.
 */
export async function createPostgresSearchService(options: PostgresSearchServiceOptions): Promise<PostgresSearchService> {
  const log = options.logger.child({ component: 'search' });
  const pool = await openMigratedPool(options.url, (error) => log.error({ err: error }, 'postgres connection error (search)'), options.poolSize ?? 5);
  const search = new PostgresSearch(pool);
  const writer = new PostgresSearchWriter(pool, {
    onError: (error, detail) =>
      detail.retrying ? log.warn({ err: error }, 'search tables not reachable; retrying') : log.error({ err: error, scope: detail.scope, id: detail.id }, `search tables refused article ${detail.id ?? ''}; it is not searchable in Postgres`),
  });
  const library = options.write;
  const articles = new PostgresArticles(pool);
  const onPut = (article: Parameters<PostgresSearchWriter['put']>[1]): void => writer.put(OPERATOR_SCOPE, article);
  const onRemoved = (id: string): void => writer.remove(OPERATOR_SCOPE, id);
  const onShelved = (guildId: string, article: Parameters<PostgresSearchWriter['put']>[1]): void => writer.put(guildId, article);
  const onUnshelved = (guildId: string, id: string): void => writer.remove(guildId, id);
  /** Start (`on`) or stop (`off`) following every scope of the library: one list for both. */
  const listen = (library: NonNullable<PostgresSearchServiceOptions['write']>, how: 'on' | 'off'): void => {
    library[how]('added', onPut);
    library[how]('changed', onPut);
    library[how]('removed', onRemoved);
    library[how]('shelved', onShelved);
    library[how]('unshelved', onUnshelved);
  };
  let following = false;
  let reconciling: Promise<void> | undefined;
  return {
    name: 'search',
    articles,
    readerView: (view, guildId) => withSearch(memoryReader(view), search.view(guildId, (typed) => view.search.resolveName(typed))),
    postgresView: (guildId) => withSearch(articles.reader(guildId), search.view(guildId, (typed) => search.resolveInView(guildId, typed))),
    removeGoneFeedArticles: (stored) => writer.removeGoneFeedArticles(stored),
    start() {
      if (!library || following) return;
      following = true;
      listen(library, 'on');
      const began = Date.now();
      reconciling = writer
        .reconcile(OPERATOR_SCOPE, library.all())
        .then((counts) => log.info({ ...counts, ms: Date.now() - began }, 'search tables in line with the library'))
        .catch((error: unknown) => log.error({ err: error }, 'could not bring the search tables in line with the library; changes from now on are written'));
    },
    async stop() {
      if (following && library) {
        following = false;
        listen(library, 'off');
      }
      await writer.close();
      await reconciling;
      await pool.end();
    },
  };
}
