import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../content/types';
import { assertArticleId, isValidArticleId } from '../content/read-article';
import { ArticleNotFoundError, clip, UserError } from '../errors';

/** A file given on the command line that does not exist or cannot be read. */
export class FileNotFoundError extends UserError {
  override name = 'FileNotFoundError';
  constructor(readonly file: string) {
    super(`File not found: ${clip(basename(file) || file, 80)}`);
  }
}

/** A path that is a folder, or unreadable. */
export class UnreadableFileError extends UserError {
  override name = 'UnreadableFileError';
  constructor(file: string, why: string) {
    super(`${clip(basename(file) || file, 80)} ${why}`);
  }
}

/** True when the argument names a file rather than an article id: it has a folder separator or an extension. */
export function looksLikePath(target: string): boolean {
  return target.includes('/') || target.includes('\\') || extname(target) !== '';
}

async function isFile(path: string): Promise<boolean | 'dir'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : info.isFile();
  } catch {
    return false;
  }
}

/**
 * Turn the CLI argument into a file to read: a path as given, or an article
 * id looked up as `<contentDir>/<id>.txt` or `.md`. Ids are validated before
 * they touch the file system.
 *
 * @throws FileNotFoundError, ArticleNotFoundError, InvalidArticleIdError, UnreadableFileError
 */
export async function resolveArticle(target: string, contentDir: string): Promise<string> {
  if (looksLikePath(target)) {
    const found = await isFile(target);
    if (found === 'dir') throw new UnreadableFileError(target, 'is a folder, not an article file.');
    if (found) return target;
    // `2024.report` is a valid id too: fall back to the library when there is no such file.
    if (target.includes('/') || target.includes('\\') || !isValidArticleId(target)) throw new FileNotFoundError(target);
  }
  const id = assertArticleId(target);
  for (const ext of ARTICLE_EXTENSIONS) {
    const path = join(contentDir, `${id}${ext}`);
    if ((await isFile(path)) === true) return path;
  }
  throw new ArticleNotFoundError(id);
}
