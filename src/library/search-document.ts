/**
 * What a search index outside this process (Postgres) stores and asks, built
 * from the same folding, terms and matching rules as the in-memory
 * `SearchIndex`, so that both answer the same.
 */
import { createHash } from 'node:crypto';
import type { Quote } from '../briefing/schema';
import { articleIndexEntry, type ArticleIndexEntry } from './index-entry';
import { variantsOf } from './match';
import { NO_TERMS, splitTerms, type TermList } from './term-list';
import { foldForSearch, wordsOf } from './normalize';
import { MIN_INDEXED_TYPED, MIN_PREFIX } from './search';
import type { LibraryArticle } from './types';

/**
 * Longest lexeme, in UTF-16 units: Postgres refuses lexemes over 2 KB, and
 * 600 units are at most 1,800 bytes of UTF-8. A longer term is stored cut
 * (a query word is at most 100 characters, so its prefix matches the same).
 */
export const MAX_LEXEME = 600;

/** One key quote as stored for search. */
export interface QuoteDocument {
  index: number;
  quote: Quote;
  /** Speaker's name (or role) on one line; empty when neither is known. */
  shortName: string;
  suggestKey: string;
  textTerms: string[];
  speakerTerms: string[];
  nameTerms: string[];
}

/** One article as stored for search. */
export interface ArticleDocument {
  id: string;
  title: string;
  /** The article's timestamp (epoch ms): newest first. */
  published: number;
  names: string[];
  titleTerms: string[];
  /** Title, lead and speaker terms. */
  anyTerms: string[];
  quotes: QuoteDocument[];
  /** Hash of everything above: an unchanged article is not written again. */
  signature: string;
}

/** The search document of an article (`entry`: its index entry when already computed). */
export function articleDocument(article: LibraryArticle, entry: ArticleIndexEntry = articleIndexEntry(article)): ArticleDocument {
  const titleTerms = lexemes(entry.titleTerms);
  const quotes = article.briefing.quotes.map((quote, index): QuoteDocument => {
    const terms = entry.quotes[index]!;
    return {
      index,
      quote: wellFormed(quote),
      shortName: wellFormedText(terms.shortName),
      suggestKey: wellFormedText(terms.suggestKey),
      textTerms: lexemes(terms.textTerms),
      speakerTerms: lexemes(terms.speakerTerms),
      nameTerms: lexemes(terms.nameTerms),
    };
  });
  const document = {
    id: article.id,
    title: wellFormedText(entry.title),
    published: article.timestamp,
    names: entry.names.map(wellFormedText),
    titleTerms,
    anyTerms: [...new Set([...titleTerms, ...lexemes(article.searchTerms ?? NO_TERMS)])],
    quotes,
  };
  return { ...document, signature: createHash('sha256').update(JSON.stringify(document)).digest('base64url') };
}

/** A term list as distinct lexemes, each cut to {@link MAX_LEXEME}. */
function lexemes(list: TermList): string[] {
  return [...new Set(splitTerms(list).map((term) => wellFormedText(cutLexeme(term))))];
}

function cutLexeme(term: string): string {
  if (term.length <= MAX_LEXEME) return term;
  // Never cut a surrogate pair in two.
  const end = /[\ud800-\udbff]/.test(term[MAX_LEXEME - 1]!) ? MAX_LEXEME - 1 : MAX_LEXEME;
  return term.slice(0, end);
}

/** What Postgres cannot store in text: NUL, and a surrogate without its pair. */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text Postgres can store: each NUL or lone surrogate becomes U+FFFD. */
export function wellFormedText(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

/** `value` as JSON whose strings Postgres can store in JSONB (see {@link wellFormedText}). */
export function wellFormedJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? wellFormedText(item) : item));
}

/** A quote whose strings Postgres can store (see {@link wellFormedText}). */
function wellFormed(quote: Quote): Quote {
  return JSON.parse(wellFormedJson(quote)) as Quote;
}

/** How typed words match one kind of indexed text. */
interface MatchRule {
  /** Words at least this long also match longer terms they start (0: always). */
  minPrefix: number;
  /** Also look each word up without an Arabic light prefix. */
  stripped: boolean;
}

/** The rules of `SearchIndex`, by what is searched. */
export const RULES = {
  quoteText: { minPrefix: MIN_PREFIX, stripped: true },
  speaker: { minPrefix: 1, stripped: true },
  title: { minPrefix: 0, stripped: false },
  titleOrLead: { minPrefix: 0, stripped: true },
  speakerName: { minPrefix: 0, stripped: false },
} satisfies Record<string, MatchRule>;

/**
 * A Postgres `tsquery` (as text) matching what the in-memory index matches
 * for these words under `rule`: every word (`&`) through one of its variants
 * (`|`), each `'term'` or `'term':*`. Undefined when there are no words.
 */
export function tsqueryOf(words: readonly string[], rule: MatchRule): string | undefined {
  if (words.length === 0) return undefined;
  return words
    .map((word) => `(${variantsOf(word, rule.minPrefix, rule.stripped).map(({ term, prefix }) => lexemeQuery(term, prefix)).join(' | ')})`)
    .join(' & ');
}

function lexemeQuery(term: string, prefix: boolean): string {
  const cut = cutLexeme(term);
  const quoted = `'${wellFormedText(cut).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  // A word cut to fit is looked up by its start.
  return prefix || cut !== term ? `${quoted}:*` : quoted;
}

/** The folded words of typed text, and whether it is one character only (matched against titles and names alone). */
export function typedWords(typed: string): { words: string[]; short: boolean } {
  const folded = foldForSearch(typed);
  return { words: wordsOf(folded), short: folded.length < MIN_INDEXED_TYPED };
}
