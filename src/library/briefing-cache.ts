import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefingSchema, type Briefing } from '../briefing/schema';
import type { ArticleFormat, ArticleMeta } from '../content/types';
import type { Logger } from '../logger';
import type { BriefedArticle } from './load';

/** Bumped whenever the layout of the cache file changes, or how its search terms are found (`lead.ts`) or kept (`term-list.ts`; the engine's fingerprint covers the briefings). */
const CACHE_FORMAT = 6;

interface Entry {
  id: string;
  /** The article's version in its source (see `ContentEntry.version`) when it was briefed. */
  version: string;
  format: ArticleFormat;
  /** The front matter, so that an unchanged file need not be read again. */
  meta: ArticleMeta;
  briefing: Briefing;
  /** The article's search terms besides its title (lead and speakers), which need the text to find: a `TermList`, as the library keeps it. */
  searchTerms?: string;
  /** See {@link BriefedArticle.contentKey}. */
  contentKey?: string;
}

interface CacheFile {
  version: string;
  entries: Record<string, Entry>;
}

/**
 * Briefings kept on disk between runs, per article id and version, so a restart does not re-brief an unchanged library. The cache is tied to the
 * engine's version: any change to the engine's code discards it. A missing,
 * corrupt or foreign cache file is simply ignored.
 */
export class BriefingCache {
  private entries = new Map<string, Entry>();
  private dirty = false;
  private saves = 0;

  private readonly version: string;

  /** @param engineVersion The engine's fingerprint ({@link engineFingerprint}): another one discards the cache. */
  constructor(private readonly path: string, engineVersion: string, private readonly log: Logger) {
    this.version = `${CACHE_FORMAT}:${engineVersion}`;
  }

  /** Read the cache file, if any. */
  async load(): Promise<void> {
    let data: Partial<CacheFile>;
    try {
      data = JSON.parse(await readFile(this.path, 'utf8')) as Partial<CacheFile>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn({ file: this.path, reason: (error as Error).message }, 'ignoring the briefing cache');
      return;
    }
    if (data.version !== this.version || typeof data.entries !== 'object' || data.entries === null) return;
    for (const [name, entry] of Object.entries(data.entries)) if (looksValid(entry)) this.entries.set(name, entry);
  }

  /** The cached article (front matter and briefing), when its version is unchanged. */
  get(key: string, version: string): BriefedArticle | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    return { id: entry.id, format: entry.format, meta: entry.meta, briefing: entry.briefing, ...(entry.searchTerms ? { searchTerms: entry.searchTerms } : {}), ...(entry.contentKey ? { contentKey: entry.contentKey } : {}) };
  }

  /** Remember an article at this version. */
  set(key: string, version: string, article: BriefedArticle): void {
    const old = this.entries.get(key);
    if (old && old.briefing === article.briefing && old.version === version) return;
    this.entries.set(key, { id: article.id, version, format: article.format, meta: article.meta, briefing: article.briefing, ...(article.searchTerms ? { searchTerms: article.searchTerms } : {}), ...(article.contentKey ? { contentKey: article.contentKey } : {}) });
    this.dirty = true;
  }

  /** Forget every article not in `keys` (articles removed while the bot was down). */
  retain(keys: ReadonlySet<string>): void {
    for (const key of [...this.entries.keys()]) if (!keys.has(key)) this.delete(key);
  }

  /** Forget an article. */
  delete(key: string): void {
    if (this.entries.delete(key)) this.dirty = true;
  }

  /** Write the cache (atomically) when it changed; failures are logged, never thrown. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const file: CacheFile = { version: this.version, entries: Object.fromEntries(this.entries) };
    const temp = `${this.path}.${process.pid}.${++this.saves}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(temp, JSON.stringify(file));
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      this.dirty = true;
      this.log.warn({ file: this.path, reason: (error as Error).message }, 'could not write the briefing cache');
    }
  }

  /** Number of cached briefings. */
  get size(): number {
    return this.entries.size;
  }
}

/** A structurally sound entry: id, version, format, front matter of strings, and a briefing the schema accepts. */
function looksValid(entry: unknown): entry is Entry {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Partial<Entry>;
  return typeof e.id === 'string' && typeof e.version === 'string' && (e.format === 'md' || e.format === 'txt' || e.format === 'html')
    && typeof e.meta === 'object' && e.meta !== null && !Array.isArray(e.meta) && Object.values(e.meta).every((v) => typeof v === 'string')
    && (e.searchTerms === undefined || typeof e.searchTerms === 'string')
    && (e.contentKey === undefined || typeof e.contentKey === 'string')
    && BriefingSchema.safeParse(e.briefing).success;
}

/**
 * A fingerprint of the briefing engine's code (`src/briefing/`): cached
 * briefings from another version of the engine are never reused.
 */
export async function engineFingerprint(dir = fileURLToPath(new URL('../briefing/', import.meta.url))): Promise<string> {
  const hash = createHash('sha256');
  try {
    const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(ts|js|json)$/.test(f)).sort();
    for (const file of files) {
      hash.update(file);
      hash.update(await readFile(join(dir, file)));
    }
  } catch {
    // Unknown engine: a fingerprint that matches no cache.
    hash.update(String(Math.random()));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The version a cache must carry to be used: the engine's fingerprint and the
 * content reader's (`src/content/`: the front matter is cached too).
 */
export async function cacheVersion(): Promise<string> {
  const [engine, reader] = await Promise.all([engineFingerprint(), engineFingerprint(fileURLToPath(new URL('../content/', import.meta.url)))]);
  return `${engine}.${reader}`;
}
