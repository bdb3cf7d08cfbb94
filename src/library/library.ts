import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkContentFile, isArticleName, realFolder, sameStamp, subfoldersOf } from '../content/content-folder';
import { articleIdOf, compareIdClaims } from '../content/read-article';
import type { Logger } from '../logger';
import { BriefPool, defaultPoolSize } from './brief-pool';
import { BriefingCache, cacheVersion } from './briefing-cache';
import type { ArticleIndexEntry } from './index-entry';
import { briefFile, toLibraryArticle, type BriefedArticle, type BriefPart, type FileStamp } from './load';
import { forEachLimited } from './pool';
import { SearchIndex } from './search';
import { SettleGate } from './settle';
import type { ArticleLibrary, LibraryArticle } from './types';

/** Options of {@link createLibrary}. */
export interface LibraryOptions {
  contentDir: string;
  /** Size cap of one article file, in bytes. */
  maxBytes: number;
  logger: Logger;
  /** Fallback full rescan period, in seconds (0 = none). */
  rescanSeconds: number;
  /** Watch the folder for changes (default true). */
  watch?: boolean;
  /** Files read at once during a scan without workers (default 8). */
  concurrency?: number;
  /**
   * Worker threads that brief files when a scan has many to brief, the main
   * thread briefing alongside them (default: one per core but one; 0 = the
   * main thread alone).
   */
  workers?: number;
  /** Fewest files to brief in one scan for the workers to be started (default 64; below, starting them costs more than it saves). */
  workersFrom?: number;
  /** Quiet period after a file-system event before the files are re-read, in ms (default 100). */
  debounceMs?: number;
  /**
   * Quiet time, in ms, a file needs (no change of size or mtime) before it is
   * read: a file still being written is never briefed half-written (default
   * 0 = at once; the bot uses `LIBRARY_SETTLE_MS`). Files older than that
   * are read at once, so a first start does not wait.
   */
  settleMs?: number;
  /** File where briefings are kept between runs (none by default): a restart re-briefs only changed files. */
  cachePath?: string;
  /**
   * When the workers brief many files at once (a first start), leave the
   * summaries out and fill them in right after, in the background (default
   * true): quote search and autocomplete need only quotes and headlines, so
   * the library is ready sooner. `get()` and `newest()` compute a missing
   * summary on the spot (one file, about a millisecond).
   */
  deferSummaries?: boolean;
  /** Articles whose summaries are filled in per background step (default 256). */
  summaryBatch?: number;
}

/** Library events: an article appeared, changed (re-briefed) or disappeared. */
export interface LibraryEvents {
  added: [article: LibraryArticle];
  changed: [article: LibraryArticle];
  removed: [id: string];
}

/**
 * The article library: every article of `CONTENT_DIR`, briefed once and kept
 * current while the bot runs (watcher plus periodic rescan). Bad files are
 * skipped with a warning naming them.
 */
export interface Library extends ArticleLibrary {
  /** Initial load, then watch. Resolves when every file has been read once. */
  start(): Promise<void>;
  /** Stop watching and rescanning. */
  stop(): Promise<void>;
  /** Re-read the folder now (only files whose size or mtime changed are re-briefed). */
  rescan(): Promise<void>;
  /** Resolves once no article waits for its summary (at once when none does), or the library stopped. */
  whenSummarized(): Promise<void>;
  /** Resolves once no scan is queued or running and no file event waits to be read (see {@link ArticleLibrary.whenIdle}). */
  whenIdle(): Promise<void>;
  /** Quote search and autocomplete over the library. */
  readonly search: SearchIndex;
  /** Number of articles. */
  readonly size: number;
  on<E extends keyof LibraryEvents>(event: E, listener: (...args: LibraryEvents[E]) => void): void;
  off<E extends keyof LibraryEvents>(event: E, listener: (...args: LibraryEvents[E]) => void): void;
}

interface FileEntry {
  stamp: FileStamp;
  /** Id of the article loaded from this file; undefined when the file was bad (already warned). */
  id?: string;
  /** Skipped because another file has the same id: retried on every scan, in case that file goes. */
  duplicate?: boolean;
}

