/**
 * What the content folder holds, file by file: which names are articles
 * (top level, `.txt`/`.md`, not hidden), their ids, and why a file is
 * refused. Shared by the library (bot) and the CLI, so both see the same
 * articles under the same ids.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';
import { articleFormatOf, articleIdOf } from './read-article';

/** Size and modification time of an article file. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** True when two stamps are the same: the file has not changed between them. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/** How one name of the content folder stands. */
export type FileCheck =
  /** An article file: its id and stamp. */
  | { kind: 'article'; id: string; stamp: FileStamp }
  /** Not an article and nothing to say: gone, hidden, or another kind of file (`notes.pdf`). */
  | { kind: 'none' }
  /** Looks like an article but is refused: the reason, to log with the file's name. */
  | { kind: 'refused'; reason: string };

/** True when a name is one the library reads: a `.txt` or `.md` file, not hidden (`.x.txt` is an editor's or a system's). */
export function isArticleName(name: string): boolean {
  return !name.startsWith('.') && !name.includes('/') && !name.includes('\\') && articleFormatOf(name) !== undefined;
}

/** The folder's real path (links resolved), to tell where a link leads; the folder as given when it cannot be resolved. */
export function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** True when `path` (resolved) is inside `folder` (resolved). */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Check one name of the content folder. A link is followed only when it
 * resolves inside the folder: one leading outside (to an `.env`, `/etc/…`)
 * is refused and never read. Only regular files are articles (a pipe or a
 * device would hang or flood a reader).
 *
 * @param folder the content folder as configured; `real`: its resolved path ({@link realFolder}).
 */
export function checkContentFile(folder: string, real: string, name: string): FileCheck {
  if (!isArticleName(name)) return { kind: 'none' };
  const path = join(folder, name);
  let info;
  try {
    info = lstatSync(path);
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch {
        return { kind: 'refused', reason: 'is a link to nothing (broken link)' };
      }
      if (!isInside(real, target)) return { kind: 'refused', reason: 'is a link to a file outside the content folder: refused, not read' };
      info = statSync(target);
    }
  } catch {
    return { kind: 'none' };
  }
  if (info.isDirectory()) return { kind: 'refused', reason: 'is a folder: only files at the top of the content folder are read' };
  if (!info.isFile()) return { kind: 'refused', reason: 'is not a regular file (a pipe, device or socket)' };
  const id = articleIdOf(name);
  if (id === '') return { kind: 'refused', reason: 'has no letter or digit in its name to make an article id from' };
  return { kind: 'article', id, stamp: { mtimeMs: info.mtimeMs, size: info.size } };
}

/** Sub-folders of the content folder (not hidden): never read, named once in the log so that nobody waits for their files. */
export function subfoldersOf(entries: readonly { name: string; isDirectory(): boolean }[]): string[] {
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
}

/** The article files of a folder with their ids, sorted by name; refused ones and other files left out. @throws the system's error when the folder cannot be read. */
export function listArticleFiles(folder: string): { name: string; id: string; stamp: FileStamp }[] {
  const real = realFolder(folder);
  const found: { name: string; id: string; stamp: FileStamp }[] = [];
  for (const name of readdirSync(folder).sort()) {
    const check = checkContentFile(folder, real, name);
    if (check.kind === 'article') found.push({ name, id: check.id, stamp: check.stamp });
  }
  return found;
}
