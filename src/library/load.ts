import { createBriefing } from '../briefing/index';
import type { Briefing } from '../briefing/schema';
import { readArticleFile } from '../content/read-article';
import type { ArticleSource } from '../content/types';
import type { LibraryArticle } from './types';

/** Size and modification time of a file, as the library tracks them. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/**
 * Brief an article read from disk (or reuse `cached`, its briefing from an
 * earlier run). Timestamp: the front matter's `published` date, else the
 * file's mtime.
 */
export function toLibraryArticle(source: ArticleSource, stamp: FileStamp, cached?: Briefing): LibraryArticle {
  const briefing = cached ?? createBriefing(source.body, { title: source.meta.title, language: source.meta.language });
  const published = source.meta.published ? Date.parse(source.meta.published) : Number.NaN;
  return {
    id: source.id,
    format: source.format,
    meta: source.meta,
    briefing,
    timestamp: Number.isFinite(published) ? published : stamp.mtimeMs,
    mtimeMs: stamp.mtimeMs,
  };
}

/** Read, decode and brief one article file. Throws the content reader's `UserError`s for bad files. */
export async function loadArticle(path: string, stamp: FileStamp, maxBytes: number, cached?: Briefing): Promise<LibraryArticle> {
  return toLibraryArticle(await readArticleFile(path, maxBytes), stamp, cached);
}
