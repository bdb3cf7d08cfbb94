import { boundQuotes, sectionsOf } from './bounds';
import { cleanArticle } from './clean';
import { chooseHeadline, untitled } from './headline';
import { detectLanguage, directionOf, languageFromCode } from './language';
import { truncateAtWord } from './truncate';
import { MAX_HEADLINE_LENGTH, type Briefing, type BriefingOptions, type Quote } from './schema';
import { summarize } from './summary';
import { extractQuotes } from './quotes';

export * from './schema';
export { normalizeArabic, stripArabicPrefixes } from './arabic';
export { splitSentences } from './segment';
export { cleanArticle, type CleanedArticle, type ParagraphKind } from './clean';
export { detectLanguage, directionOf } from './language';
export { readerExtract } from './extract';

/**
 * Turn an article's text into a briefing: headline, language and direction,
 * byline and dateline, sections, attributed key quotes and an extractive
 * summary. Pure (no I/O) and total: never throws, whatever the string, and
 * the result always satisfies {@link BriefingSchema}: every part is built
 * within its bounds (headline cut and never empty, quotes and sections
 * bounded, summary sentences trimmed and non-empty), so no runtime parse is
 * spent on it; the property and corpus tests check each output against the
 * schema.
 */
export function createBriefing(text: string, options: BriefingOptions = {}): Briefing {
  try {
    return buildBriefing(typeof text === 'string' ? text : String(text), options);
  } catch {
    // Last resort: a bug must not take the bot down; answer with a minimal briefing.
    const language = languageFromCode(options.language) ?? 'other';
    return { headline: untitled(language), language, direction: directionOf(language), sections: [], quotes: [], summary: [] };
  }
}

/**
 * {@link createBriefing} without its last-resort guard: throws where a bug
 * would have made `createBriefing` answer with a minimal briefing. The fuzz
 * tests call it so that the guard cannot hide a crash.
 */
export function buildBriefing(text: string, options: BriefingOptions = {}): Briefing {
  const article = cleanArticle(text);
  const sample = article.paragraphs.join('\n');
  const language = languageFromCode(options.language) ?? detectLanguage(sample === '' ? text : sample);
  const direction = directionOf(language, sample);
  const { headline, fromBody, cut } = chooseHeadline(article, language, options.title);
  const budget = {
    sentences: options.sentences,
    words: options.words !== undefined && Number.isFinite(options.words) && options.words > 0 ? Math.floor(options.words) : undefined,
  };
  const summary = options.summary === false ? [] : summarize(article, language, budget, { headline, fromBody: cut ? undefined : fromBody });
  const quotes: Quote[] = options.quotes === false ? [] : boundQuotes(extractQuotes(article.paragraphs, language, { headline }), article.paragraphs.length);
  return {
    headline,
    language,
    direction,
    ...(article.byline ? { byline: truncateAtWord(article.byline, MAX_HEADLINE_LENGTH) } : {}),
    ...(article.dateline ? { dateline: truncateAtWord(article.dateline, MAX_HEADLINE_LENGTH) } : {}),
    sections: sectionsOf(article.paragraphs, article.kinds),
    quotes,
    summary,
  };
}
