import { EventEmitter } from 'node:events';
import type { PortableRead } from '../content/portable';
import type { ContentChange, ContentEntry, ContentSource } from '../content/source';
import type { Logger } from '../logger';
import { BriefPool, defaultPoolSize } from './brief-pool';
import { BriefingCache, cacheVersion } from './briefing-cache';
import type { ArticleIndexEntry } from './index-entry';
import { briefPortable, toLibraryArticle, type BriefedArticle, type BriefPart } from './load';
import { forEachLimited } from './pool';
import { SearchIndex } from './search';
import type { ArticleLibrary, LibraryArticle } from './types';
import { byAge, mergedView, type LibraryView } from './views';

/** Options of {@link createLibrary}. */
export interface LibraryOptions {
  /** Where the operator's articles come from (visible to every server and DM): the content folder in the bot. */
  source: ContentSource;
  logger: Logger;
  /** Fallback full rescan period of every source, in seconds (0 = none). */
  rescanSeconds: number;
  /** Articles read at once during a scan without workers (default 8). */
  concurrency?: number;
  /**
   * Worker threads that brief articles when a scan has many to brief, the
   * main thread briefing alongside them (default: one per core but one; 0 =
   * the main thread alone).
   */
  workers?: number;
  /** Fewest articles to brief in one scan for the workers to be started (default 64; below, starting them costs more than it saves). */
  workersFrom?: number;
  /** Quiet period after a change before the articles are read, in ms (default 100). */
  debounceMs?: number;
  /** File where briefings are kept between runs (none by default): a restart re-briefs only changed articles. */
  cachePath?: string;
  /**
   * When the workers brief many articles at once (a first start), leave the
   * summaries out and fill them in right after, in the background (default
   * true): quote search and autocomplete need only quotes and headlines, so
   * the library is ready sooner. `get()` and `newest()` compute a missing
   * summary on the spot (one article, about a millisecond). Only for sources
   * another thread can read by itself ({@link ContentSource.portable}).
   */
  deferSummaries?: boolean;
  /** Articles whose summaries are filled in per background step (default 256). */
  summaryBatch?: number;
}

/** Library events of the operator's articles: one appeared, changed (re-briefed) or disappeared. */
export interface LibraryEvents {
  added: [article: LibraryArticle];
  /** An operator's article replaced, or its summary filled in (the same article, now whole). */
  changed: [article: LibraryArticle];
  removed: [id: string];
  /** A server's article (a feed article in its scope) kept or replaced, or its summary filled in. */
  shelved: [guildId: string, article: LibraryArticle];
  /** A server's article gone from its scope. */
  unshelved: [guildId: string, id: string];
}

/**
 * The article library: the articles of each scope's {@link ContentSource} —
 * the operator's (visible everywhere) and one per server (its feed articles,
 * visible to that server only) — briefed once and kept current while the bot
 * runs (the source's changes, plus a periodic rescan). Bad articles are
 * skipped with a warning naming them. The library reads its sources through
 * the interface alone.
 */
export interface Library extends ArticleLibrary {
  /** Initial load of every scope, then watch. Resolves when every article has been read once. */
  start(): Promise<void>;
  /** Stop watching and rescanning. */
  stop(): Promise<void>;
  /** List every source again now (only articles whose version changed are re-briefed). */
  rescan(): Promise<void>;
  /** Add (or replace) a server's scope; loaded now when the library runs, else at `start()`. Resolves once it is loaded. */
  addScope(guildId: string, source: ContentSource): Promise<void>;
  /** Drop a server's scope and its articles. */
  removeScope(guildId: string): void;
  /** What a server sees: the operator's articles and its own scope's; a DM (none) or a server without a scope sees the operator's alone. */
  view(guildId: string | null | undefined): LibraryView;
  /** Resolves once no article waits for its summary (at once when none does), or the library stopped. */
  whenSummarized(): Promise<void>;
  /** Resolves once no scan is queued or running and no change waits to be read (see {@link ArticleLibrary.whenIdle}). */
  whenIdle(): Promise<void>;
  /** Quote search and autocomplete over the operator's articles. */
  readonly search: SearchIndex;
  /** Number of the operator's articles. */
  readonly size: number;
  on<E extends keyof LibraryEvents>(event: E, listener: (...args: LibraryEvents[E]) => void): void;
  off<E extends keyof LibraryEvents>(event: E, listener: (...args: LibraryEvents[E]) => void): void;
}

