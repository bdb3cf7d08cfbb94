import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { LibraryArticle } from '../../library';
import type { ArticleIndexEntry } from '../../library/index-entry';
import { articleDocument, wellFormedJson, type ArticleDocument } from '../../library/search-document';
import { inTransaction } from './pool';
import { OPERATOR_SCOPE } from './search';
import { streamId } from './stream-id';

/** Options of {@link PostgresSearchWriter}. */
export interface SearchWriterOptions {
  /** Articles written per transaction (default 200). */
  batchSize?: number;
  /** Wait before writing again after the database failed, ms (default 5000). */
  retryMs?: number;
  /** An article Postgres refused (given up), or the database failing (retried). */
  onError?: (error: Error, detail: { scope: string; id?: string; retrying: boolean }) => void;
}

/** One queued change: an article to (re)write, or null to remove it. */
interface Change {
  scope: string;
  id: string;
  article: LibraryArticle | null;
  entry?: ArticleIndexEntry;
}

/** Postgres's own refusals (a constraint, bad data) carry an SQLSTATE; a dropped connection does not. */
const refusedByServer = (error: unknown): boolean => typeof (error as { code?: unknown }).code === 'string' && !String((error as { code: string }).code).startsWith('08');

const keyOf = (scope: string, id: string): string => `${scope}\u0000${id}`;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** An article as `search_articles.article` stores it (JSON Postgres accepts), and its hash. */
interface StoredArticle {
  json: string;
  signature: string;
}

/** The article as stored: every field of it, strings made storable; the hash changes when anything does (a summary filled in). */
export function storedArticle(article: LibraryArticle): StoredArticle {
  const json = wellFormedJson(article);
  return { json, signature: createHash('sha256').update(json).digest('base64url') };
}

/** What is stored of one article: its search signature, and its article's (null: written before the articles were stored). */
interface StoredSignatures {
  signature: string;
  article_signature: string | null;
}

/** An article to write: itself, its search document, and how it is stored. */
interface Written {
  article: LibraryArticle;
  document: ArticleDocument;
  stored: StoredArticle;
}

const writtenOf = (article: LibraryArticle, entry?: ArticleIndexEntry): Written => ({ article, document: articleDocument(article, entry), stored: storedArticle(article) });

/**
 * What a change rewrites: nothing (stored as it is), the article alone (its
 * search rows the same: a summary filled in), or all of it (new, re-indexed,
 * or removed: `written` null).
 */
function changeKind(stored: StoredSignatures | undefined, written: Written | null): 'none' | 'article' | 'all' {
  if (!written || stored?.signature !== written.document.signature) return 'all';
  return stored.article_signature === written.stored.signature ? 'none' : 'article';
}

/**
 * Writes the search tables (see `search-schema.ts`): articles (their search
 * rows and the whole article, in one row), their key quotes, and the speaker
 * summary rows. Changes are queued and written in
 * the background, in batches, one transaction each; a later change of the
 * same article replaces a queued one. When the database is unreachable the
 * batch waits and is retried (nothing is lost); an article Postgres refuses
 * is reported and skipped, the rest of its batch written.
 */
