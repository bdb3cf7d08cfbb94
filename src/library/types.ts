import type { Briefing } from '../briefing/schema';
import type { ArticleMeta, ArticleFormat } from '../content/types';

/** One article of the library, with its briefing computed once. */
export interface LibraryArticle {
  /** File name without extension. */
  id: string;
  format: ArticleFormat;
  meta: ArticleMeta;
  briefing: Briefing;
  /** When the article was published (front matter) or else first seen (file mtime), epoch ms. Orders the library. */
  timestamp: number;
  /** Modification time of the file, epoch ms. */
  mtimeMs: number;
}

/** Read side of the article library, as the commands and the scheduler see it. */
export interface ArticleLibrary {
  /** Every article, oldest first (by timestamp, then id). */
  all(): readonly LibraryArticle[];
  /** The article with this id, if any. */
  get(id: string): LibraryArticle | undefined;
  /** The newest article, if any. */
  newest(): LibraryArticle | undefined;
}
