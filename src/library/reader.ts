import type { ArticleLibrary, LibraryArticle } from './types';

/** A place in the article stream, which is ordered by timestamp (published time), then id by code units. */
export interface StreamPosition {
  /** Epoch ms (the article's timestamp). */
  at: number;
  /** The article id, for articles of the same time. */
  id: string;
}

/** Where a read of the stream starts: at a position (inclusive), or just after it. */
export interface StreamStart {
  position: StreamPosition;
  /** True: the article at `position` itself is left out (the next page of a read). */
  exclusive?: boolean;
}

/**
 * The articles one reader (a server, or a DM) sees, wherever they are kept:
 * in this process's memory (the folder library and the server's feed
 * articles), or in Postgres, written there by `ROLE=ingest` and read by
 * `ROLE=web` and `ROLE=scheduler` without loading any folder. Every call may
 * go to a database, so every call is async. What commands and the scheduler
 * read; see `memoryReader` for the in-memory one.
 *
 * An article whose summary is still being computed is never returned by
 * `get`, `newest` or `newestQuoted`; `stream` may return it (take the
 * article from `get` to show it).
 */
export interface ArticleReader {
  /** The article with this id (the server's own wins an id both scopes have), if any, its summary computed. */
  get(id: string): Promise<LibraryArticle | undefined>;
  /** The newest article, if any, its summary computed. */
  newest(): Promise<LibraryArticle | undefined>;
  /** The newest article that has at least one key quote, its summary computed. */
  newestQuoted(): Promise<LibraryArticle | undefined>;
  /**
   * At most `limit` articles in stream order (oldest first), from `start`
   * (null: the beginning of the stream). Paging: pass the last article's
   * position with `exclusive: true`.
   */
  stream(start: StreamStart | null, limit: number): Promise<LibraryArticle[]>;
  /**
   * Optional (a reader kept beside the delivery rows: Postgres): what
   * {@link stream} pages from `start` hold that channel `channelId` has not
   * settled (no delivery row, or one pending or failed; not sent, skipped,
   * rejected or uncertain), at most `limit`, in stream order, each with its
   * row's status and whether its content is settled under another id: the
   * settled ones are left out where the rows are, not read and dropped. Paging as `stream`. The scheduler walks `stream` and the
   * channel's rows in memory without it.
   */
  streamOwed?(start: StreamStart | null, channelId: string, limit: number): Promise<OwedArticle[]>;
  /**
   * Resolves once no update in progress is left (files that arrived are all
   * taken in), so that a selection made right after sees them all. Optional:
   * a reader with nothing arriving has nothing to wait for.
   */
  whenIdle?(): Promise<void>;
}

/** An article of the stream a channel is owed, and its delivery row's status (undefined: no row yet). */
export interface OwedArticle {
  article: LibraryArticle;
  status?: 'pending' | 'failed';
  /** True when the channel has settled another article of the same content (`contentKey`: a renamed file). */
  contentSettled?: boolean;
}

/** The position of an article in the stream. */
export const positionOf = (article: LibraryArticle): StreamPosition => ({ at: article.timestamp, id: article.id });

/** The stream's order (timestamp, then id by code units): negative when `article` comes before `position`. */
export function compareToPosition(article: LibraryArticle, position: StreamPosition): number {
  return article.timestamp - position.at || (article.id < position.id ? -1 : article.id > position.id ? 1 : 0);
}

/** Whether `article` is in a read of the stream from `start`. */
const isFrom = (article: LibraryArticle, start: StreamStart): boolean => {
  const order = compareToPosition(article, start.position);
  return start.exclusive ? order > 0 : order >= 0;
};

/**
 * Index of the first article published at or after `at` in `articles`
 * (oldest first), by binary search on the timestamp alone (the order every
 * library keeps, whatever its order of ids for equal times). See
 * {@link firstIndexFromPlain} for the plain version.
 */
export function firstIndexFrom(articles: readonly LibraryArticle[], at: number): number {
  let low = 0;
  let high = articles.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (articles[middle]!.timestamp < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The plain version of {@link firstIndexFrom}: a linear scan (the reference its property test compares with). */
export function firstIndexFromPlain(articles: readonly LibraryArticle[], at: number): number {
  const index = articles.findIndex((article) => article.timestamp >= at);
  return index < 0 ? articles.length : index;
}

/**
 * At most `limit` of `articles` (oldest first, the stream's order) from
 * `start`: straight to its time by binary search, so that a read from the
 * middle of a million articles does not walk the ones before it. See
 * {@link readStreamPlain} for the plain version.
 */
export function readStream(articles: readonly LibraryArticle[], start: StreamStart | null, limit: number): LibraryArticle[] {
  const out: LibraryArticle[] = [];
  for (let index = start ? firstIndexFrom(articles, start.position.at) : 0; index < articles.length && out.length < limit; index++) {
    const article = articles[index]!;
    if (!start || isFrom(article, start)) out.push(article);
  }
  return out;
}

/** The plain version of {@link readStream}: a filter of the whole list (the reference its property test compares with). */
export function readStreamPlain(articles: readonly LibraryArticle[], start: StreamStart | null, limit: number): LibraryArticle[] {
  return articles.filter((article) => !start || isFrom(article, start)).slice(0, Math.max(0, limit));
}

/** The article, unless its summary is still pending. */
const ready = (article: LibraryArticle | undefined): LibraryArticle | undefined => (article && !article.summaryPending ? article : undefined);

/**
 * The newest article of `view` that `wanted` takes and that the view shows
 * (its `get` gives this very article: not one a server's own article of the
 * same id hides), its summary computed. Walks back from the newest: the
 * first is nearly always it.
 */
function newestShown(view: ArticleLibrary, wanted: (article: LibraryArticle) => boolean): LibraryArticle | undefined {
  const all = view.all();
  for (let index = all.length - 1; index >= 0; index--) {
    const article = all[index]!;
    if (wanted(article) && view.get(article.id) === article && !article.summaryPending) return article;
  }
  return undefined;
}

/**
 * The reader over an in-memory library view (the folder library, with a
 * server's feed articles): what `ROLE=all` and the embedded default read.
 * `stream` reads the view's oldest-first list from a binary search; `get`,
 * `newest` and `newestQuoted` go through the view's `get` (which computes a
 * pending summary on the spot when it can) and never return an article whose
 * summary is still pending. `PostgresArticles` answers the same.
 */
export function memoryReader(view: ArticleLibrary): ArticleReader {
  return {
    get: async (id) => ready(view.get(id)),
    newest: async () => newestShown(view, () => true),
    newestQuoted: async () => newestShown(view, (article) => article.briefing.quotes.length > 0),
    async stream(start, limit) {
      return readStream(view.all(), start, limit);
    },
    ...(view.whenIdle ? { whenIdle: () => view.whenIdle!() } : {}),
  };
}
