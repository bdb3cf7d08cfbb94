/**
 * The in-memory reference of what `PostgresArticles.reader(guildId)` reads:
 * the operator's articles and one server's own, as the library's view of
 * that server (`mergedView`) through `memoryReader`.
 */
import { memoryReader, mergedView, SearchIndex, type ArticleLibrary, type ArticleReader, type LibraryArticle, type LibraryView } from '../../src/library';
import { byAge } from '../../src/library/views';

/** A scope as the library keeps it: oldest first; `get` gives its article even while the summary is pending (as when it cannot be computed). */
export function shelfOf(list: readonly LibraryArticle[]) {
  const sorted = [...list].sort(byAge);
  return { search: new SearchIndex(), all: () => sorted, get: (id: string) => sorted.find((a) => a.id === id), has: (id: string) => sorted.some((a) => a.id === id) };
}

/** The reader of each server (`guild` with `own` articles, any other with none) and of a DM (null), over the operator's articles. */
export function memoryReaders(guild: string, operator: readonly LibraryArticle[], own: readonly LibraryArticle[]): (guildId: string | null) => ArticleReader {
  const shelf = shelfOf(operator);
  const library: LibraryView = { search: shelf.search, all: shelf.all, get: shelf.get, newest: () => shelf.all().at(-1) };
  const guildShelf = shelfOf(own);
  return (guildId) => memoryReader(guildId === guild && own.length > 0 ? mergedView(library, guildShelf) : (library as ArticleLibrary));
}
