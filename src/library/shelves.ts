import type { QuoteHit, QuoteQuery, Suggestion } from './search';
import { DEFAULT_QUOTE_LIMIT, MAX_SUGGESTIONS, SearchIndex } from './search';
import type { ArticleLibrary, LibraryArticle } from './types';

/** The search a command uses: quotes, autocomplete and name resolution. */
export type LibrarySearch = Pick<SearchIndex, 'searchQuotes' | 'suggestArticles' | 'suggestSpeakers' | 'resolveName'>;

/** What one reader (a server, or a DM) sees: articles and their search. `Library` is one (the operator's folder alone). */
export interface LibraryView extends ArticleLibrary {
  readonly search: LibrarySearch;
}

/**
 * The search as commands read it: in memory ({@link LibrarySearch}), or in
 * Postgres (`DATABASE_URL`), where quotes and suggestions come as promises.
 * Name resolution stays with the articles, in memory.
 */
export interface ReaderSearch {
  searchQuotes(q: QuoteQuery): QuoteHit[] | Promise<QuoteHit[]>;
  suggestArticles(typed: string): Suggestion[] | Promise<Suggestion[]>;
  suggestSpeakers(typed: string): Suggestion[] | Promise<Suggestion[]>;
  resolveName(typed: string): string | undefined;
}

/** What one reader sees, as commands read it: a {@link LibraryView}, or one whose search is in Postgres. */
export interface ReaderView extends ArticleLibrary {
  readonly search: ReaderSearch;
}

/** An article to shelve: whose it is and the feed it came from. */
export interface ShelvedArticle {
  guildId: string;
  feedId: number;
  article: LibraryArticle;
}

/** Told of each article put on or taken off a server's shelf. */
export interface ShelfListener {
  shelved(guildId: string, article: LibraryArticle): void;
  unshelved(guildId: string, id: string): void;
}

/** A view whose search is another one (Postgres's), its articles the same. */
export function withSearch(view: ArticleLibrary, search: ReaderSearch): ReaderView {
  return {
    search,
    all: () => view.all(),
    get: (id) => view.get(id),
    newest: () => view.newest(),
    ...(view.whenIdle ? { whenIdle: () => view.whenIdle!() } : {}),
  };
}

const byAge = (a: LibraryArticle, b: LibraryArticle): number => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One server's articles and their search index. */
class Shelf {
  readonly articles = new Map<string, { feedId: number; article: LibraryArticle }>();
  readonly search = new SearchIndex();
  private sorted: LibraryArticle[] | undefined;

  put(feedId: number, article: LibraryArticle): void {
    this.articles.set(article.id, { feedId, article });
    this.search.upsert(article);
    this.sorted = undefined;
  }

  drop(id: string): void {
    this.articles.delete(id);
    this.search.remove(id);
    this.sorted = undefined;
  }

  all(): LibraryArticle[] {
    this.sorted ??= [...this.articles.values()].map((entry) => entry.article).sort(byAge);
    return this.sorted;
  }
}

/**
 * Each server's own articles (its feeds'), kept apart: a server's view is
 * the operator's library plus its shelf, and no other server's. The
 * operator's library (`CONTENT_DIR`) stays visible everywhere; a DM sees the
 * operator's library alone.
 */
export class GuildShelves {
  private readonly shelves = new Map<string, Shelf>();
  private readonly listeners: ShelfListener[] = [];

  /** Be told of every article shelved or taken off from now on (a search index elsewhere follows them). */
  listen(listener: ShelfListener): void {
    this.listeners.push(listener);
  }

  /** Put articles on their servers' shelves (replacing one with the same id). */
  add(entries: readonly ShelvedArticle[]): void {
    for (const { guildId, feedId, article } of entries) {
      let shelf = this.shelves.get(guildId);
      if (!shelf) this.shelves.set(guildId, (shelf = new Shelf()));
      shelf.put(feedId, article);
      for (const listener of this.listeners) listener.shelved(guildId, article);
    }
  }

  /** Take a removed feed's articles off its server's shelf. */
  removeFeed(guildId: string, feedId: number): void {
    const shelf = this.shelves.get(guildId);
    if (!shelf) return;
    for (const [id, entry] of [...shelf.articles]) {
      if (entry.feedId !== feedId) continue;
      shelf.drop(id);
      for (const listener of this.listeners) listener.unshelved(guildId, id);
    }
  }

  /** A server's own article (not the operator's). */
  get(guildId: string, id: string): LibraryArticle | undefined {
    return this.shelves.get(guildId)?.articles.get(id)?.article;
  }

  /** Number of articles on a server's shelf. */
  sizeOf(guildId: string): number {
    return this.shelves.get(guildId)?.articles.size ?? 0;
  }

  /** What `guildId` sees: the operator's library and this server's shelf (the library alone for none, or an empty shelf). */
  view(operator: LibraryView, guildId: string | null | undefined): LibraryView {
    const shelf = guildId ? this.shelves.get(guildId) : undefined;
    return shelf && shelf.articles.size ? mergedView(operator, shelf) : operator;
  }
}

/** The operator's library and one shelf, read as one library (the shelf wins an id both have). */
function mergedView(operator: LibraryView, shelf: Shelf): LibraryView {
  const get = (id: string): LibraryArticle | undefined => shelf.articles.get(id)?.article ?? operator.get(id);
  const timestampOf = (id: string): number => get(id)?.timestamp ?? 0;
  const search: LibrarySearch = {
    searchQuotes(q: QuoteQuery): QuoteHit[] {
      if (q.articleId) return (shelf.articles.has(q.articleId) ? shelf.search : operator.search).searchQuotes(q);
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
      const b = shelf.all().at(-1);
      return !a ? b : !b ? a : byAge(a, b) > 0 ? a : b;
    },
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
