import { readdir } from 'node:fs/promises';
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { ArticleNotFoundError } from '../errors';
import { addToGroup, groupOf, removeFromGroup, type Groups } from '../groups';
import type { Logger } from '../logger';
import { checkContentFile, isArticleName, realFolder, sameStamp, subfoldersOf, type FileStamp } from './content-folder';
import { readPortable, type PortableRead } from './portable';
import { articleIdOf, assertArticleId, compareIdClaims } from './read-article';
import { SettleGate } from './settle';
import type { ContentChange, ContentEntry, ContentSource } from './source';

/** Options of {@link createFolderSource}. */
export interface FolderSourceOptions {
  /** Size cap of one article file, in bytes. */
  maxBytes: number;
  /** Where refused files, sub-folders, duplicate ids and watcher failures are named (once each). */
  logger?: Logger;
  /**
   * Quiet time, in ms, a file needs (no change of size or mtime) before it is
   * listed: a file still being written is never briefed half-written
   * (default 0 = at once). Files older than that are listed at once.
   */
  settleMs?: number;
  /** Watch the folder for changes (default true); without, changes are seen at the next listing. */
  watch?: boolean;
}

/** A settled article file of the folder. */
interface FileSeen {
  id: string;
  stamp: FileStamp;
}

/** Let the event loop run (I/O, timers) before going on. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const versionOf = (stamp: FileStamp): string => `${stamp.size}:${stamp.mtimeMs}`;

/**
 * The operator's folder of `.txt`/`.md` articles as a {@link ContentSource}:
 * the top level of the folder, each file's version its size and mtime. A
 * link leading outside the folder, a pipe or a sub-folder is never read (each
 * named once in the log); of two files with one id (`a.txt`, `a.md`) the
 * better claim wins and the other is named once; a file still being written
 * is held back until it settles. Workers read files themselves
 * ({@link ContentSource.portable}).
 */
