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
  /**
   * Key of the article's content (SHA-256 of headline and body text, see
   * `contentKeyOf`): the scheduler never posts the same content twice to a
   * channel, even when the file was renamed (a new id). Absent when unknown.
   */
  contentKey?: string;
  /**
   * True while the summary is not computed yet (`briefing.summary` empty):
   * a large first load briefs quotes and headlines first and fills summaries
   * in the background. `get()` and `newest()` never return such an article.
   */
  summaryPending?: boolean;
  /**
   * Index terms autocomplete matches besides the title: the words of the lead
   * (the first paragraph under the headline) and the quotes' speakers. Kept
   * with the article so that the briefing cache restores them without the text.
   * A `TermList` (read it with `splitTerms`).
   */
  searchTerms?: string;
}

/** Read side of the article library, as the commands and the scheduler see it. */
export interface ArticleLibrary {
  /** Every article, oldest first (by timestamp, then id); a summary may still be pending (see {@link LibraryArticle.summaryPending}): take the article from `get()` to show it. */
  all(): readonly LibraryArticle[];
  /** The article with this id, if any, its summary computed. */
  get(id: string): LibraryArticle | undefined;
  /** The newest article, if any, its summary computed. */
  newest(): LibraryArticle | undefined;
  /**
   * Resolves once no update of the library is in progress (files that arrived
   * are all taken in), so that a selection made right after sees them all, in
   * order. Optional: a library that updates at once has nothing to wait for.
   */
  whenIdle?(): Promise<void>;
}
