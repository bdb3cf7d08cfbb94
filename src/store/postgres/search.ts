import type pg from 'pg';
import type { QuoteHit, QuoteQuery, ReaderSearch, Suggestion } from '../../library';
import { RULES, tsqueryOf, typedWords } from '../../library/search-document';
import { articleChoice, DEFAULT_QUOTE_LIMIT, MAX_SUGGESTIONS, speakerChoice } from '../../library/search';
import { foldForSearch, nameKey, wordsOf } from '../../library/normalize';
import { mergeArticleSuggestions, mergeQuoteHits, mergeSpeakerSuggestions, newerOf } from '../../library/views';
import { byCodeUnits, inMemoryOrder, PARTING_CHARACTER, tiedSql } from './in-memory-order';

/** The operator's library: visible from every server and in DMs. */
export const OPERATOR_SCOPE = '';

/** A hit or suggestion with its article's timestamp, to merge two scopes as the in-memory views do. */
type Dated<T> = T & { published: number };

interface QuoteRow {
  key: number;
  article_id: string;
  idx: number;
  quote: QuoteHit['quote'];
  published: number;
}

interface ArticleRow {
  id: string;
  title: string;
  published: number;
  /** Autocomplete's tier: the typed words are in the title (else only in the lead or speakers). */
  in_title: boolean;
}

interface SpeakerRow {
  name: string;
  latest: number;
  quotes: number;
}

/** Postgres's order (ids `COLLATE "C"`, as the indexes hold them), put in the in-memory order by {@link inMemoryOrder}. */
const QUOTE_ORDER = 'ORDER BY published DESC, article_id COLLATE "C" DESC, idx';
const ARTICLE_ORDER = 'published DESC, id COLLATE "C" DESC';
const SPEAKER_ORDER = 'ORDER BY latest DESC, quotes DESC, name COLLATE "C"';

/** The in-memory orders: newest article first, ids by code units (descending), then the article's order; title matches first; speakers most recently quoted, most quoted, then by name. */
const quoteOrder = (a: QuoteRow, b: QuoteRow): number => b.published - a.published || byCodeUnits(b.article_id, a.article_id) || a.idx - b.idx;
const articleOrder = (a: ArticleRow, b: ArticleRow): number => Number(b.in_title) - Number(a.in_title) || b.published - a.published || byCodeUnits(b.id, a.id);
const speakerOrder = (a: SpeakerRow, b: SpeakerRow): number => b.latest - a.latest || b.quotes - a.quotes || byCodeUnits(a.name, b.name);

/**
 * Quote search, autocomplete and name resolution over the `search_*` tables
 * (written by `PostgresSearchWriter`), answering exactly what the in-memory
 * `SearchIndex` of the same articles answers: the same folded terms, the
 * same prefix rules (see `RULES`), the same order. One scope at a time
 * ({@link PostgresSearch.scoped}), or a server's view ({@link PostgresSearch.view}):
 * the operator's library and that server's feed articles, merged as
 * `mergedView` merges them.
 */
export class PostgresSearch {
  constructor(private readonly pool: pg.Pool) {}

  /** Quotes of one scope matching `q`, newest article first (each with its article's timestamp). */
  async quotes(scope: string, q: QuoteQuery): Promise<Array<Dated<QuoteHit>>> {
    const params: unknown[] = [scope];
    const where = ['scope = $1'];
    const text = q.query ? tsqueryOf(wordsOf(foldForSearch(q.query)), RULES.quoteText) : undefined;
    const speaker = q.speaker ? tsqueryOf(wordsOf(foldForSearch(q.speaker)), RULES.speaker) : undefined;
    if (q.articleId !== undefined) where.push(`article_id = $${params.push(q.articleId)}`);
    if (text) where.push(`text_terms @@ $${params.push(text)}::tsquery`);
    if (speaker) where.push(`speaker_terms @@ $${params.push(speaker)}::tsquery`);
    const limit = q.limit ?? DEFAULT_QUOTE_LIMIT;
    const [columns, n] = ['key, article_id, idx, quote, published', params.length];
    const page = await this.rows<QuoteRow>(`SELECT ${columns} FROM search_quotes WHERE ${where.join(' AND ')} ${QUOTE_ORDER} LIMIT $${n + 1}`, [...params, limit]);
    const tied = (last: QuoteRow): Promise<QuoteRow[]> =>
      this.rows(tiedSql({ table: 'search_quotes', atTie: `scope = $1 AND published = $${n + 1}`, columns, where: where.join(' AND '), column: 'article_id', parting: `$${n + 2}` }), [...params, last.published, PARTING_CHARACTER]);
    const rows = await inMemoryOrder(page, limit, quoteOrder, (row) => row.key, tied);
    return rows.map((row) => ({ articleId: row.article_id, index: row.idx, quote: row.quote, published: row.published }));
  }

