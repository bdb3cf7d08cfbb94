export type * from './types';
export { FeedParseError } from './types';
export { looksLikeHtml, parseFeedText, parseFeedBytes, type FeedXmlReader } from './parse';
export { decodeFeedBytes } from './decode';
export { discoverFeedLinks } from './discover';
export { canonicalLink, itemKeys } from './keys';
export { htmlToText } from './html-text';