export function createFolderSource(dir: string, options: FolderSourceOptions): ContentSource & { readonly dir: string } {
  const { maxBytes } = options;
  const log = options.logger?.child({ component: 'content-folder' });
  /** Settled article files as last seen, by name. */
  const files = new Map<string, FileSeen>();
  /** Names by article id (several when files compete for one id). */
  const claims: Groups = new Map();
  /** Files refused, with the reason last logged; files set aside for another with their id, with the winner last logged. */
  const refused = new Map<string, string>();
  const asideFrom = new Map<string, string>();
  const subfolders = new Set<string>();
  const listeners = new Set<(change: ContentChange) => void>();
  let realDir = realFolder(dir);
  let watcher: FSWatcher | undefined;

  const emit = (change: ContentChange): void => listeners.forEach((listener) => listener(change));
  const settle = new SettleGate(options.settleMs ?? 0, (name) => emitFor(name));

  const forget = (name: string): void => {
    const known = files.get(name);
    if (!known) return;
    files.delete(name);
    removeFromGroup(claims, known.id, name);
  };

  const remember = (name: string, seen: FileSeen): void => {
    forget(name);
    files.set(name, seen);
    addToGroup(claims, seen.id, name);
  };

  /** Size and mtime of an article file; null when it is gone, not an article, or refused (logged once, naming it). */
  const stampOf = (name: string): FileStamp | null => {
    const check = checkContentFile(dir, realDir, name);
    if (check.kind !== 'refused') {
      refused.delete(name);
      return check.kind === 'article' ? check.stamp : null;
    }
    if (refused.get(name) !== check.reason) log?.warn({ file: name, reason: check.reason }, `skipped ${name}: it ${check.reason}`);
    refused.set(name, check.reason);
    return null;
  };

  /** Look at one name again: its settled state is remembered (a file still being written keeps its last settled state). */
  const look = (name: string, now = Date.now()): void => {
    const stamp = stampOf(name);
    const known = files.get(name);
    if (!stamp) {
      settle.forget(name);
      forget(name);
    } else if (known && sameStamp(known.stamp, stamp)) settle.forget(name);
    else if (settle.settled(name, stamp, now)) remember(name, { id: articleIdOf(name), stamp });
  };

  /** The file that has an id: the best claim (see `compareIdClaims`); the others are named once in the log. */
  const ownerOf = (id: string): string | undefined => {
    const names = [...groupOf(claims, id)].sort(compareIdClaims);
    const owner = names[0];
    for (const name of names.slice(1)) {
      if (asideFrom.get(name) !== owner) log?.warn({ file: name, other: owner }, `skipped ${name}: another file (${owner}) already has the id "${id}"`);
      asideFrom.set(name, owner!);
    }
    if (owner !== undefined) asideFrom.delete(owner);
    return owner;
  };

  const entryOf = (id: string): ContentEntry | undefined => {
    const name = ownerOf(id);
    const seen = name === undefined ? undefined : files.get(name);
    return seen && { id, version: versionOf(seen.stamp), changedMs: seen.stamp.mtimeMs, label: name };
  };

  /** Tell the listeners how the article of this file name stands now. */
  function emitFor(name: string): void {
    const before = files.get(name)?.id;
    look(name);
    const id = files.get(name)?.id ?? before ?? articleIdOf(name);
    const entry = entryOf(id);
    emit(entry ? { kind: 'changed', entry } : { kind: 'removed', id });
  }

  /** Article file names of the folder (top level); sub-folders are named once in the log, never read. */
  const readNames = async (): Promise<string[]> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw new Error(`cannot read the content folder ${dir}: ${(error as Error).message}`);
    }
    realDir = realFolder(dir);
    for (const folder of subfoldersOf(entries)) {
      if (!subfolders.has(folder)) log?.info({ folder }, `sub-folder ${folder} not read: articles are read from the top level of the content folder only`);
      subfolders.add(folder);
    }
    return entries.filter((e) => isArticleName(e.name)).map((e) => e.name).sort();
  };

  const startWatching = (): void => {
    if (watcher || listeners.size === 0 || options.watch === false) return;
    try {
      watcher = watch(dir, { persistent: false }, (_event, filename) => {
        const name = filename === null ? null : filename.toString();
        if (name === null) emit({ kind: 'rescan' });
        else if (isArticleName(name) || files.has(name)) emitFor(name);
      });
      watcher.on('error', (error) => {
        log?.warn({ reason: error.message }, 'content folder watcher failed; relying on the periodic rescan');
        watcher?.close();
        watcher = undefined;
      });
    } catch (error) {
      log?.warn({ reason: (error as Error).message }, 'cannot watch the content folder; relying on the periodic rescan');
    }
  };

  const pathOf = (id: string): string => {
    assertArticleId(id);
    const name = ownerOf(id);
    if (name === undefined) throw new ArticleNotFoundError(id);
    return join(dir, name);
  };

  return {
    kind: 'folder',
    dir,
    async list() {
      const names = await readNames();
      const present = new Set(names);
      for (const name of [...files.keys()]) if (!present.has(name)) forget(name);
      for (const name of settle.held()) if (!present.has(name)) settle.forget(name);
      // Synchronous stats, yielding now and then: far cheaper than thousands of promises.
      const now = Date.now();
      for (const [i, name] of names.entries()) {
        if (i % 1000 === 999) await yieldToEvents();
        look(name, now);
      }
      startWatching();
      const entries: ContentEntry[] = [];
      for (const id of claims.keys()) {
        const entry = entryOf(id);
        if (entry) entries.push(entry);
      }
      return entries;
    },
    async read(id) {
      const path = pathOf(id);
      const seen = files.get(ownerOf(id)!)!;
      return { source: readPortable({ kind: 'file', path, maxBytes }), version: versionOf(seen.stamp) };
    },
    portable(id): PortableRead | undefined {
      const name = ownerOf(id);
      return name === undefined ? undefined : { kind: 'file', path: join(dir, name), maxBytes };
    },
    settling: () => settle.untilAllDue(),
    watch(onChange) {
      listeners.add(onChange);
      startWatching();
      return () => {
        listeners.delete(onChange);
        if (listeners.size > 0) return;
        watcher?.close();
        watcher = undefined;
        settle.stop();
      };
    },
  };
}
