import { createBriefing } from '../briefing/index';
import type { Fetcher } from '../content/web/fetch-types';
import { type ExtractFn, fetchWebArticle } from '../content/web/page-source';
import { code, UserError } from '../errors';
import { NotAnArticleError } from '../extraction';
import type { LibraryArticle } from './types';

/** How {@link briefWebPage} reaches the web. */
export interface WebBriefOptions {
  fetcher: Fetcher;
  /** Default: extraction in this thread. */
  extract?: ExtractFn;
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Clock for an article without a published date (epoch ms). */
  now?: () => number;
}

/** A feed URL given where an article page was expected: say so, and how to subscribe. */
export class FeedLinkError extends UserError {
  override name = 'FeedLinkError';
  constructor(readonly url: string) {
    const add = '/feed add';
    super({
      en: `That link is a news feed, not an article: to post its news in a channel, use ${code(add)} with this link.`,
      ar: `هذا الرابط خلاصة أخبار لا مقال: لنشر أخبارها في قناة استخدم ${code(add)} مع هذا الرابط.`,
      fr: `Ce lien est un flux d’actualités, pas un article : pour publier ses nouvelles dans un salon, utilisez ${code(add)} avec ce lien.`,
    });
  }
}

/**
 * Fetch a web page, extract its article and brief it, as a library article
 * that is not kept (the page's own title is the headline; its url, byline,
 * date and site name are the metadata).
 *
 * @throws WebPageError, NotAnArticleError, FeedLinkError: one-line user errors.
 */
export async function briefWebPage(url: string, options: WebBriefOptions): Promise<LibraryArticle> {
  let web;
  try {
    web = await fetchWebArticle(url, options);
  } catch (error) {
    if (error instanceof NotAnArticleError && error.reason === 'feed') throw new FeedLinkError(url);
    throw error;
  }
  const { source } = web;
  const briefing = createBriefing(source.body, { title: source.meta.title, language: source.meta.language });
  const published = source.meta.published ? Date.parse(source.meta.published) : Number.NaN;
  const now = (options.now ?? Date.now)();
  return { id: source.id, format: source.format, meta: source.meta, briefing, timestamp: Number.isNaN(published) ? now : published, mtimeMs: now };
}