  /**
   * Articles of one scope for autocomplete: those whose title or id words
   * start with the typed words, newest first; below them, those whose lead
   * or speakers have them. One typed character matches titles only.
   */
  async articles(scope: string, typed: string): Promise<Array<Dated<Suggestion>>> {
    const { words, short } = typedWords(typed);
    const title = tsqueryOf(words, RULES.title);
    const params: unknown[] = [scope];
    let where = 'scope = $1';
    let inTitle = 'TRUE';
    if (title && short) where += ` AND title_terms @@ $${params.push(title)}::tsquery`;
    else if (title) {
      // A title match is also a title-or-lead match (the typed word itself is among its variants): one query, titles first.
      inTitle = `title_terms @@ $${params.push(title)}::tsquery`;
      where += ` AND any_terms @@ $${params.push(tsqueryOf(words, RULES.titleOrLead))}::tsquery`;
    }
    const [columns, n] = [`id, title, published, ${inTitle} AS in_title`, params.length];
    const page = await this.rows<ArticleRow>(`SELECT ${columns} FROM search_articles WHERE ${where} ORDER BY ${title && !short ? 'in_title DESC, ' : ''}${ARTICLE_ORDER} LIMIT $${n + 1}`, [...params, MAX_SUGGESTIONS]);
    const tied = (last: ArticleRow): Promise<ArticleRow[]> =>
      this.rows(tiedSql({ table: 'search_articles', atTie: `scope = $1 AND published = $${n + 1}`, columns, where: `${where} AND (${inTitle}) = $${n + 2}`, column: 'id', parting: `$${n + 3}` }), [...params, last.published, last.in_title, PARTING_CHARACTER]);
    const rows = await inMemoryOrder(page, MAX_SUGGESTIONS, articleOrder, (row) => row.id, tied);
    return rows.map((row) => ({ ...articleChoice(row.title, row.id), published: row.published }));
  }

  /** Speakers of one scope whose name (or role) words start with the typed words, most recently quoted first. */
  async speakers(scope: string, typed: string): Promise<Suggestion[]> {
    const names = tsqueryOf(typedWords(typed).words, RULES.speakerName);
    const params: unknown[] = [scope];
    const where = `scope = $1 ${names ? `AND name_terms @@ $${params.push(names)}::tsquery` : ''}`;
    const [columns, n] = ['name, latest, quotes', params.length];
    const page = await this.rows<SpeakerRow>(`SELECT ${columns} FROM search_speakers WHERE ${where} ${SPEAKER_ORDER} LIMIT $${n + 1}`, [...params, MAX_SUGGESTIONS]);
    const tied = (last: SpeakerRow): Promise<SpeakerRow[]> =>
      this.rows(tiedSql({ table: 'search_speakers', atTie: `scope = $1 AND latest = $${n + 1} AND quotes = $${n + 2}`, columns, where, column: 'name', parting: `$${n + 3}` }), [...params, last.latest, last.quotes, PARTING_CHARACTER]);
    return (await inMemoryOrder(page, MAX_SUGGESTIONS, speakerOrder, (row) => row.name, tied)).map((row) => speakerChoice(row.name));
  }

  /** The newest article of one scope whose id or title is `typed` once folded. */
  async resolve(scope: string, typed: string): Promise<Dated<{ id: string }> | undefined> {
    const key = nameKey(typed);
    if (!key) return undefined;
    const [columns, where] = ['id, title, published, TRUE AS in_title', 'scope = $1 AND names @> ARRAY[$2::text]'];
    const page = await this.rows<ArticleRow>(`SELECT ${columns} FROM search_articles WHERE ${where} ORDER BY ${ARTICLE_ORDER} LIMIT 1`, [scope, key]);
    const tied = (last: ArticleRow): Promise<ArticleRow[]> =>
      this.rows(tiedSql({ table: 'search_articles', atTie: 'scope = $1 AND published = $3', columns, where, column: 'id', parting: '$4' }), [scope, key, last.published, PARTING_CHARACTER]);
    const [newest] = await inMemoryOrder(page, 1, articleOrder, (row) => row.id, tied);
    return newest && { id: newest.id, published: newest.published };
  }

