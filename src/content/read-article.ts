import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ArticleTooLargeError, BinaryArticleError, EmptyArticleError, InvalidArticleIdError, NotRegularFileError } from '../errors';
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

/** The file's name without folder and extension. */
function baseNameOf(fileName: string): string {
  const name = basename(fileName);
  return name.slice(0, name.length - extname(name).length);
}

/** Characters an id may not have, in runs (spaces, `&`, `!`, Arabic commas, control characters…). */
const NOT_ID = /[^\p{L}\p{M}\p{N}_.-]+/gu;

/**
 * An id made from a name that is not one: NFC, lower case, every run of other
 * characters (spaces, `&`, punctuation) a single `-`, no `..`, starting with a
 * letter, digit or `_`, at most {@link MAX_ARTICLE_ID_LENGTH} characters.
 * Letters of every script are kept: `Breaking News` → `breaking-news`,
 * `أخبار، عاجلة` → `أخبار-عاجلة`. Empty when the name has no letter or digit.
 */
export function slugArticleId(name: string): string {
  const slug = name.normalize('NFC').toLowerCase().replace(NOT_ID, '-').replace(/\.{2,}/g, '.').replace(/-{2,}/g, '-')
    .replace(/^[^\p{L}\p{M}\p{N}_]+/u, '');
  let clipped = '';
  for (const char of slug) {
    if (clipped.length + char.length > MAX_ARTICLE_ID_LENGTH) break;
    clipped += char;
  }
  clipped = clipped.replace(/[-.]+$/, '');
  return /[\p{L}\p{N}]/u.test(clipped) && isValidArticleId(clipped) ? clipped : '';
}

/**
 * The article id of a file name: the name without folder and extension when
 * that is a valid id, else a slug of it ({@link slugArticleId}, e.g.
 * `Breaking News.txt` → `breaking-news`); empty when the name has no letter
 * or digit to make one from.
 */
export function articleIdOf(fileName: string): string {
  const name = baseNameOf(fileName);
  return isValidArticleId(name) ? name : slugArticleId(name);
}

/** True when a file's id is derived from its name ({@link slugArticleId}) rather than the name itself. */
export function hasDerivedId(fileName: string): boolean {
  return !isValidArticleId(baseNameOf(fileName));
}

/**
 * Which of two files claiming the same id keeps it (negative: `a`): a file
 * named by the id itself before one whose id is derived, then the smaller
 * name by code points. It depends on the two names alone, so the same folder
 * always gives the same articles, whatever order its files arrived in.
 */
export function compareIdClaims(a: string, b: string): number {
  const derived = Number(hasDerivedId(a)) - Number(hasDerivedId(b));
  return derived !== 0 ? derived : a < b ? -1 : a > b ? 1 : 0;
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
 * Open a file for reading only if it is a regular file: opened without
 * blocking (a FIFO would otherwise wait for a writer forever), then checked.
 *
 * @throws NotRegularFileError for a pipe, device, socket or folder; the system's error when it cannot be opened.
 */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(basename(path));
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Read one article file from disk, refusing it before reading when it is over
 * `maxBytes` or not a regular file.
 */
export async function readArticleFile(path: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): Promise<ArticleSource> {
  const source = basename(path);
  const format = articleFormatOf(path) ?? 'txt';
  const { handle, size } = await openRegularFile(path);
  try {
    if (size > maxBytes) throw new ArticleTooLargeError(source, size, maxBytes);
    // Read at most maxBytes + 1 so a file that grew since it was opened is still refused.
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
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
