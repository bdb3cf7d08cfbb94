import type pg from 'pg';
import type { ArticleReader, LibraryArticle, OwedArticle, StreamStart } from '../../library';
import { OPERATOR_SCOPE } from './search';
import { streamId } from './stream-id';

/** The stream's order: published time, then id by code units (`stream_id`, as in memory). */
const ASCENDING = 'published, stream_id';
const DESCENDING = 'published DESC, stream_id DESC';

/** Which articles `newest` picks from: any whose summary is computed, or those that also have a key quote. */
type Newest = 'ready' | 'quoted';

/** The condition of each kind, written as the partial index it reads (`search_articles_ready`, `search_articles_quoted`). */
const NEWEST_WHERE: Record<Newest, string> = {
  ready: 'article IS NOT NULL AND NOT summary_pending',
  quoted: 'article IS NOT NULL AND NOT summary_pending AND quoted',
};

/**
 * The articles `ROLE=ingest` wrote to Postgres (whole, beside their search
 * rows: see `ARTICLE_COLUMNS` and `PostgresSearchWriter`), read by the roles
 * that load no folder (`ROLE=web`, `ROLE=scheduler`). Each reader answers
 * what the in-memory library's view of the same articles answers
 * (`memoryReader` over `mergedView`): the operator's articles (scope '') and
 * a server's own (its scope), the server's winning an id both have.
 */
export class PostgresArticles {
  constructor(private readonly pool: pg.Pool) {}

  /** What a server sees (`guildId`), or a DM (null: the operator's articles alone). Every call is one query. */
  reader(guildId: string | null): ArticleReader {
    const guild = guildId || undefined;
    return {
      get: (id) => this.get(guild, id),
      newest: () => this.newest(guild, 'ready'),
      newestQuoted: () => this.newest(guild, 'quoted'),
      stream: (start, limit) => this.stream(guild, start, limit),
      streamOwed: (start, channelId, limit) => this.streamOwed(guild, start, channelId, limit),
    };
  }

  /** The server's article with this id, else the operator's; none while its summary is pending. */
  private async get(guild: string | undefined, id: string): Promise<LibraryArticle | undefined> {
    const { rows } = await this.pool.query<{ article: LibraryArticle; summary_pending: boolean }>(
      `SELECT article, summary_pending FROM search_articles WHERE scope = ANY($1::text[]) AND id = $2 AND article IS NOT NULL ORDER BY scope = '' LIMIT 1`,
      [scopesOf(guild), id],
    );
    const row = rows[0];
    return row && !row.summary_pending ? row.article : undefined;
  }

  /**
   * The newest article of `kind`: of the server's, and of the operator's that
   * no article of the server hides (same id), the later. Each scope's is the
   * first entry of a partial index read backwards.
   */
  private async newest(guild: string | undefined, kind: Newest): Promise<LibraryArticle | undefined> {
    const where = NEWEST_WHERE[kind];
    const operator = `SELECT published, stream_id, article FROM search_articles o WHERE scope = '' AND ${where}`;
    const sql = guild
      ? `SELECT article FROM (
           (SELECT published, stream_id, article FROM search_articles WHERE scope = $1 AND ${where} ORDER BY ${DESCENDING} LIMIT 1)
           UNION ALL
           (${operator} AND NOT EXISTS (SELECT 1 FROM search_articles s WHERE s.scope = $1 AND s.id = o.id AND s.article IS NOT NULL) ORDER BY ${DESCENDING} LIMIT 1)
         ) n ORDER BY ${DESCENDING} LIMIT 1`
      : `${operator} ORDER BY ${DESCENDING} LIMIT 1`;
    const { rows } = await this.pool.query<{ article: LibraryArticle }>(sql, guild ? [guild] : []);
    return rows[0]?.article;
  }

  /**
   * At most `limit` articles from `start`, oldest first: both scopes' pages
   * (each a range of `search_articles_stream`) merged, the operator's first
   * at an equal time and id (as `mergedView.all()` merges them).
   */
  private async stream(guild: string | undefined, start: StreamStart | null, limit: number): Promise<LibraryArticle[]> {
    if (!(limit > 0)) return [];
    const { sql, params } = streamQuery(guild, start, [Math.floor(limit)]);
    const { rows } = await this.pool.query<{ article: LibraryArticle }>(sql, params);
    return rows.map((row) => row.article);
  }

  /**
   * What {@link stream} reads, less the articles `channelId` has settled,
   * each with its delivery row's status and whether the channel settled its
   * content under another id (`deliveries_content`): one query, each
   * scope's range of `search_articles_stream` read with an anti-join on the
   * rows' unique index (channel, article), so that a schedule whose position is 10,000
   * settled articles back reads them in the database, not 500 pages of
   * them here.
   */
  private async streamOwed(guild: string | undefined, start: StreamStart | null, channelId: string, limit: number): Promise<OwedArticle[]> {
    if (!(limit > 0)) return [];
    // $2: the channel.
    const settled = (alias: string, column: string): string => `SELECT 1 FROM deliveries d WHERE d.channel_id = $2 AND d.${column} = ${alias} AND d.status IN (${SETTLED_SQL})`;
    const { sql, params } = streamQuery(guild, start, [Math.floor(limit), channelId], `AND NOT EXISTS (${settled('a.id', 'article_id')})`);
    const owed = `SELECT s.article, r.status, EXISTS (${settled(`s.article->>'contentKey'`, 'content_key')}) AS content_settled
      FROM (${sql}) s LEFT JOIN deliveries r ON r.channel_id = $2 AND r.article_id = s.id ORDER BY ${ASCENDING}, s.scope = '' DESC`;
    const { rows } = await this.pool.query<{ article: LibraryArticle; status: 'pending' | 'failed' | null; content_settled: boolean }>(owed, params);
    return rows.map((row) => ({ article: row.article, ...(row.status ? { status: row.status } : {}), ...(row.content_settled ? { contentSettled: true } : {}) }));
  }
}

/** The delivery statuses that settle an article for its channel (it has it, or must never get it). */
const SETTLED_SQL = `'sent', 'skipped', 'rejected', 'uncertain'`;

/**
 * The query of a page of the stream of what `guild` sees (scope, published,
 * stream_id, id and article, in order): each scope's range (its rows `a`),
 * narrowed by `and`, merged. `params` starts with the limit ($1) and any
 * parameter `and` reads.
 */
function streamQuery(guild: string | undefined, start: StreamStart | null, params: unknown[], and = ''): { sql: string; params: unknown[] } {
  const param = (value: unknown): string => `$${params.push(value)}`;
  const from = start ? `AND (published, stream_id) ${start.exclusive ? '>' : '>='} (${param(start.position.at)}::bigint, ${param(streamId(start.position.id))}::bytea)` : '';
  const page = (scope: string): string => `(SELECT scope, published, stream_id, id, article FROM search_articles a WHERE scope = ${param(scope)} AND article IS NOT NULL ${from} ${and} ORDER BY ${ASCENDING} LIMIT $1)`;
  // The operator's first at an equal time and id (scope '' sorts first).
  const sql = guild ? `SELECT * FROM (${page(OPERATOR_SCOPE)} UNION ALL ${page(guild)}) m ORDER BY ${ASCENDING}, scope = '' DESC LIMIT $1` : page(OPERATOR_SCOPE);
  return { sql, params };
}

/** The scopes a reader sees: the server's (if any) and the operator's. */
const scopesOf = (guild: string | undefined): string[] => (guild ? [guild, OPERATOR_SCOPE] : [OPERATOR_SCOPE]);