/** The operator's scope key; a server's is its id. */
const OPERATOR = '';

/** One source's articles and their search. */
interface Scope {
  key: string;
  source: ContentSource;
  articles: Map<string, LibraryArticle>;
  /** Version of each article taken in (briefed, or found bad at that version: not retried until it changes). */
  versions: Map<string, string>;
  /** How logs name each article taken in (its file name), when not by its id. */
  labels: Map<string, string>;
  search: SearchIndex;
  sorted?: LibraryArticle[];
  stopWatching?: () => void;
  /** Changes waiting for the debounce: the entry, or null (removed). */
  pending: Map<string, ContentEntry | null>;
  pendingFull: boolean;
  /** The source could not be listed last time (logged once while it stays so). */
  unlisted: boolean;
}

/** Let the event loop run (I/O, timers) before going on. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Create the library. Nothing is read before `start()`. */
export function createLibrary(options: LibraryOptions): Library {
  const log = options.logger.child({ component: 'library' });
  const emitter = new EventEmitter();
  const scopes = new Map<string, Scope>();
  /** Worker threads of a large load or summary fill: one per core but one, the main thread working too. */
  const workerCount = options.workers ?? defaultPoolSize() - 1;
  const startWorkers = (alsoHere: boolean, failure: string): BriefPool =>
    new BriefPool({ size: workerCount, alsoHere, onFailure: (reason) => log.warn({ reason }, failure) });
  let timer: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let queue: Promise<void> = Promise.resolve();
  let running = false;
  let cache: BriefingCache | undefined;
  let saveTimer: NodeJS.Timeout | undefined;

  const newScope = (key: string, source: ContentSource): Scope => ({ key, source, articles: new Map(), versions: new Map(), labels: new Map(), search: new SearchIndex(), pending: new Map(), pendingFull: false, unlisted: false });
  const operator = newScope(OPERATOR, options.source);
  scopes.set(OPERATOR, operator);

  /**
   * The briefing cache of a scope: the operator's articles only. A server's
   * feed articles come and go with every poll, and each save writes the whole
   * cache: they are briefed again at start instead (on the workers when many).
   */
  const cacheOf = (scope: Scope): BriefingCache | undefined => (scope === operator ? cache : undefined);

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

  /** Scans queued or running, and who waits for there to be none. */
  let scansPending = 0;
  let idleWaiters: Array<() => void> = [];
  const isIdle = (): boolean => scansPending === 0 && debounce === undefined;
  const wakeIdleWaiters = (): void => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  };
  /** {@link serial} for a scan: counted until it ends, for `whenIdle()`. */
  const serialScan = (job: () => Promise<void>): Promise<void> => {
    scansPending++;
    return serial(job).finally(() => {
      scansPending--;
      wakeIdleWaiters();
    });
  };

  /** Keep and index an article (`index`: its index entry, when the worker that briefed it sent one). */
  const put = (scope: Scope, article: LibraryArticle, index?: ArticleIndexEntry): void => {
    const isNew = !scope.articles.has(article.id);
    scope.articles.set(article.id, article);
    scope.search.upsert(article, index);
    scope.sorted = undefined;
    if (scope === operator) emitter.emit(isNew ? 'added' : 'changed', article);
    else emitter.emit('shelved', scope.key, article);
  };

  const drop = (scope: Scope, id: string): void => {
    if (!scope.articles.delete(id)) return;
    scope.search.remove(id);
    scope.sorted = undefined;
    if (scope === operator) emitter.emit('removed', id);
    else emitter.emit('unshelved', scope.key, id);
  };

  /** Take an article out: it is gone from its source. */
  const remove = (scope: Scope, id: string): void => {
    cacheOf(scope)?.delete(id);
    const label = scope.labels.get(id) ?? id;
    scope.labels.delete(id);
    if (!scope.versions.delete(id)) return;
    if (scope.articles.has(id)) log.info({ scope: scope.key || 'operator', file: label, id }, 'article removed');
    drop(scope, id);
  };

  /** How an article is read for briefing: by another thread itself when the source allows, else read here and handed over. */
  const readOf = async (scope: Scope, id: string): Promise<PortableRead> =>
    scope.source.portable?.(id) ?? { kind: 'article', source: (await scope.source.read(id)).source };

  /** Bring one article in line with its source. */
  const syncEntry = async (scope: Scope, entry: ContentEntry, pool?: BriefPool, part: BriefPart = 'whole'): Promise<void> => {
    const { id, version } = entry;
    if (scope.versions.get(id) === version) return;
    const cached = cacheOf(scope);
    try {
      let briefed = cached?.get(id, version);
      if (!briefed) {
        const read = await readOf(scope, id);
        if (pool) briefed = await pool.brief(read, part);
        else {
          // Let pending interactions through between two articles briefed here.
          await yieldToEvents();
          briefed = briefPortable(read, part);
        }
      }
      if (scopes.get(scope.key) !== scope) return;
      // The cache keeps whole briefings only: one whose summary is pending is cached once it is filled in.
      if (!briefed.summaryPending) cached?.set(id, version, briefed);
      const known = scope.articles.has(id);
      scope.versions.set(id, version);
      if (entry.label) scope.labels.set(id, entry.label);
      put(scope, toLibraryArticle({ ...briefed, id }, entry.changedMs ?? Date.now()), briefed.index);
      log.debug({ scope: scope.key || 'operator', file: entry.label ?? id, id }, known ? 'article changed' : 'article added');
    } catch (error) {
      scope.versions.set(id, version);
      if (entry.label) scope.labels.set(id, entry.label);
      cached?.delete(id);
      drop(scope, id);
      const reason = error instanceof Error ? error.message : String(error);
      const label = entry.label ?? id;
      log.warn({ file: label, reason }, `skipped ${label}: ${reason}`);
    }
  };

  /** Bring these entries in line, briefing the changed ones on worker threads when there are many. */
  const syncMany = async (scope: Scope, entries: readonly ContentEntry[]): Promise<void> => {
    const changed = entries.filter((entry) => scope.versions.get(entry.id) !== entry.version);
    const toBrief = changed.filter((entry) => !cacheOf(scope)?.get(entry.id, entry.version)).length;
    const pool = workerCount > 0 && toBrief >= (options.workersFrom ?? 64) ? startWorkers(true, 'briefing workers failed; briefing in the main thread') : undefined;
    const part: BriefPart = pool && options.deferSummaries !== false && scope.source.portable ? 'no-summary' : 'whole';
    try {
      // With workers, keep enough articles in flight to feed every thread (each worker holds a few dozen ahead); the main thread also indexes the results as they come.
      await forEachLimited(changed, pool ? (workerCount + 1) * 40 : (options.concurrency ?? 8), (entry) => syncEntry(scope, entry, pool, part));
    } finally {
      // Summaries left pending are filled in next on the same workers (starting others costs their start-up and memory again).
      if (pool && part === 'no-summary' && running && !spareWorkers) {
        pool.workersOnly();
        spareWorkers = pool;
      } else await pool?.close();
    }
  };

  /** The scope an article of the library belongs to. */
  const scopeOf = (article: LibraryArticle): Scope | undefined => {
    for (const scope of scopes.values()) if (scope.articles.get(article.id) === article) return scope;
    return undefined;
  };

  /**
   * Give a summary-less article the summary of `briefed` (a whole briefing of
   * the same article), in place: lists and indexes holding the article stay
   * valid, and its quotes are the same (the summary never changes them). Then
   * the cache can keep it, sharing the article's objects.
   */
  const fillSummary = (scope: Scope, article: LibraryArticle, briefed: BriefedArticle, version: string | undefined): void => {
    if (!article.summaryPending || scope.articles.get(article.id) !== article || version === undefined || scope.versions.get(article.id) !== version) return;
    article.briefing = { ...article.briefing, summary: briefed.briefing.summary };
    delete article.summaryPending;
    cacheOf(scope)?.set(article.id, version, { ...article, briefing: article.briefing });
    // Followers that keep whole articles (the Postgres writer) take it in again, summary and all.
    if (scope === operator) emitter.emit('changed', article);
    else emitter.emit('shelved', scope.key, article);
  };

  /** The article with its summary: when still pending, it is briefed again now, in this thread (about a millisecond). */
  const withSummary = (article: LibraryArticle | undefined): LibraryArticle | undefined => {
    if (!article?.summaryPending) return article;
    const scope = scopeOf(article);
    const read = scope?.source.portable?.(article.id);
    if (!scope || !read) return article;
    try {
      fillSummary(scope, article, briefPortable(read, 'summary'), scope.versions.get(article.id));
      scheduleSave();
    } catch (error) {
      log.warn({ id: article.id, reason: (error as Error).message }, `could not read ${article.id} again for its summary`);
    }
    return article;
  };

  let filling: Promise<void> | undefined;
  /** The workers of the last large load, kept (briefing on workers only) to fill in the summaries it left pending. */
  let spareWorkers: BriefPool | undefined;

  /** Up to `size` articles still waiting for their summary, not tried yet. */
  const nextSummaryBatch = (tried: Set<LibraryArticle>, size: number): Array<{ scope: Scope; article: LibraryArticle }> => {
    const batch: Array<{ scope: Scope; article: LibraryArticle }> = [];
    for (const scope of scopes.values()) {
      for (const article of scope.articles.values()) {
        if (!article.summaryPending || tried.has(article)) continue;
        tried.add(article);
        batch.push({ scope, article });
        if (batch.length >= size) return batch;
      }
    }
    return batch;
  };

  /**
   * Fill in pending summaries in the background: a batch at a time, each
   * batch one step of the update queue (changes go in between), on a worker
   * thread so that the main thread stays free for interactions. An article
   * that cannot be briefed again is left to the next scan.
   */
  const fillSummaries = (): Promise<void> => {
    filling ??= (async () => {
      const tried = new Set<LibraryArticle>();
      let pool: BriefPool | undefined;
      try {
        while (running) {
          const batch = nextSummaryBatch(tried, options.summaryBatch ?? 256);
          if (batch.length === 0) break;
          pool ??= spareWorkers ?? (workerCount > 0 ? startWorkers(false, 'summary workers failed; filling summaries in the main thread') : undefined);
          spareWorkers = undefined;
          const briefer = pool;
          await serial(async () => {
            await Promise.all(batch.map(async ({ scope, article }) => {
              const read = scope.source.portable?.(article.id);
              const version = scope.versions.get(article.id);
              if (!read || !article.summaryPending) return;
              try {
                const briefed = briefer ? await briefer.brief(read, 'summary') : await yieldToEvents().then(() => briefPortable(read, 'summary'));
                fillSummary(scope, article, briefed, version);
              } catch (error) {
                log.debug({ id: article.id, reason: (error as Error).message }, 'summary left pending');
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

  /** Everything a scan ends with: the indexes made ready, the cache saved soon, pending summaries filled in. */
  const afterScan = (scope: Scope): void => {
    scope.search.prepare();
    scheduleSave();
    void fillSummaries();
  };

  /** List a scope's source and bring its articles in line (a source that cannot be listed leaves them as they are). */
  const fullScan = async (scope: Scope): Promise<void> => {
    let entries: ContentEntry[];
    try {
      entries = await scope.source.list();
      scope.unlisted = false;
    } catch (error) {
      if (!scope.unlisted) log.warn({ scope: scope.key || 'operator', reason: (error as Error).message }, `${(error as Error).message}; the library stays as it is`);
      scope.unlisted = true;
      return;
    }
    if (scopes.get(scope.key) !== scope) return;
    const present = new Set(entries.map((entry) => entry.id));
    for (const id of [...scope.versions.keys()]) if (!present.has(id)) remove(scope, id);
    await syncMany(scope, entries);
    afterScan(scope);
  };

  const flush = (): void => {
    debounce = undefined;
    for (const scope of scopes.values()) {
      if (!scope.pendingFull && scope.pending.size === 0) continue;
      const full = scope.pendingFull;
      const changes = scope.pending;
      scope.pending = new Map();
      scope.pendingFull = false;
      void serialScan(async () => {
        if (full) return fullScan(scope);
        if (scopes.get(scope.key) !== scope) return;
        for (const [id, entry] of changes) if (entry === null) remove(scope, id);
        await syncMany(scope, [...changes.values()].filter((entry): entry is ContentEntry => entry !== null));
        afterScan(scope);
      });
    }
  };

  /** Take one change in now (a source whose changes are whole). */
  const takeNow = (scope: Scope, change: ContentChange): void => {
    void serialScan(async () => {
      if (scopes.get(scope.key) !== scope) return;
      if (change.kind === 'rescan') return fullScan(scope);
      if (change.kind === 'removed') remove(scope, change.id);
      else await syncMany(scope, [change.entry]);
      scope.search.prepare();
    });
  };

  /** Take a change in after the debounce (at once when the source's changes are whole). */
  const onChange = (scope: Scope, change: ContentChange): void => {
    if (!running || scopes.get(scope.key) !== scope) return;
    if (scope.source.changesAreWhole) return takeNow(scope, change);
    if (change.kind === 'rescan') scope.pendingFull = true;
    else scope.pending.set(change.kind === 'removed' ? change.id : change.entry.id, change.kind === 'removed' ? null : change.entry);
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(flush, options.debounceMs ?? 100);
  };

  /** Load a scope and follow its changes; articles written just before (held back by their source) are waited for, a few looks at most. */
  const load = async (scope: Scope): Promise<void> => {
    scope.stopWatching ??= scope.source.watch?.((change) => onChange(scope, change));
    await serialScan(() => fullScan(scope));
    for (let look = 0; look < 3 && (scope.source.settling?.() ?? 0) > 0; look++) {
      await new Promise((resolve) => setTimeout(resolve, scope.source.settling!() + 5));
      await serialScan(() => fullScan(scope));
    }
    const stillHeld = scope.source.settling?.() ?? 0;
    if (stillHeld > 0) log.info({ scope: scope.key, ms: stillHeld }, 'articles still being written at the start are taken in once they settle');
    cacheOf(scope)?.retain(new Set(scope.versions.keys()));
  };

  const close = (scope: Scope): void => {
    scope.stopWatching?.();
    scope.stopWatching = undefined;
  };

  /** A scope as {@link mergedView} reads it. */
  const shelfOf = (scope: Scope) => ({
    search: scope.search,
    get: (id: string) => withSummary(scope.articles.get(id)),
    has: (id: string) => scope.articles.has(id),
    all: () => (scope.sorted ??= [...scope.articles.values()].sort(byAge)),
  });

  const library: Library = {
    async start() {
      if (running) return;
      running = true;
      const began = Date.now();
      if (options.cachePath) {
        cache = new BriefingCache(options.cachePath, await cacheVersion(), log);
        await cache.load();
      }
      for (const scope of scopes.values()) await load(scope);
      // Written soon after, in the background: being ready does not wait for it. With summaries to fill in, it is written once they are in.
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = undefined;
      if (!filling) scheduleSave(1000);
      if (options.rescanSeconds > 0) {
        timer = setInterval(() => {
          for (const scope of scopes.values()) void serialScan(() => fullScan(scope));
        }, options.rescanSeconds * 1000);
        timer.unref();
      }
      log.info({ articles: operator.articles.size, scopes: scopes.size - 1, ms: Date.now() - began }, 'library loaded');
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      if (debounce) clearTimeout(debounce);
      for (const scope of scopes.values()) close(scope);
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
    rescan: async () => {
      await Promise.all([...scopes.values()].map((scope) => serialScan(() => fullScan(scope))));
    },
    async addScope(guildId, source) {
      if (!guildId) throw new Error('a server scope needs the server id');
      const old = scopes.get(guildId);
      if (old) library.removeScope(guildId);
      const scope = newScope(guildId, source);
      scopes.set(guildId, scope);
      if (running) await load(scope);
    },
    removeScope(guildId) {
      const scope = guildId ? scopes.get(guildId) : undefined;
      if (!scope) return;
      close(scope);
      scopes.delete(guildId);
      for (const id of scope.articles.keys()) emitter.emit('unshelved', guildId, id);
    },
    view(guildId) {
      const scope = guildId ? scopes.get(guildId) : undefined;
      return scope && scope.articles.size > 0 ? mergedView(library, shelfOf(scope)) : library;
    },
    whenIdle() {
      return isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async whenSummarized() {
      while (filling) await filling;
    },
    all: () => shelfOf(operator).all(),
    get: (id) => withSummary(operator.articles.get(id)),
    newest() {
      const list = library.all();
      return withSummary(list[list.length - 1]);
    },
    search: operator.search,
    get size() {
      return operator.articles.size;
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
