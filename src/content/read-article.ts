import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ArticleTooLargeError, BinaryArticleError, EmptyArticleError, InvalidArticleIdError } from '../errors';
import { parseFrontMatter } from './front-matter';
import { ARTICLE_EXTENSIONS, type ArticleFormat, type ArticleSource } from './types';

/** Default size cap for one article file: 1 MB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 1_000_000;

/** Longest accepted article id, in characters (Discord's choice value limit is 100). */
export const MAX_ARTICLE_ID_LENGTH = 100;

const ID_PATTERN = /^[\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_.-]*$/u;

/** True when `id` is a plain article name: letters, digits, `_ . -`, no folders, no `..`. */
export function isValidArticleId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ARTICLE_ID_LENGTH && ID_PATTERN.test(id) && !id.includes('..');
}

/** Throws {@link InvalidArticleIdError} unless `id` is a plain article name. */
export function assertArticleId(id: string): string {
  if (!isValidArticleId(id)) throw new InvalidArticleIdError(id);
  return id;
}

/** The format of a file name, or undefined when the library does not read that kind of file. */
export function articleFormatOf(fileName: string): ArticleFormat | undefined {
  const ext = extname(fileName).toLowerCase();
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(ext) ? (ext.slice(1) as ArticleFormat) : undefined;
}

/** The article id of a file name: the name without folder and extension. */
export function articleIdOf(fileName: string): string {
  const name = basename(fileName);
  return name.slice(0, name.length - extname(name).length);
}

/**
 * Decode bytes as an article: strict UTF-8 (BOM removed), no NUL or other
 * binary control bytes, not blank. Markdown front matter is parsed and
 * validated.
 *
 * @param source Name used in error messages (a file name, never a full path from a user).
 */
export function decodeArticle(bytes: Uint8Array, format: ArticleFormat, source: string, id = articleIdOf(source)): ArticleSource {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BinaryArticleError(source);
  }
  if (looksBinary(text)) throw new BinaryArticleError(source);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const { meta, body } = format === 'md' ? parseFrontMatter(text, source) : { meta: {}, body: text };
  if (!/[\p{L}\p{N}]/u.test(body)) throw new EmptyArticleError(source);
  return { id, format, meta, body };
}

/**
 * Read one article file from disk, refusing it before reading when it is over
 * `maxBytes`.
 */
export async function readArticleFile(path: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): Promise<ArticleSource> {
  const source = basename(path);
  const format = articleFormatOf(path) ?? 'txt';
  const info = await stat(path);
  if (info.size > maxBytes) throw new ArticleTooLargeError(source, info.size, maxBytes);
  const handle = await open(path, 'r');
  try {
    // Read at most maxBytes + 1 so a file that grew since stat() is still refused.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new ArticleTooLargeError(source, bytesRead, maxBytes);
    return decodeArticle(buffer.subarray(0, bytesRead), format, source);
  } finally {
    await handle.close();
  }
}

/** NUL bytes, or many C0 control characters other than tab/newline/CR/form feed, mean binary data. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > 0 && controls / sample.length > 0.01;
}