  /** True when a server has feed articles of its own. */
  async hasArticles(scope: string): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM search_articles WHERE scope = $1 LIMIT 1', [scope]);
    return rows.length > 0;
  }

  /** The search of one scope alone (the operator's library: {@link OPERATOR_SCOPE}). */
  scoped(scope: string): Omit<ReaderSearch, 'resolveName'> & { resolveName(typed: string): Promise<string | undefined> } {
    const undated = <T extends object>({ published: _published, ...rest }: Dated<T>): T => rest as unknown as T;
    return {
      searchQuotes: async (q) => (await this.quotes(scope, q)).map(undated),
      suggestArticles: async (typed) => (await this.articles(scope, typed)).map(undated),
      suggestSpeakers: (typed) => this.speakers(scope, typed),
      resolveName: async (typed) => (await this.resolve(scope, typed))?.id,
    };
  }

  /**
   * What a server sees (`guildId`; null: a DM, the operator's library
   * alone): with feed articles of its own, both scopes merged exactly as
   * `mergedView` merges the in-memory ones; else the operator's.
   * `resolveName`: the in-memory one of the articles' view, or {@link resolveInView}.
   */
  view(guildId: string | null, resolveName: ReaderSearch['resolveName']): ReaderSearch {
    const operator = this.scoped(OPERATOR_SCOPE);
    if (!guildId) return { ...operator, resolveName };
    const guild = guildId;
    return {
      searchQuotes: async (q) => {
        if (q.articleId !== undefined) return this.scoped((await this.hasArticle(guild, q.articleId)) ? guild : OPERATOR_SCOPE).searchQuotes(q);
        const [mine, theirs] = await Promise.all([this.quotes(guild, q), this.quotes(OPERATOR_SCOPE, q)]);
        return mergeQuoteHits(mine, theirs, timestamps(theirs, mine, (hit) => hit.articleId), q.limit).map(({ articleId, index, quote }) => ({ articleId, index, quote }));
      },
      suggestArticles: async (typed) => {
        const [own, mine, theirs] = await Promise.all([this.hasArticles(guild), this.articles(guild, typed), this.articles(OPERATOR_SCOPE, typed)]);
        const merged = own ? mergeArticleSuggestions(mine, theirs, timestamps(theirs, mine, (s) => s.value)) : theirs;
        return merged.map(({ name, value }) => ({ name, value }));
      },
      suggestSpeakers: async (typed) => {
        const [own, mine, theirs] = await Promise.all([this.hasArticles(guild), this.speakers(guild, typed), this.speakers(OPERATOR_SCOPE, typed)]);
        return own ? mergeSpeakerSuggestions(mine, theirs) : theirs;
      },
      resolveName,
    };
  }

  /** Postgres's answer to `resolveName` in a server's view (as the in-memory view answers). */
  async resolveInView(guildId: string | null, typed: string): Promise<string | undefined> {
    const [mine, theirs] = await Promise.all([guildId ? this.resolve(guildId, typed) : undefined, this.resolve(OPERATOR_SCOPE, typed)]);
    const dates = new Map([theirs, mine].filter((x) => x !== undefined).map((x) => [x.id, x.published]));
    return newerOf(mine?.id, theirs?.id, (id) => dates.get(id) ?? 0);
  }

  private async rows<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  private async hasArticle(scope: string, id: string): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM search_articles WHERE scope = $1 AND id = $2', [scope, id]);
    return rows.length > 0;
  }
}

/** Article timestamps by id from both scopes' answers, the server's winning an id both have (its article is the one shown). */
function timestamps<T>(operator: ReadonlyArray<Dated<T>>, guild: ReadonlyArray<Dated<T>>, idOf: (item: Dated<T>) => string): (id: string) => number {
  const dates = new Map<string, number>();
  for (const item of [...operator, ...guild]) dates.set(idOf(item), item.published);
  return (id) => dates.get(id) ?? 0;
}
