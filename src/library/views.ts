import type { QuoteHit, QuoteQuery, Suggestion } from './search';
import type { SearchIndex } from './search';
import type { ArticleLibrary, LibraryArticle } from './types';

/** The search a command uses: quotes, autocomplete and name resolution. */
export type LibrarySearch = Pick<SearchIndex, 'searchQuotes' | 'suggestArticles' | 'suggestSpeakers' | 'resolveName'>;

/** What one reader (a server, or a DM) sees: articles and their search. `Library` is one (the operator's articles alone). */
export interface LibraryView extends ArticleLibrary {
  readonly search: LibrarySearch;
}

const MAX_SUGGESTIONS = 25;
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
  const newestFirst = <T>(items: T[], idOf: (item: T) => string): T[] =>
    items.map((item, order) => ({ item, order, t: timestampOf(idOf(item)) })).sort((a, b) => b.t - a.t || a.order - b.order).map((x) => x.item);
  const search: LibrarySearch = {
    searchQuotes(q: QuoteQuery): QuoteHit[] {
      if (q.articleId) return (shelf.has(q.articleId) ? shelf.search : operator.search).searchQuotes(q);
      const hits = [...shelf.search.searchQuotes(q), ...operator.search.searchQuotes(q)];
      return newestFirst(hits, (hit) => hit.articleId).slice(0, q.limit ?? 500);
    },
    suggestArticles(typed: string): Suggestion[] {
      return newestFirst([...shelf.search.suggestArticles(typed), ...operator.search.suggestArticles(typed)], (s) => s.value).slice(0, MAX_SUGGESTIONS);
    },
    suggestSpeakers(typed: string): Suggestion[] {
      const seen = new Set<string>();
      return [...shelf.search.suggestSpeakers(typed), ...operator.search.suggestSpeakers(typed)].filter((s) => !seen.has(s.value) && seen.add(s.value)).slice(0, MAX_SUGGESTIONS);
    },
    resolveName(typed: string): string | undefined {
      const mine = shelf.search.resolveName(typed);
      const theirs = operator.search.resolveName(typed);
      if (!mine || !theirs) return mine ?? theirs;
      return timestampOf(mine) >= timestampOf(theirs) ? mine : theirs;
    },
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

function mergeSorted(a: readonly LibraryArticle[], b: readonly LibraryArticle[]): LibraryArticle[] {
  const out: LibraryArticle[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && byAge(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!);
  return out;
}
