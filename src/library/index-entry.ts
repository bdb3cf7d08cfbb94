import type { Briefing, Quote } from '../briefing/schema';
import type { ArticleMeta } from '../content/types';
import { joinTerms, type TermList } from './term-list';
import { foldForSearch, nameKey, termSet } from './normalize';

/** What the search index keeps of one quote besides the quote itself. */
export interface QuoteIndexEntry {
  /** Speaker's name (or role when there is none) on one line; empty when neither is known. */
  shortName: string;
  /** {@link QuoteIndexEntry.shortName} folded, for speaker suggestions. */
  suggestKey: string;
  /** Index terms of the quote's text. */
  textTerms: TermList;
  /** Index terms of the speaker's name and role. */
  speakerTerms: TermList;
  /** Index terms of {@link QuoteIndexEntry.shortName}, for speaker suggestions. */
  nameTerms: TermList;
}

/**
 * Everything the search index derives from one article's text, made of
 * strings only: computed where the article was briefed (a worker thread
 * sends it with the briefing, so the main thread does not fold the text).
 */
export interface ArticleIndexEntry {
  /** Title shown in suggestions: the front matter's, else the headline, else the id. */
  title: string;
  /** Index terms of the title and the id. */
  titleTerms: TermList;
  /** Folded id and title, distinct and non-empty (an id typed without autocomplete). */
  names: string[];
  /** One entry per key quote, in the briefing's order. */
  quotes: QuoteIndexEntry[];
}

/** The parts of a briefed article that its index entry depends on. */
export interface IndexedArticle {
  id: string;
  meta: Pick<ArticleMeta, 'title'>;
  briefing: Pick<Briefing, 'headline' | 'quotes'>;
}

/** The search index entry of an article (a pure function of its id, title and briefing). */
export function articleIndexEntry(article: IndexedArticle): ArticleIndexEntry {
  const title = oneLine(article.meta.title ?? article.briefing.headline) || article.id;
  return {
    title,
    titleTerms: joinTerms(termSet(`${title} ${article.id}`)),
    names: articleNames(article.id, title),
    quotes: article.briefing.quotes.map(quoteIndexEntry),
  };
}

/** {@link ArticleIndexEntry.names} of an article, from its id and its title as the index entry has it. */
export function articleNames(id: string, title: string): string[] {
  return [...new Set([nameKey(id), nameKey(title)])].filter(Boolean);
}

/** {@link QuoteIndexEntry.shortName} of a quote. */
function shortNameOf(quote: Quote): string {
  return oneLine(quote.speaker ?? quote.speakerRole ?? '');
}

/** {@link QuoteIndexEntry.suggestKey} of a quote. */
export function suggestKeyOf(quote: Quote): string {
  return foldForSearch(shortNameOf(quote));
}

function quoteIndexEntry(quote: Quote): QuoteIndexEntry {
  const shortName = shortNameOf(quote);
  return {
    shortName,
    suggestKey: foldForSearch(shortName),
    textTerms: joinTerms(termSet(quote.text)),
    speakerTerms: joinTerms(termSet(`${quote.speaker ?? ''} ${quote.speakerRole ?? ''}`)),
    nameTerms: joinTerms(termSet(shortName)),
  };
}

/** Text on one line: runs of white space as one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
