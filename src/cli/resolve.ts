import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { checkContentFile, listArticleFiles, realFolder } from '../content/content-folder';
import { assertArticleId, compareIdClaims, isValidArticleId } from '../content/read-article';
import { ARTICLE_EXTENSIONS } from '../content/types';
import { ArticleNotFoundError, clip, NotRegularFileError, UserError } from '../errors';
import { nameKey } from '../library/normalize';

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

/** What a path names: a regular file, a folder, something else (a pipe, a device), or nothing. Never opens it. */
async function kindOf(path: string): Promise<'file' | 'dir' | 'other' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * The file of the article `id` in the content folder, found as the bot finds
 * it: the exact id first, else the same id once folded ({@link nameKey}: case,
 * accents, Arabic letter forms), the most recently modified when several
 * are. Ids are those the library gives (derived ones included); a link
 * leading out of the folder is never taken.
 */
function findArticleFile(id: string, contentDir: string): string | undefined {
  // The common case without listing the folder: a file named by the id itself (such a file has the best claim to it).
  const real = realFolder(contentDir);
  const own = ARTICLE_EXTENSIONS.map((ext) => `${id}${ext}`).sort(compareIdClaims).find((name) => checkContentFile(contentDir, real, name).kind === 'article');
  if (own) return join(contentDir, own);
  let files;
  try {
    files = listArticleFiles(contentDir);
  } catch {
    return undefined;
  }
  const byClaim = (a: { name: string }, b: { name: string }): number => compareIdClaims(a.name, b.name);
  const exact = files.filter((f) => f.id === id).sort(byClaim)[0];
  if (exact) return join(contentDir, exact.name);
  const key = nameKey(id);
  const folded = files.filter((f) => nameKey(f.id) === key).sort((a, b) => b.stamp.mtimeMs - a.stamp.mtimeMs || byClaim(a, b))[0];
  return folded && join(contentDir, folded.name);
}

/**
 * Turn the CLI argument into a file to read: a path as given, or an article
 * id looked up in the content folder ({@link findArticleFile}). Ids are
 * validated before they touch the file system.
 *
 * @throws FileNotFoundError, ArticleNotFoundError, InvalidArticleIdError, UnreadableFileError, NotRegularFileError
 */
export async function resolveArticle(target: string, contentDir: string): Promise<string> {
  if (looksLikePath(target)) {
    const kind = await kindOf(target);
    if (kind === 'dir') throw new UnreadableFileError(target, 'is a folder, not an article file.');
    if (kind === 'other') throw new NotRegularFileError(clip(basename(target) || target, 80));
    if (kind === 'file') return target;
    // `2024.report` is a valid id too: fall back to the library when there is no such file.
    if (target.includes('/') || target.includes('\\') || !isValidArticleId(target)) throw new FileNotFoundError(target);
  }
  const id = assertArticleId(target);
  const path = findArticleFile(id, contentDir);
  if (path) return path;
  throw new ArticleNotFoundError(id);
}
