import { isValidArticleId } from '../content/read-article';
import { ArticleNotFoundError, InvalidArticleIdError } from '../errors';
import type { LibraryArticle, ReaderView } from '../library';

/** Longest text we try to match against titles (Discord options are at most 100 characters anyway). */
const MAX_TYPED = 300;

/**
 * The article a command option names: its exact id (what autocomplete sends),
 * else an id or title typed by hand, matched once folded (case, accents,
 * Arabic forms). The text is only ever looked up (in memory, or in
 * Postgres as a query parameter), never used as a path.
 *
 * @throws InvalidArticleIdError when the text is not a plain id (a path, too long…) and no title matches.
 * @throws ArticleNotFoundError when no article has that id.
 */
export async function resolveArticle(library: ReaderView, option: string): Promise<LibraryArticle> {
  const typed = option.trim();
  const valid = isValidArticleId(typed);
  const exact = valid ? await library.get(typed) : undefined;
  if (exact) return exact;
  const named = typed.length <= MAX_TYPED ? await library.search.resolveName(typed) : undefined;
  const article = named === undefined ? undefined : await library.get(named);
  if (article) return article;
  throw valid ? new ArticleNotFoundError(typed) : new InvalidArticleIdError(typed);
}
