/**
 * Where articles come from, as one interface: a folder of files, a web page,
 * a server's feed articles. The library can list a source, read an article
 * from it, and (when the source can tell) be told of changes. Each article
 * carries an opaque version: a different version means the article changed
 * and must be read and briefed again; the same version means nothing to do.
 */
import type { PortableRead } from './portable';
import type { ArticleSource } from './types';

/** An article a source can give, without its text. */
export interface ContentEntry {
  /** The article's id (a valid article id: letters, digits, `_ . -`). */
  id: string;
  /** Opaque: compare for equality only (file size and mtime, an ETag, a content hash…). */
  version: string;
  /** When the article last changed, epoch ms, when the source knows (a file's mtime): orders an article without a published date. */
  changedMs?: number;
  /** How logs name it (a file name); the id when absent. */
  label?: string;
}

/** An article read from a source. */
export interface ContentArticle {
  /** Id, format, metadata (title, url, author, published, source, language) and the text to brief. */
  source: ArticleSource;
  version: string;
}

/** Something that changed in a source; `rescan`: something did, the source cannot tell what (list it again). */
export type ContentChange = { kind: 'changed'; entry: ContentEntry } | { kind: 'removed'; id: string } | { kind: 'rescan' };

/** One place articles come from. */
export interface ContentSource {
  /** For logs: `folder`, `web-page`, `feed`… */
  readonly kind: string;
  /** Every article the source has now. Throws (one line) when the source cannot be read at all: what was listed before stands. */
  list(signal?: AbortSignal): Promise<ContentEntry[]>;
  /** One article, read and decoded; throws a `UserError` for a bad or missing one. */
  read(id: string, signal?: AbortSignal): Promise<ContentArticle>;
  /** Call `onChange` when an article is added, changed or removed; returns the function that stops watching. Sources that cannot tell leave this out and are listed again instead. */
  watch?(onChange: (change: ContentChange) => void): () => void;
  /**
   * How another thread can read this article by itself (see {@link PortableRead}),
   * synchronously: a large load is then read and briefed off the main thread.
   * Sources without it are read with {@link ContentSource.read} and the text is handed over.
   */
  portable?(id: string): PortableRead | undefined;
  /**
   * True when each change is told once the article is whole (a row stored),
   * not as a burst of events while it is written (a file): the change is
   * taken in at once, without the library's quiet period.
   */
  readonly changesAreWhole?: boolean;
  /** Milliseconds until the articles held back now (still being written) may be listed: at least 1 while any is held (list again then), 0 or absent when none is. */
  settling?(): number;
}
