import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ArticleTooLargeError } from '../errors';
import type { ExtractedArticle } from '../extraction';
import { articleIdOf } from './read-article';
import type { ArticleSource } from './types';
import { decodeText } from './web/charset';
import { articleFromHtml } from './web/page-source';

/** Extensions of saved web pages. */
export const HTML_EXTENSIONS = ['.html', '.htm'] as const;

/** True for a `.html` / `.htm` file name. */
export function isHtmlFile(path: string): boolean {
  return (HTML_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/**
 * Read a saved web page and extract its article, exactly as a fetched one
 * (charset from the BOM or `<meta>`, else UTF-8 when valid, else windows-1252).
 *
 * @throws ArticleTooLargeError over `maxBytes`, NotAnArticleError when the page holds no article.
 */
export async function readHtmlFile(path: string, maxBytes: number): Promise<{ source: ArticleSource; article: ExtractedArticle }> {
  const name = basename(path);
  const info = await stat(path);
  if (info.size > maxBytes) throw new ArticleTooLargeError(name, info.size, maxBytes);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new ArticleTooLargeError(name, bytesRead, maxBytes);
    return articleFromHtml(decodeText(buffer.subarray(0, bytesRead)).text, name, articleIdOf(name));
  } finally {
    await handle.close();
  }
}