export class PostgresSearchWriter {
  private readonly pending = new Map<string, Change>();
  private draining: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Keys changed from outside while each running `reconcile` looks (see there). */
  private readonly touched = new Set<Set<string>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: SearchWriterOptions = {},
  ) {}

  /** Queue an article to write into `scope` ('' = the operator's library). `entry`: its index entry, when already computed. */
  put(scope: string, article: LibraryArticle, entry?: ArticleIndexEntry): void {
    this.queue({ scope, id: article.id, article, ...(entry ? { entry } : {}) }, true);
  }

  /** Queue the removal of an article (and its quotes) from `scope`. */
  remove(scope: string, id: string): void {
    this.queue({ scope, id, article: null }, true);
  }

  /** Number of changes not yet written. */
  get backlog(): number {
    return this.pending.size;
  }

  /**
   * Make `scope` hold exactly `articles`: write those whose indexed content
   * or article (a summary filled in since) differs from what is stored (all
   * of them into an empty table), remove the others. For a start-up: a
   * restart rewrites only what changed meanwhile.
   */
  async reconcile(scope: string, articles: readonly LibraryArticle[]): Promise<{ written: number; removed: number }> {
    const { rows } = await this.pool.query<StoredSignatures & { id: string }>('SELECT id, signature, article_signature FROM search_articles WHERE scope = $1', [scope]);
    const stored = new Map<string, StoredSignatures>(rows.map((row) => [row.id, row]));
    // An article put or removed meanwhile (the library changed) is newer than `articles`: that change stands.
    const touched = new Set<string>();
    this.touched.add(touched);
    let written = 0;
    let removed = 0;
    try {
      for (const [n, article] of articles.entries()) {
        // Folding every article takes a while for a large library: let interactions through.
        if (n % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
        const signatures = stored.get(article.id);
        stored.delete(article.id);
        if (touched.has(keyOf(scope, article.id)) || (signatures && changeKind(signatures, writtenOf(article)) === 'none')) continue;
        this.queue({ scope, id: article.id, article }, false);
        written++;
      }
      for (const id of stored.keys()) {
        if (touched.has(keyOf(scope, id))) continue;
        this.queue({ scope, id, article: null }, false);
        removed++;
      }
    } finally {
      this.touched.delete(touched);
    }
    await this.flush();
    return { written, removed };
  }

  /**
   * Remove the feed articles (every scope but the operator's) that are no
   * longer stored: deleted while no process followed them (the ingest down).
   * `stored` (every stored feed article) is asked after the rows are read, so
   * one written meanwhile is never taken for one deleted.
   */
  async removeGoneFeedArticles(stored: () => Promise<ReadonlyArray<{ guildId: string; id: string }>>): Promise<number> {
    const { rows } = await this.pool.query<{ scope: string; id: string }>('SELECT scope, id FROM search_articles WHERE scope <> $1', [OPERATOR_SCOPE]);
    const kept = new Set((await stored()).map((article) => keyOf(article.guildId, article.id)));
    const gone = rows.filter((row) => !kept.has(keyOf(row.scope, row.id)));
    for (const row of gone) this.queue({ scope: row.scope, id: row.id, article: null }, false);
    await this.flush();
    return gone.length;
  }

  /** Resolves once every change queued so far is written (or given up). */
  async flush(): Promise<void> {
    while (this.draining || (this.pending.size > 0 && !this.closed)) {
      this.kick();
      await this.draining;
      if (this.retryTimer) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stop: write what is queued (one last try); later changes are not written. The pool is the caller's. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.draining;
    // What cannot be written now is written by the next start's reconcile (and the shelves' reload).
    if (this.pending.size > 0) await this.drain().catch(() => undefined);
  }

  private queue(change: Change, fromOutside: boolean): void {
    const key = keyOf(change.scope, change.id);
    if (fromOutside) for (const set of this.touched) set.add(key);
    // Re-inserted at the end: the newest change of an article is the one written, after the others.
    this.pending.delete(key);
    this.pending.set(key, change);
    this.kick();
  }

  private kick(): void {
    if (this.draining || this.retryTimer || this.closed) return;
    this.draining = this.drain()
      .catch((error: unknown) => {
        // The database is unreachable: wait, then try again (the changes are queued still).
        this.options.onError?.(asError(error), { scope: '', retrying: true });
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.kick();
        }, this.options.retryMs ?? 5000);
        this.retryTimer.unref();
      })
      .finally(() => {
        this.draining = undefined;
      });
  }

  private async drain(): Promise<void> {
    const size = this.options.batchSize ?? 200;
    while (this.pending.size > 0) {
      const batch = [...this.pending.values()].slice(0, size);
      try {
        await this.write(batch);
      } catch (error) {
        if (!refusedByServer(error)) throw error;
        await this.writeOneByOne(batch);
      }
      // Written: forget them, unless they changed again meanwhile.
      for (const change of batch) {
        const key = keyOf(change.scope, change.id);
        if (this.pending.get(key) === change) this.pending.delete(key);
      }
    }
  }

  /** A refused batch: each article alone, so that one bad article does not hold back the others. */
  private async writeOneByOne(batch: readonly Change[]): Promise<void> {
    for (const change of batch) {
      try {
        await this.write([change]);
      } catch (error) {
        if (!refusedByServer(error)) throw error;
        this.options.onError?.(asError(error), { scope: change.scope, id: change.id, retrying: false });
      }
    }
  }

  private async write(changes: readonly Change[]): Promise<void> {
    const all = changes.map((change) => ({ change, scope: change.scope, written: change.article && writtenOf(change.article, change.entry) }));
    await inTransaction(this.pool, async (client) => {
      // An article stored as it is now (a feed article shelved again at start, a rescan) is left alone: no quote rewritten.
      const stored = await client.query<StoredSignatures & { scope: string; id: string }>(
        'SELECT a.scope, a.id, a.signature, a.article_signature FROM search_articles a JOIN unnest($1::text[], $2::text[]) AS c(scope, id) ON a.scope = c.scope AND a.id = c.id',
        [changes.map((c) => c.scope), changes.map((c) => c.id)],
      );
      const signatures = new Map(stored.rows.map((row) => [keyOf(row.scope, row.id), row]));
      const kinds = all.map((item) => ({ ...item, kind: changeKind(signatures.get(keyOf(item.scope, item.change.id)), item.written) }));
      const articleOnly = kinds.flatMap(({ kind, scope, written }) => (kind === 'article' && written ? [articleFields({ scope, ...written })] : []));
      if (articleOnly.length > 0) await client.query(UPDATE_ARTICLES, [JSON.stringify(articleOnly)]);
      const documents = kinds.filter((item) => item.kind === 'all');
      const batch = documents.map((d) => d.change);
      if (batch.length === 0) return;
      const touched = await client.query<{ scope: string; suggest_key: string }>(
        `DELETE FROM search_quotes q USING unnest($1::text[], $2::text[]) AS c(scope, id)
         WHERE q.scope = c.scope AND q.article_id = c.id RETURNING q.scope, q.suggest_key`,
        [batch.map((c) => c.scope), batch.map((c) => c.id)],
      );
      const removed = batch.filter((change) => !change.article);
      if (removed.length > 0) {
        await client.query('DELETE FROM search_articles a USING unnest($1::text[], $2::text[]) AS c(scope, id) WHERE a.scope = c.scope AND a.id = c.id', [removed.map((c) => c.scope), removed.map((c) => c.id)]);
      }
      const written = documents.flatMap(({ scope, written: w }) => (w ? [{ scope, ...w }] : []));
      if (written.length > 0) {
        await client.query(UPSERT_ARTICLES, [JSON.stringify(written.map((w) => ({ ...articleRow(w), ...articleFields(w) })))]);
        await client.query(INSERT_QUOTES, [JSON.stringify(written.flatMap(quoteRows))]);
      }
      const speakers = new Map<string, { scope: string; key: string }>();
      for (const row of [...touched.rows.map((r) => ({ scope: r.scope, key: r.suggest_key })), ...written.flatMap(({ scope, document }) => document.quotes.filter((q) => q.shortName).map((q) => ({ scope, key: q.suggestKey })))]) {
        speakers.set(`${row.scope}\u0000${row.key}`, row);
      }
      if (speakers.size > 0) {
        const keys = [...speakers.values()];
        await client.query(REFRESH_SPEAKERS, [keys.map((k) => k.scope), keys.map((k) => k.key)]);
      }
    });
  }
}

