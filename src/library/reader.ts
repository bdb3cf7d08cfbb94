import type { LibraryArticle } from './types';

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
   * Resolves once no update in progress is left (files that arrived are all
   * taken in), so that a selection made right after sees them all. Optional:
   * a reader with nothing arriving has nothing to wait for.
   */
  whenIdle?(): Promise<void>;
}
