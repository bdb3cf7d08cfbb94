import { createHash } from 'node:crypto';
import { ArticleNotFoundError } from '../../errors';
import { extractArticle, looksLikeFeed, NotAnArticleError, type ExtractedArticle } from '../../extraction';
import { isValidArticleId, MAX_ARTICLE_ID_LENGTH } from '../read-article';
import type { ContentArticle, ContentEntry, ContentSource } from '../source';
import { ArticleMetaSchema, MAX_NAME_LENGTH, MAX_TITLE_LENGTH, type ArticleMeta, type ArticleSource } from '../types';
import { decodeText } from './charset';
import { DEFAULT_FETCH_MAX_BYTES, DEFAULT_FETCH_TIMEOUT_MS } from './fetch-defaults';
import { FetchError, type FetchedResource, type Fetcher } from './fetch-types';
import { httpStatusError, webPageErrorFor } from './errors';

/** Takes the article out of a page: {@link extractArticle} here, or in a worker thread (see `isolated-extractor.ts`). */
export type ExtractFn = (html: string, url: string) => ExtractedArticle | Promise<ExtractedArticle>;

/** How pages are fetched and read. */
export interface WebPageOptions {
  fetcher: Fetcher;
  /** Default: extraction in this thread. */
  extract?: ExtractFn;
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A web article: what the library reads (`source`), what the page said (`article`), and where it was found. */
export interface WebArticle extends ContentArticle {
  article: ExtractedArticle;
  /** The URL that answered, after redirects. */
  url: string;
  /** The URL to keep (301/308 redirects followed). */
  permanentUrl: string;
  /** Validators for a conditional GET next time. */
  etag?: string;
  lastModified?: string;
}

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
const FEED_TYPES = /^(?:application\/(?:rss|atom|rdf|feed)\+xml|application\/(?:feed\+)?json|application\/x-rss\+xml)$/i;
const XML_TYPES = /^(?:application|text)\/(?:[\w.+-]+\+)?xml$/i;
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)$/i;

/**
 * Fetch a page and extract its article.
 *
 * @throws WebPageError (refused, unreachable, too large, too slow, an error status), NotAnArticleError (a feed, an image, a page without article).
 */
export async function fetchWebArticle(url: string, options: WebPageOptions): Promise<WebArticle> {
  const resource = await fetchPage(url, options);
  return webArticleFrom(resource, url, options.extract);
}

/** The article of an HTML document already in hand (a saved `.html` file, a page fetched elsewhere). */
export function articleFromHtml(html: string, url: string, id = webArticleId(url)): { source: ArticleSource; article: ExtractedArticle } {
  return withSource(extractArticle(html, url), id);
}

function withSource(article: ExtractedArticle, id: string): { source: ArticleSource; article: ExtractedArticle } {
  return { source: { id, format: 'html', meta: metaOf(article), body: article.text }, article };
}

/**
 * A readable, stable article id for a URL: its host, then a hash of the whole
 * URL (`www.bbc.com-3f2a9c0d1e7b`). Valid wherever an article id is.
 */
export function webArticleId(url: string): string {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 12);
  let host = 'web';
  try {
    host = new URL(url).hostname.replace(/[^a-z0-9.-]+/gi, '-').replace(/^[.-]+/, '') || 'web';
  } catch {
    // Not a URL: the hash alone identifies it.
  }
  const id = `${host.slice(0, MAX_ARTICLE_ID_LENGTH - hash.length - 1)}-${hash}`;
  return isValidArticleId(id) ? id : `web-${hash}`;
}

/** Page metadata as the library's article metadata (each field kept only when valid; names clipped to the library's limits). */
export function metaOf(article: ExtractedArticle): ArticleMeta {
  const candidate: Record<string, string | undefined> = {
    title: article.title.slice(0, MAX_TITLE_LENGTH),
    url: article.url,
    author: article.byline?.slice(0, MAX_NAME_LENGTH),
    source: article.siteName?.slice(0, MAX_NAME_LENGTH),
    published: article.published,
    language: article.language,
  };
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (value === undefined) continue;
    const field = ArticleMetaSchema.shape[key as keyof ArticleMeta];
    const parsed = field.safeParse(value);
    if (parsed.success && parsed.data !== undefined) meta[key] = parsed.data;
  }
  return meta as ArticleMeta;
}

/**
 * Web pages as a {@link ContentSource}: the pages added to it, each listed
 * with the hash of its article text as version (an ETag or Last-Modified
 * that did not change spares the download; a changed page whose text is the
 * same keeps its version).
 */
export function createWebPageSource(urls: Iterable<string>, options: WebPageOptions): ContentSource & { add(url: string): string; remove(id: string): void } {
  const pages = new Map<string, { url: string; last?: WebArticle }>();
  const add = (url: string) => {
    const id = webArticleId(url);
    if (!pages.has(id)) pages.set(id, { url });
    return id;
  };
  for (const url of urls) add(url);
  const refresh = async (id: string, signal?: AbortSignal): Promise<WebArticle> => {
    const page = pages.get(id);
    if (!page) throw new ArticleNotFoundError(id);
    const resource = await fetchPage(page.url, { ...options, signal: signal ?? options.signal }, page.last);
    if (resource.status === 304 && page.last) return page.last;
    page.last = await webArticleFrom(resource, page.url, options.extract);
    return page.last;
  };
  return {
    kind: 'web-page',
    add,
    remove: (id) => void pages.delete(id),
    async list(signal) {
      const entries: ContentEntry[] = [];
      for (const id of [...pages.keys()]) {
        const article = await refresh(id, signal);
        entries.push({ id, version: article.version });
      }
      return entries;
    },
    read: (id, signal) => {
      const last = pages.get(id)?.last;
      return last ? Promise.resolve(last) : refresh(id, signal);
    },
  };
}

async function fetchPage(url: string, options: WebPageOptions, last?: WebArticle): Promise<FetchedResource> {
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  let resource: FetchedResource;
  try {
    resource = await options.fetcher({ url, accept: ACCEPT_HTML, maxBytes, timeoutMs, signal: options.signal, etag: last?.etag, lastModified: last?.lastModified });
  } catch (error) {
    if (error instanceof FetchError) throw webPageErrorFor(error, maxBytes, timeoutMs);
    throw error;
  }
  if (resource.status === 304 && last) return resource;
  if (resource.status !== 200) throw httpStatusError(resource.url, resource.status);
  return resource;
}

async function webArticleFrom(resource: FetchedResource, requestedUrl: string, extract: ExtractFn = extractArticle): Promise<WebArticle> {
  const contentType = resource.headers['content-type'];
  const mediaType = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  if (FEED_TYPES.test(mediaType)) throw new NotAnArticleError('feed', resource.url);
  const text = decodeText(resource.body, contentType).text;
  if (mediaType !== '' && !HTML_TYPES.test(mediaType)) {
    if (looksLikeFeed(text)) throw new NotAnArticleError('feed', resource.url);
    if (!XML_TYPES.test(mediaType)) throw new NotAnArticleError('not-html', resource.url, mediaType);
  }
  const { source, article } = withSource(await extract(text, resource.url), webArticleId(requestedUrl));
  return {
    source,
    article,
    version: createHash('sha256').update(article.title).update('\n').update(article.text).digest('hex').slice(0, 24),
    url: resource.url,
    permanentUrl: resource.permanentUrl,
    etag: resource.headers.etag,
    lastModified: resource.headers['last-modified'],
  };
}
