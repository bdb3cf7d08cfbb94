import { fetchWebArticle, type ExtractFn } from '../content/web/page-source';
import type { Fetcher } from '../content/web/fetch-types';
import type { Logger } from '../logger';
import type { ReadPage } from './article';

/** How item pages are fetched. */
export interface PageReaderOptions {
  fetcher: Fetcher;
  maxBytes: number;
  timeoutMs: number;
  /** Extraction off the event loop (the app's worker); in this thread when absent. */
  extract?: ExtractFn;
  logger?: Logger;
}

/**
 * Read an item's linked page through the safe fetcher and the extraction
 * module: its title, byline and plain text. A page that cannot be had
 * (refused, unreachable, an error status, not an article) gives undefined, and
 * the item's own content is used instead.
 */
export function pageReader(options: PageReaderOptions): ReadPage {
  return async (url, signal) => {
    try {
      const { article } = await fetchWebArticle(url, { fetcher: options.fetcher, maxBytes: options.maxBytes, timeoutMs: options.timeoutMs, ...(options.extract ? { extract: options.extract } : {}), ...(signal ? { signal } : {}) });
      return { title: article.title, ...(article.byline ? { byline: article.byline } : {}), text: article.text };
    } catch (error) {
      options.logger?.debug({ url, err: error }, 'item page not read; using the item’s own text');
      return undefined;
    }
  };
}
