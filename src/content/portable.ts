/**
 * How another thread reads an article by itself: a {@link ContentSource}
 * hands out a serialisable recipe ({@link PortableRead}) so that a large load
 * is read, decoded and briefed on worker threads, off the main thread, without
 * the library knowing where articles come from.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { ArticleTooLargeError, NotRegularFileError } from '../errors';
import { articleFormatOf, decodeArticle } from './read-article';
import type { ArticleSource } from './types';

/** A recipe any thread can follow to get an article: a file to read and decode, or the article itself. */
export type PortableRead = { kind: 'file'; path: string; maxBytes: number } | { kind: 'article'; source: ArticleSource };

/**
 * Follow a {@link PortableRead} synchronously (a worker thread, or a small
 * update). Throws the content reader's `UserError`s for a bad file.
 */
export function readPortable(read: PortableRead): ArticleSource {
  return read.kind === 'article' ? read.source : readArticleSync(read.path, read.maxBytes);
}

/**
 * Read and decode one article file synchronously: refused before reading
 * when over `maxBytes` or not a regular file, and at most `maxBytes + 1`
 * bytes are read so a file that grew is refused too. Throws the content
 * reader's `UserError`s for bad files.
 */
export function readArticleSync(path: string, maxBytes: number): ArticleSource {
  const source = basename(path);
  const format = articleFormatOf(path) ?? 'txt';
  // Opened without blocking: a FIFO put in place of the file must not hang the thread waiting for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotRegularFileError(source);
    const size = info.size;
    if (size > maxBytes) throw new ArticleTooLargeError(source, size, maxBytes);
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let bytesRead = 0;
    for (let n = -1; n !== 0 && bytesRead < buffer.length; bytesRead += n) n = readSync(fd, buffer, bytesRead, buffer.length - bytesRead, bytesRead);
    if (bytesRead > maxBytes) throw new ArticleTooLargeError(source, bytesRead, maxBytes);
    return decodeArticle(buffer.subarray(0, bytesRead), format, source);
  } finally {
    closeSync(fd);
  }
}
