import type { QuoteHit, QuoteQuery, Suggestion } from './search';
import { DEFAULT_QUOTE_LIMIT, MAX_SUGGESTIONS, type SearchIndex } from './search';
import { memoryReader, type ArticleReader } from './reader';
import type { ArticleLibrary, LibraryArticle } from './types';

/** The search a command uses: quotes, autocomplete and name resolution. */
export type LibrarySearch = Pick<SearchIndex, 'searchQuotes' | 'suggestArticles' | 'suggestSpeakers' | 'resolveName'>;

/** What one reader (a server, or a DM) sees: articles and their search. `Library` is one (the operator's articles alone). */
export interface LibraryView extends ArticleLibrary {
  readonly search: LibrarySearch;
}

/**
 * The search as commands read it: in memory ({@link LibrarySearch}), or in
 * Postgres (`DATABASE_URL`), where every answer comes as a promise.
 */
export interface ReaderSearch {
  searchQuotes(q: QuoteQuery): QuoteHit[] | Promise<QuoteHit[]>;
  suggestArticles(typed: string): Suggestion[] | Promise<Suggestion[]>;
  suggestSpeakers(typed: string): Suggestion[] | Promise<Suggestion[]>;
  /** The id of the newest article whose id or title is `typed` once folded, if any. */
  resolveName(typed: string): string | undefined | Promise<string | undefined>;
}

/**
 * What one reader (a server, or a DM) sees, as commands and the scheduler
 * read it: its articles through an {@link ArticleReader} (in memory, or in
 * Postgres on a `ROLE=web` or `ROLE=scheduler` replica) and their search.
 */
export type ReaderView = ArticleReader & { readonly search: ReaderSearch };

/** A reader and a search, as one {@link ReaderView}. */
export function withSearch(reader: ArticleReader, search: ReaderSearch): ReaderView {
  return {
    search,
    get: (id) => reader.get(id),
    newest: () => reader.newest(),
    newestQuoted: () => reader.newestQuoted(),
    stream: (start, limit) => reader.stream(start, limit),
    ...(reader.streamOwed ? { streamOwed: (start, channelId, limit) => reader.streamOwed!(start, channelId, limit) } : {}),
    ...(reader.whenIdle ? { whenIdle: () => reader.whenIdle!() } : {}),
  };
}

/** An in-memory view (the folder library, with a server's feed articles) as commands read it: through {@link memoryReader}, its own search. */
export function readerOf(view: LibraryView): ReaderView {
  return withSearch(memoryReader(view), view.search);
}

/** Oldest first: by timestamp, then id. */
export const byAge = (a: LibraryArticle, b: LibraryArticle): number => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One scope's articles as {@link mergedView} reads them. */
export interface ScopeShelf {
  readonly search: SearchIndex;
  /** The scope's own article (its summary computed), if it has this id. */
  get(id: string): LibraryArticle | undefined;
  has(id: string): boolean;
  /** Oldest first. */
  all(): readonly LibraryArticle[];
}

/**
 * The operator's library and one server's articles, read as one library (the
 * server's wins an id both have): what that server's commands and schedules see.
 */
export function mergedView(operator: LibraryView, shelf: ScopeShelf): LibraryView {
  const get = (id: string): LibraryArticle | undefined => shelf.get(id) ?? operator.get(id);
  const timestampOf = (id: string): number => get(id)?.timestamp ?? 0;
  const search: LibrarySearch = {
    searchQuotes(q: QuoteQuery): QuoteHit[] {
      if (q.articleId) return (shelf.has(q.articleId) ? shelf.search : operator.search).searchQuotes(q);
      return mergeQuoteHits(shelf.search.searchQuotes(q), operator.search.searchQuotes(q), timestampOf, q.limit);
    },
    suggestArticles: (typed: string): Suggestion[] => mergeArticleSuggestions(shelf.search.suggestArticles(typed), operator.search.suggestArticles(typed), timestampOf),
    suggestSpeakers: (typed: string): Suggestion[] => mergeSpeakerSuggestions(shelf.search.suggestSpeakers(typed), operator.search.suggestSpeakers(typed)),
    resolveName: (typed: string): string | undefined => newerOf(shelf.search.resolveName(typed), operator.search.resolveName(typed), timestampOf),
  };
  return {
    search,
    get,
    all(): readonly LibraryArticle[] {
      return mergeSorted(operator.all(), shelf.all());
    },
    newest(): LibraryArticle | undefined {
      const a = operator.newest();
      const last = shelf.all().at(-1);
      const b = last && shelf.get(last.id);
      return !a ? b : !b ? a : byAge(a, b) > 0 ? a : b;
    },
    ...(operator.whenIdle ? { whenIdle: () => operator.whenIdle!() } : {}),
  };
}

/** `items` newest first by `timestampOf` their id, in their order at equal times (a stable sort). */
function newestFirst<T>(items: readonly T[], idOf: (item: T) => string, timestampOf: (id: string) => number): T[] {
  return items.map((item, order) => ({ item, order, t: timestampOf(idOf(item)) })).sort((a, b) => b.t - a.t || a.order - b.order).map((x) => x.item);
}

/** A server's quote hits and the operator's as one list: newest article first, the server's first at equal times; at most `limit`. */
export function mergeQuoteHits(shelf: readonly QuoteHit[], operator: readonly QuoteHit[], timestampOf: (id: string) => number, limit = DEFAULT_QUOTE_LIMIT): QuoteHit[] {
  return newestFirst([...shelf, ...operator], (hit) => hit.articleId, timestampOf).slice(0, limit);
}

/** A server's article suggestions and the operator's as one list, newest first (the server's first at equal times), at most 25. */
export function mergeArticleSuggestions(shelf: readonly Suggestion[], operator: readonly Suggestion[], timestampOf: (id: string) => number): Suggestion[] {
  return newestFirst([...shelf, ...operator], (s) => s.value, timestampOf).slice(0, MAX_SUGGESTIONS);
}

/** A server's speaker suggestions, then the operator's not already there, at most 25. */
export function mergeSpeakerSuggestions(shelf: readonly Suggestion[], operator: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return [...shelf, ...operator].filter((s) => !seen.has(s.value) && seen.add(s.value)).slice(0, MAX_SUGGESTIONS);
}

/** Of the server's and the operator's article for a typed name, the newer (the server's at equal times). */
export function newerOf(mine: string | undefined, theirs: string | undefined, timestampOf: (id: string) => number): string | undefined {
  if (!mine || !theirs) return mine ?? theirs;
  return timestampOf(mine) >= timestampOf(theirs) ? mine : theirs;
}

function mergeSorted(a: readonly LibraryArticle[], b: readonly LibraryArticle[]): LibraryArticle[] {
  const out: LibraryArticle[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && byAge(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!);
  return out;
}
