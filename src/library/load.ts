import { createHash } from 'node:crypto';
import { createBriefing } from '../briefing/index';
import type { Briefing } from '../briefing/schema';
import { readPortable, type PortableRead } from '../content/portable';
import type { ArticleFormat, ArticleMeta, ArticleSource } from '../content/types';
import { articleIndexEntry, type ArticleIndexEntry } from './index-entry';
import { leadOf, searchTermsOf } from './lead';
import type { TermList } from './term-list';
import type { LibraryArticle } from './types';

/** Size and modification time of a file, as the library tracks them. */
export type { FileStamp } from '../content/content-folder';

/** What the library keeps of an article file once briefed: everything but the text. */
export interface BriefedArticle {
  id: string;
  format: ArticleFormat;
  meta: ArticleMeta;
  briefing: Briefing;
  /** Its search index entry, when the thread that briefed it computed it too (a worker does, to spare the main thread). */
  index?: ArticleIndexEntry;
  /** True when it was briefed without its summary (`summary` is empty until the library fills it in). */
  summaryPending?: boolean;
  /** See {@link LibraryArticle.contentKey}. */
  contentKey?: string;
  /** What autocomplete matches besides the title (see {@link searchTermsOf}), from the lead found while the text was at hand. */
  searchTerms?: TermList;
  /** The lead found in the text (see {@link leadOf}), until {@link toKeep} turns it into {@link BriefedArticle.searchTerms}. */
  lead?: string;
}

/**
 * The key of an article's content: SHA-256 (hex) of its headline and body
 * text, Unicode-normalised (NFC) with runs of white space made one space. The
 * same story under another file name, or with only its line breaks changed,
 * has the same key; any change of a word gives another.
 */
export function contentKeyOf(headline: string, body: string): string {
  const text = `${headline}\n${body}`.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * What a file is briefed for: `whole`; `no-summary`, all but the summary,
 * which is left pending (see {@link BriefedArticle.summaryPending}); or
 * `summary`, the summary alone, to fill a pending one in (see {@link summaryPart}).
 */
export type BriefPart = 'whole' | 'no-summary' | 'summary';

/** What filling in a summary needs: the briefing without its sections (its quotes are not extracted), and no index entry (far less to copy between threads). */
function summaryPart(article: BriefedArticle): BriefedArticle {
  return { id: article.id, format: article.format, meta: article.meta, briefing: { ...article.briefing, sections: [] }, ...(article.contentKey ? { contentKey: article.contentKey } : {}) };
}

/** What is kept of an article briefed for `part`: the summary part alone, or the article with its search index entry. */
export function toKeep(article: BriefedArticle, part: BriefPart): BriefedArticle {
  return part === 'summary' ? summaryPart(article) : withIndexEntry(article);
}

/** See `readArticleSync` in `src/content/portable.ts` (reads one article file in this thread). */
export { readArticleSync } from '../content/portable';

/** Brief a decoded article (the front matter's title and language guide the engine); the text is not kept. */
export function briefSource(source: ArticleSource, part: BriefPart = 'whole'): BriefedArticle {
  // Filling in a summary needs no quotes: the article has them already.
  const briefing = createBriefing(source.body, { title: source.meta.title, language: source.meta.language, summary: part !== 'no-summary', quotes: part !== 'summary' });
  const contentKey = contentKeyOf(briefing.headline, source.body);
  // The lead is found in the text, so now; a summary alone needs none (the article has its search terms already).
  const lead = part === 'summary' ? undefined : leadOf(source.body, briefing.headline);
  return { id: source.id, format: source.format, meta: source.meta, briefing, contentKey, ...(part === 'no-summary' ? { summaryPending: true } : {}), ...(lead === undefined ? {} : { lead }) };
}

/**
 * Read (see {@link PortableRead}), decode, brief and index one article in this thread, for keeping:
 * the result is a copy that holds no reference into the article's text (V8
 * substrings keep their whole parent string alive, so 10,000 briefings made of
 * substrings would keep 10,000 article texts in memory). A worker's answer is
 * such a copy already. Throws the content reader's `UserError`s for bad files.
 */
export function briefPortable(read: PortableRead, part: BriefPart = 'whole'): BriefedArticle {
  return toKeep(detachedCopy(briefSource(readPortable(read), part)), part);
}

/** {@link briefPortable} of one article file. */
export function briefFile(path: string, maxBytes: number, part: BriefPart = 'whole'): BriefedArticle {
  return briefPortable({ kind: 'file', path, maxBytes }, part);
}

/** Shorter strings are always copied by V8, never kept as slices of a longer one. */
const MIN_SLICE_LENGTH = 13;

/**
 * A copy of JSON-like data (plain objects, arrays, primitives) whose strings
 * hold no reference into any other string: what `structuredClone` gives, at
 * a third of its cost (no serialisation of the structure).
 */
export function detachedCopy<T>(value: T): T {
  if (typeof value === 'string') {
    // JSON.parse makes a new flat string. (Slicing a fresh concatenation, ` ${value}`.slice(1), copies too, but keeps a
    // 32-byte slice header in front of the copy: 2 MB over the 10,000-article bench library; this costs ~0.4 µs more a string.)
    return (value.length < MIN_SLICE_LENGTH ? value : JSON.parse(JSON.stringify(value))) as T;
  }
  if (Array.isArray(value)) return value.map(detachedCopy) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = detachedCopy(field);
  return copy as T;
}

/** The article with its search index entry (see {@link articleIndexEntry}) and its search terms besides the title, its lead dropped. */
function withIndexEntry({ lead, ...article }: BriefedArticle): BriefedArticle {
  const index = articleIndexEntry(article);
  const searchTerms = lead === undefined ? article.searchTerms : searchTermsOf(lead, article.briefing, index.titleTerms);
  return { ...article, index, ...(searchTerms ? { searchTerms } : {}) };
}

/**
 * The library's view of a briefed article. Timestamp: the front matter's
 * `published` date, else when the article last changed in its source
 * (`changedMs`: a file's mtime), in whole milliseconds: a file system gives
 * fractions, which Postgres's BIGINT columns (the search and article rows, a
 * schedule's stream position) refuse. `mtimeMs` keeps the fraction.
 */
export function toLibraryArticle(article: BriefedArticle, changedMs: number): LibraryArticle {
  const published = article.meta.published ? Date.parse(article.meta.published) : Number.NaN;
  return {
    id: article.id,
    format: article.format,
    meta: article.meta,
    briefing: article.briefing,
    timestamp: Number.isFinite(published) ? published : Math.floor(changedMs),
    mtimeMs: changedMs,
    ...(article.contentKey ? { contentKey: article.contentKey } : {}),
    ...(article.searchTerms ? { searchTerms: article.searchTerms } : {}),
    // Last, so that deleting it once the summary is filled in (library.ts) only steps back the object's shape: deleting any
    // other property turns the object into a dictionary (about 440 bytes more per article, and slower to read).
    ...(article.summaryPending ? { summaryPending: true } : {}),
  };
}