const articleRow = ({ scope, document: d }: { scope: string; document: ArticleDocument }) => ({
  scope, id: d.id, title: d.title, published: d.published, names: d.names, signature: d.signature, title_terms: d.titleTerms, any_terms: d.anyTerms,
});

/** The article columns of a row: the article (as JSON text), its hash, its id in stream order, and what `newest` and `newestQuoted` filter on. */
const articleFields = ({ scope, article, stored }: Written & { scope: string }) => ({
  scope, id: article.id, article: stored.json, article_signature: stored.signature, stream_id: streamId(article.id).toString('hex'),
  summary_pending: article.summaryPending === true, quoted: article.briefing.quotes.length > 0,
});

const quoteRows = ({ scope, document: d }: { scope: string; document: ArticleDocument }) =>
  d.quotes.map((q) => ({
    scope, article_id: d.id, idx: q.index, published: d.published, quote: q.quote, short_name: q.shortName, suggest_key: q.suggestKey,
    text_terms: q.textTerms, speaker_terms: q.speakerTerms, name_terms: q.nameTerms,
  }));

/** A JSON array of strings as a `tsvector` whose lexemes are those strings. */
const lexemes = (column: string): string => `array_to_tsvector(ARRAY(SELECT jsonb_array_elements_text(r.${column})))`;

