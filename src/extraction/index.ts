/** HTML page → article text and metadata. Pure (no network, no files); beside the briefing engine. */
export { extractArticle, looksLikeFeed, MIN_ARTICLE_LETTERS, type ExtractOptions } from './extract-article';
export { NotAnArticleError, type NotAnArticleReason } from './errors';
export type { ExtractedArticle } from './types';