/** Let the event loop run (I/O, timers) before going on. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Create the library of `contentDir`. Nothing is read before `start()`. */
export function createLibrary(options: LibraryOptions): Library {
  const { contentDir, maxBytes, logger } = options;
  const log = logger.child({ component: 'library' });
  const emitter = new EventEmitter();
  const articles = new Map<string, LibraryArticle>();
  const files = new Map<string, FileEntry>();
  /** Article id → the file name it was loaded from. */
  const owners = new Map<string, string>();
  const search = new SearchIndex();
  /** Worker threads of a large load or summary fill: one per core but one, the main thread working too. */
  const workerCount = options.workers ?? defaultPoolSize() - 1;
  /** Start briefing workers (should they fail, `failure` is logged once and the pool briefs in this thread). */
  const startWorkers = (alsoHere: boolean, failure: string): BriefPool =>
    new BriefPool({ size: workerCount, alsoHere, onFailure: (reason) => log.warn({ reason }, failure) });
  let sorted: LibraryArticle[] | undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let pending = new Set<string>();
  let pendingFull = false;
  let queue: Promise<void> = Promise.resolve();
  let running = false;
  let missingWarned = false;
  let cache: BriefingCache | undefined;
  let saveTimer: NodeJS.Timeout | undefined;

  /** Write the cache a little later (changes come in bursts). */
  const scheduleSave = (delayMs = 5000): void => {
    if (!cache || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void cache?.save();
    }, delayMs);
    saveTimer.unref();
  };

  const serial = (job: () => Promise<void>): Promise<void> => {
    const run = queue.then(job, job);
    queue = run.catch((error: unknown) => log.error({ err: error }, 'library update failed'));
    return queue;
  };

  /** Scans queued or running (files being taken in), and who waits for there to be none. */
  let scansPending = 0;
  let idleWaiters: Array<() => void> = [];
  const isIdle = (): boolean => scansPending === 0 && debounce === undefined;
  const wakeIdleWaiters = (): void => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  };
  /** {@link serial} for a scan (a full one, or of the files events named): counted until it ends, for `whenIdle()`. */
  const serialScan = (job: () => Promise<void>): Promise<void> => {
    scansPending++;
    return serial(job).finally(() => {
      scansPending--;
      wakeIdleWaiters();
    });
  };

  /** Keep and index an article (`index`: its index entry, when the worker that briefed it sent one). */
  const put = (article: LibraryArticle, isNew: boolean, index?: ArticleIndexEntry): void => {
    articles.set(article.id, article);
    search.upsert(article, index);
    sorted = undefined;
    emitter.emit(isNew ? 'added' : 'changed', article);
  };

  const drop = (id: string): void => {
    if (!articles.delete(id)) return;
    search.remove(id);
    sorted = undefined;
    emitter.emit('removed', id);
  };

  /** The content folder's resolved path: a link in it must lead inside it. */
  let realDir = realFolder(contentDir);
  /** Files refused (a link leading outside, a pipe…), with the reason last logged: each is named once, again when its reason changes. */
  const refused = new Map<string, string>();
  /** Sub-folders already named in the log. */
  const subfolders = new Set<string>();

  /** Files still being written, held back until they settle; when one may have, it is synced again. */
  const settle = new SettleGate(options.settleMs ?? 0, (name) => queueSync(name));

  /** Size and mtime of an article file; null when it is gone, not an article, or refused (logged once, naming it). */
  const stampOf = (name: string): FileStamp | null => {
    const check = checkContentFile(contentDir, realDir, name);
    if (check.kind !== 'refused') {
      refused.delete(name);
      return check.kind === 'article' ? check.stamp : null;
    }
    if (refused.get(name) !== check.reason) log.warn({ file: name, reason: check.reason }, `skipped ${name}: it ${check.reason}`);
    refused.set(name, check.reason);
    return null;
  };

  /** True when the file has the stamp it was loaded with. */
  const unchangedSinceLoad = (name: string, stamp: FileStamp): boolean => {
    const known = files.get(name);
    return known !== undefined && !known.duplicate && sameStamp(known.stamp, stamp);
  };

  /** True when a file must be read and briefed (changed since it was loaded, and not in the briefing cache). */
  const needsBriefing = (name: string, stamp: FileStamp | null): boolean => {
    return stamp !== null && !unchangedSinceLoad(name, stamp) && !cache?.get(name, stamp);
  };

  /** Set a file aside because `winner` has the same id (logged once while it stays so); its article, if it had one, is the winner's now. */
  const setAside = (name: string, stamp: FileStamp, winner: string, id: string): void => {
    if (!files.get(name)?.duplicate) log.warn({ file: name, other: winner }, `skipped ${name}: another file (${winner}) already has the id "${id}"`);
    files.set(name, { stamp, duplicate: true });
    cache?.delete(name);
  };

  /** Bring one file name in line with the disk (`stamp`: from a stat just made; undefined = stat it now). */
  const syncFile = async (name: string, stamp: FileStamp | null = stampOf(name), pool?: BriefPool, part: BriefPart = 'whole'): Promise<void> => {
    const known = files.get(name);
    if (!stamp) {
      cache?.delete(name);
      if (known) {
        files.delete(name);
        if (known.id) {
          owners.delete(known.id);
          drop(known.id);
          log.info({ file: name }, 'article removed');
        }
      }
      return;
    }
    if (unchangedSinceLoad(name, stamp)) return;
    const id = articleIdOf(name);
    const owner = owners.get(id);
    if (owner !== undefined && owner !== name) {
      if (compareIdClaims(name, owner) > 0) {
        setAside(name, stamp, owner, id);
        return;
      }
      // This file has the better claim to the id (whatever came first): the other one steps aside.
      setAside(owner, files.get(owner)?.stamp ?? stamp, name, id);
    }
    owners.set(id, name);
    try {
      const path = join(contentDir, name);
      let briefed = cache?.get(name, stamp);
      if (!briefed && pool) briefed = await pool.brief(path, maxBytes, part);
      else if (!briefed) {
        // Let pending interactions through between two files briefed here.
        await yieldToEvents();
        briefed = briefFile(path, maxBytes);
      }
      // A file with a better claim to the id came while this one was briefed.
      if (owners.get(id) !== name) {
        setAside(name, stamp, owners.get(id)!, id);
        return;
      }
      // The cache keeps whole briefings only: one whose summary is pending is cached once it is filled in.
      if (!briefed.summaryPending) cache?.set(name, stamp, briefed);
      files.set(name, { stamp, id: briefed.id });
      owners.set(briefed.id, name);
      put(toLibraryArticle(briefed, stamp), !articles.has(briefed.id), briefed.index);
      log.debug({ file: name, id: briefed.id }, known?.id ? 'article changed' : 'article added');
    } catch (error) {
      files.set(name, { stamp });
      cache?.delete(name);
      // Unless another file took the id meanwhile, its article goes with this file.
      if (owners.get(id) === name) {
        owners.delete(id);
        if (known?.id) drop(known.id);
      }
      const reason = error instanceof Error ? error.message : String(error);
      log.warn({ file: name, reason }, `skipped ${name}: ${reason}`);
    }
  };

  /** Article file names of the folder (top level, `.txt`/`.md`, not hidden); sub-folders are named once in the log, never read. */
  const listFiles = async (): Promise<string[] | undefined> => {
    try {
      const entries = await readdir(contentDir, { withFileTypes: true });
      missingWarned = false;
      realDir = realFolder(contentDir);
      for (const folder of subfoldersOf(entries)) {
        if (!subfolders.has(folder)) log.info({ folder }, `sub-folder ${folder} not read: articles are read from the top level of the content folder only`);
        subfolders.add(folder);
      }
      return entries.filter((e) => isArticleName(e.name)).map((e) => e.name).sort();
    } catch (error) {
      if (!missingWarned) log.warn({ dir: contentDir, reason: (error as Error).message }, `cannot read the content folder ${contentDir}; the library stays as it is`);
      missingWarned = true;
      return undefined;
    }
  };

  /**
   * Bring these files in line with the disk: stat them all first
   * (synchronously: far cheaper than thousands of promises, yielding now and
   * then), then brief the changed ones, on worker threads when there are many.
   */
  const syncMany = async (allNames: readonly string[]): Promise<void> => {
    const names: string[] = [];
    const stamps: (FileStamp | null)[] = [];
    let toBrief = 0;
    const now = Date.now();
    for (const [i, name] of allNames.entries()) {
      if (i % 1000 === 999) await yieldToEvents();
      const stamp = stampOf(name);
      if (!stamp || unchangedSinceLoad(name, stamp)) settle.forget(name);
      // Written lately: it joins (or its new version replaces the old) once it has settled.
      else if (!settle.settled(name, stamp, now)) continue;
      names.push(name);
      stamps.push(stamp);
      if (needsBriefing(name, stamp)) toBrief++;
    }
    const pool = workerCount > 0 && toBrief >= (options.workersFrom ?? 64) ? startWorkers(true, 'briefing workers failed; briefing in the main thread') : undefined;
    const part: BriefPart = pool && options.deferSummaries !== false ? 'no-summary' : 'whole';
    try {
      // With workers, keep enough files in flight to feed every thread (each worker holds a few dozen ahead); the main thread also indexes the results as they come.
      const indices = names.map((_, i) => i);
      await forEachLimited(indices, pool ? (workerCount + 1) * 40 : (options.concurrency ?? 8), (i) => syncFile(names[i]!, stamps[i]!, pool, part));
    } finally {
      // Summaries left pending are filled in next on the same workers (starting others costs their start-up and memory again).
      if (pool && part === 'no-summary' && running && !spareWorkers) {
        pool.workersOnly();
        spareWorkers = pool;
      } else await pool?.close();
    }
  };

  /** The file an article was loaded from, and its stamp at the time; undefined when the article is no longer that file's. */
  const sourceOf = (id: string): { name: string; stamp: FileStamp } | undefined => {
    const name = owners.get(id);
    const entry = name === undefined ? undefined : files.get(name);
    return name !== undefined && entry?.id === id ? { name, stamp: entry.stamp } : undefined;
  };

  /**
   * Give a summary-less article the summary of `briefed` (a whole briefing of
   * the same, unchanged file), in place: lists and indexes holding the
   * article stay valid, and its quotes are the same (the summary never changes
   * them). Then the cache can keep it, sharing the article's objects.
   */
  const fillSummary = (article: LibraryArticle, briefed: BriefedArticle, name: string, stamp: FileStamp): void => {
    if (!article.summaryPending || articles.get(article.id) !== article || briefed.id !== article.id || files.get(name)?.stamp !== stamp) return;
    // Only the summary is taken: the quotes are the same, and the search index already holds this article's quote objects.
    article.briefing = { ...article.briefing, summary: briefed.briefing.summary };
    delete article.summaryPending;
    cache?.set(name, stamp, { ...article, briefing: article.briefing });
  };

  /** True when the file on disk still has the stamp it was loaded with (else the watcher or rescan re-briefs it). */
  const unchanged = (name: string, stamp: FileStamp): boolean => {
    const now = stampOf(name);
    return now !== null && sameStamp(now, stamp);
  };

  /** The article with its summary: when still pending, its file is briefed again now, in this thread (about a millisecond). */
  const withSummary = (article: LibraryArticle | undefined): LibraryArticle | undefined => {
    if (!article?.summaryPending) return article;
    const source = sourceOf(article.id);
    if (!source || !unchanged(source.name, source.stamp)) return article;
    try {
      fillSummary(article, briefFile(join(contentDir, source.name), maxBytes, 'summary'), source.name, source.stamp);
      scheduleSave();
    } catch (error) {
      log.warn({ file: source.name, reason: (error as Error).message }, `could not read ${source.name} again for its summary`);
    }
    return article;
  };

  let filling: Promise<void> | undefined;
  /** The workers of the last large load, kept (briefing on workers only) to fill in the summaries it left pending. */
  let spareWorkers: BriefPool | undefined;

  /**
   * Fill in pending summaries in the background: a batch at a time, each
   * batch one step of the update queue (file changes go in between), on a
   * worker thread so that the main thread stays free for interactions.
   * An article whose file cannot be briefed again is left to the next scan.
   */
  const fillSummaries = (): Promise<void> => {
    filling ??= (async () => {
      const tried = new Set<LibraryArticle>();
      let pool: BriefPool | undefined;
      try {
        while (running) {
          const batch: LibraryArticle[] = [];
          for (const article of articles.values()) {
            if (!article.summaryPending || tried.has(article)) continue;
            tried.add(article);
            batch.push(article);
            if (batch.length >= (options.summaryBatch ?? 256)) break;
          }
          if (batch.length === 0) break;
          pool ??= spareWorkers ?? (workerCount > 0 ? startWorkers(false, 'summary workers failed; filling summaries in the main thread') : undefined);
          spareWorkers = undefined;
          const briefer = pool;
          await serial(async () => {
            await Promise.all(batch.map(async (article) => {
              const source = sourceOf(article.id);
              if (!source || !article.summaryPending) return;
              const path = join(contentDir, source.name);
              try {
                const briefed = briefer ? await briefer.brief(path, maxBytes, 'summary') : await yieldToEvents().then(() => briefFile(path, maxBytes, 'summary'));
                fillSummary(article, briefed, source.name, source.stamp);
              } catch (error) {
                log.debug({ file: source.name, reason: (error as Error).message }, 'summary left pending');
              }
            }));
          });
        }
      } finally {
        await pool?.close();
        filling = undefined;
        // Saved once the summaries are in, not while they come (each save writes the whole cache).
        scheduleSave();
      }
    })();
    return filling;
  };

  const fullScan = async (): Promise<void> => {
    const names = await listFiles();
    if (!names) return;
    const present = new Set(names);
    for (const name of [...files.keys()]) if (!present.has(name)) await syncFile(name, null);
    for (const name of settle.held()) if (!present.has(name)) settle.forget(name);
    await syncMany(names);
    search.prepare();
    scheduleSave();
    void fillSummaries();
  };

  const flush = (): void => {
    debounce = undefined;
    const names = pending;
    const full = pendingFull;
    pending = new Set();
    pendingFull = false;
    void serialScan(async () => {
      if (full) await fullScan();
      else await syncMany([...names]);
      search.prepare();
      scheduleSave();
      void fillSummaries();
    });
  };

  /** Sync a file (or, with null, the whole folder) after the debounce. */
  function queueSync(name: string | null): void {
    if (!running) return;
    if (name === null) pendingFull = true;
    else pending.add(name);
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(flush, options.debounceMs ?? 100);
  }

  const onEvent = (_type: string, filename: string | Buffer | null): void => {
    const name = filename === null ? null : filename.toString();
    if (name === null || isArticleName(name) || files.has(name)) queueSync(name);
  };

  const startWatching = (): void => {
    if (options.watch === false || watcher) return;
    try {
      watcher = watch(contentDir, { persistent: false }, onEvent);
      watcher.on('error', (error) => {
        log.warn({ reason: error.message }, 'content folder watcher failed; relying on the periodic rescan');
        watcher?.close();
        watcher = undefined;
      });
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'cannot watch the content folder; relying on the periodic rescan');
    }
  };

  const library: Library = {
    async start() {
      if (running) return;
      running = true;
      const began = Date.now();
      if (options.cachePath) {
        cache = new BriefingCache(options.cachePath, await cacheVersion(), log);
        await cache.load();
      }
      await serialScan(fullScan);
      // Files written just before the start: wait (at most the settle time) for those to settle, so that being ready includes them.
      // A timer may fire a millisecond early, so look again (a few times at most: a file still being written stays held and is read once it settles).
      for (let look = 0; look < 3 && settle.held().length > 0; look++) {
        await new Promise((resolve) => setTimeout(resolve, settle.untilAllDue() + 5));
        await serialScan(() => syncMany(settle.held()));
      }
      cache?.retain(new Set(files.keys()));
      // Written soon after, in the background: being ready does not wait for it. With summaries to fill in, it is written once they are in.
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = undefined;
      if (!filling) scheduleSave(1000);
      startWatching();
      if (options.rescanSeconds > 0) {
        timer = setInterval(() => {
          if (!watcher) startWatching();
          void serialScan(fullScan);
        }, options.rescanSeconds * 1000);
        timer.unref();
      }
      log.info({ articles: articles.size, ms: Date.now() - began }, 'library loaded');
    },
    async stop() {
      running = false;
      settle.stop();
      if (timer) clearInterval(timer);
      if (debounce) clearTimeout(debounce);
      watcher?.close();
      watcher = undefined;
      timer = undefined;
      debounce = undefined;
      wakeIdleWaiters();
      await queue;
      await filling;
      await spareWorkers?.close();
      spareWorkers = undefined;
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = undefined;
      await cache?.save();
    },
    rescan: () => serialScan(fullScan),
    whenIdle() {
      return isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async whenSummarized() {
      while (filling) await filling;
    },
    all() {
      return (sorted ??= [...articles.values()].sort((a, b) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    },
    get: (id) => withSummary(articles.get(id)),
    newest() {
      const list = library.all();
      return withSummary(list[list.length - 1]);
    },
    search,
    get size() {
      return articles.size;
    },
    on(event, listener) {
      emitter.on(event, listener as (...args: unknown[]) => void);
    },
    off(event, listener) {
      emitter.off(event, listener as (...args: unknown[]) => void);
    },
  };
  return library;
}