/** The record of {@link articleFields}: the article arrives as JSON text, parsed by Postgres. */
const ARTICLE_RECORD = 'article TEXT, article_signature TEXT, stream_id TEXT, summary_pending BOOLEAN, quoted BOOLEAN';

const UPSERT_ARTICLES = `
  INSERT INTO search_articles (scope, id, title, published, names, signature, title_terms, any_terms, article, article_signature, stream_id, summary_pending, quoted)
  SELECT r.scope, r.id, r.title, r.published, ARRAY(SELECT jsonb_array_elements_text(r.names)), r.signature, ${lexemes('title_terms')}, ${lexemes('any_terms')},
    r.article::jsonb, r.article_signature, decode(r.stream_id, 'hex'), r.summary_pending, r.quoted
  FROM jsonb_to_recordset($1::jsonb) AS r(scope TEXT, id TEXT, title TEXT, published BIGINT, names JSONB, signature TEXT, title_terms JSONB, any_terms JSONB, ${ARTICLE_RECORD})
  ON CONFLICT (scope, id) DO UPDATE SET title = excluded.title, published = excluded.published, names = excluded.names,
    signature = excluded.signature, title_terms = excluded.title_terms, any_terms = excluded.any_terms,
    article = excluded.article, article_signature = excluded.article_signature, stream_id = excluded.stream_id, summary_pending = excluded.summary_pending, quoted = excluded.quoted`;

/** The article alone rewritten (its search rows unchanged). */
const UPDATE_ARTICLES = `
  UPDATE search_articles a SET article = r.article::jsonb, article_signature = r.article_signature, stream_id = decode(r.stream_id, 'hex'), summary_pending = r.summary_pending, quoted = r.quoted
  FROM jsonb_to_recordset($1::jsonb) AS r(scope TEXT, id TEXT, ${ARTICLE_RECORD})
  WHERE a.scope = r.scope AND a.id = r.id`;

// WITH ORDINALITY keeps the quotes' order in their keys: a speaker's name is the first one indexed.
const INSERT_QUOTES = `
  INSERT INTO search_quotes (scope, article_id, idx, published, quote, short_name, suggest_key, text_terms, speaker_terms, name_terms)
  SELECT r.scope, r.article_id, r.idx, r.published, r.quote, r.short_name, r.suggest_key, ${lexemes('text_terms')}, ${lexemes('speaker_terms')}, ${lexemes('name_terms')}
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, n),
       jsonb_to_record(e.value) AS r(scope TEXT, article_id TEXT, idx INTEGER, published BIGINT, quote JSONB, short_name TEXT, suggest_key TEXT, text_terms JSONB, speaker_terms JSONB, name_terms JSONB)
  ORDER BY e.n`;

/** Recount the speakers of these (scope, key) pairs from their quotes: one row each while any quote has them. */
const REFRESH_SPEAKERS = `
  WITH keys AS (SELECT DISTINCT scope, key FROM unnest($1::text[], $2::text[]) AS k(scope, key)),
  counted AS (
    SELECT q.scope, q.suggest_key AS key, (array_agg(q.short_name ORDER BY q.key))[1] AS name, count(*)::int AS quotes,
           max(q.published) AS latest, (array_agg(q.name_terms ORDER BY q.key))[1] AS name_terms
    FROM search_quotes q JOIN keys k ON q.scope = k.scope AND q.suggest_key = k.key
    WHERE q.short_name <> ''
    GROUP BY q.scope, q.suggest_key
  ),
  gone AS (
    DELETE FROM search_speakers s USING keys k
    WHERE s.scope = k.scope AND s.key = k.key AND NOT EXISTS (SELECT 1 FROM counted c WHERE c.scope = s.scope AND c.key = s.key)
  )
  INSERT INTO search_speakers (scope, key, name, quotes, latest, name_terms)
  SELECT scope, key, name, quotes, latest, name_terms FROM counted
  ON CONFLICT (scope, key) DO UPDATE SET name = excluded.name, quotes = excluded.quotes, latest = excluded.latest, name_terms = excluded.name_terms`;
