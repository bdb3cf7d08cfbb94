import type { Logger } from '../logger';
import type { Library } from './library';
import type { LibraryArticle } from './types';

/**
 * Where the ingest process publishes the library it loads (`ROLE=ingest`):
 * every article once at start, then each one added, re-briefed or removed.
 * The Postgres article and quote-search store implements it, so that
 * schedulers and HTTP replicas read articles from the database instead of
 * each loading the folder.
 */
export interface ArticleSink {
  /** Store or replace these articles (briefing included). */
  put(articles: readonly LibraryArticle[]): Promise<void>;
  /** Forget these article ids. */
  remove(ids: readonly string[]): Promise<void>;
}

/** Articles per `put` at start (a 1M-article library is published in steps, not one statement). */
const BATCH = 500;

/**
 * Publish `library` to `sink`: every article (summary computed) now, then
 * each change as it happens, in order (one write at a time). A failed write
 * is logged and the next change still goes out. Returns a function that stops
 * following the library.
 */
export async function publishLibrary(library: Library, sink: ArticleSink, logger?: Pick<Logger, 'error'>): Promise<() => void> {
  let chain = Promise.resolve();
  const enqueue = (write: () => Promise<void>): void => {
    chain = chain.then(write).catch((error: unknown) => logger?.error({ err: error }, 'could not publish a library change to the article store'));
  };
  const upsert = (article: LibraryArticle): void => enqueue(() => sink.put([library.get(article.id) ?? article]));
  const removed = (id: string): void => enqueue(() => sink.remove([id]));
  library.on('added', upsert);
  library.on('changed', upsert);
  library.on('removed', removed);
  await library.whenSummarized();
  const all = library.all().map((article) => library.get(article.id) ?? article);
  for (let i = 0; i < all.length; i += BATCH) enqueue(() => sink.put(all.slice(i, i + BATCH)));
  await chain;
  return () => {
    library.off('added', upsert);
    library.off('changed', upsert);
    library.off('removed', removed);
  };
}
