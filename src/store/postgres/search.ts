import type pg from 'pg';
import type { QuoteHit, QuoteQuery, ReaderSearch, Suggestion } from '../../library';
import { RULES, tsqueryOf, typedWords } from '../../library/search-document';
import { articleChoice, DEFAULT_QUOTE_LIMIT, MAX_SUGGESTIONS, speakerChoice } from '../../library/search';
import { foldForSearch, nameKey, wordsOf } from '../../library/normalize';
import { mergeArticleSuggestions, mergeQuoteHits, mergeSpeakerSuggestions, newerOf } from '../../library/views';

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

/** Newest article first, ids in code-point order (`COLLATE "C"`, what the index holds), then the article's own order. */
const QUOTE_ORDER = 'ORDER BY published DESC, article_id COLLATE "C" DESC, idx';

/**
 * Ids with a character in U+E000–U+FFFF (private use, Arabic presentation
 * forms, full-width forms…): the only ones that code-point order
 * (`COLLATE "C"`) and JavaScript's `<` (UTF-16 code units, the in-memory
 * order) place differently, against ids with a letter past U+FFFF
 * (surrogates, D800–DFFF, sort below E000 in UTF-16 and above it as code points).
 */
const LATE_BMP = '[\\uE000-\\uFFFF]';

/** Quotes as the in-memory index orders them: newest article first, ids by UTF-16 code units (descending), then the article's order. */
const inMemoryQuoteOrder = (a: QuoteRow, b: QuoteRow): number => b.published - a.published || (a.article_id < b.article_id ? 1 : a.article_id > b.article_id ? -1 : 0) || a.idx - b.idx;

/**
 * The first `limit` quotes in the in-memory order, from `page` (the first
 * `limit` in `QUOTE_ORDER`) and `tied` (asked only for a full page: those of
 * the page's last timestamp whose id has a {@link LATE_BMP} character).
 * Nothing else can belong: a quote at that time that the code-point order
 * left out, yet JavaScript places above one it kept, differs from that one
 * first at a U+E000–U+FFFF character against a letter past U+FFFF, and with
 * no such character in its id it would be the one placed below.
 */
async function inMemoryPage(page: QuoteRow[], limit: number, tied: (published: number) => Promise<QuoteRow[]>): Promise<QuoteRow[]> {
  const last = page.at(-1);
  if (!last || page.length < limit) return page.sort(inMemoryQuoteOrder);
  const keys = new Set(page.map((row) => row.key));
  const more = (await tied(last.published)).filter((row) => !keys.has(row.key));
  return [...page, ...more].sort(inMemoryQuoteOrder).slice(0, limit);
}
const ARTICLE_ORDER = 'published DESC, id COLLATE "C" DESC';

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
    const select = `SELECT key, article_id, idx, quote, published FROM search_quotes WHERE ${where.join(' AND ')}`;
    const { rows } = await this.pool.query<QuoteRow>(`${select} ${QUOTE_ORDER} LIMIT $${params.length + 1}`, [...params, limit]);
    const tied = async (published: number): Promise<QuoteRow[]> =>
      (await this.pool.query<QuoteRow>(`${select} AND published = $${params.length + 1} AND article_id ~ $${params.length + 2}`, [...params, published, LATE_BMP])).rows;
    return (await inMemoryPage(rows, limit, tied)).map((row) => ({ articleId: row.article_id, index: row.idx, quote: row.quote, published: row.published }));
  }

  /**
   * Articles of one scope for autocomplete: those whose title or id words
   * start with the typed words, newest first; below them, those whose lead
   * or speakers have them. One typed character matches titles only.
   */
  async articles(scope: string, typed: string): Promise<Array<Dated<Suggestion>>> {
    const { words, short } = typedWords(typed);
    const title = tsqueryOf(words, RULES.title);
    let sql: string;
    let params: unknown[];
    if (!title) [sql, params] = [`SELECT id, title, published FROM search_articles WHERE scope = $1 ORDER BY ${ARTICLE_ORDER} LIMIT $2`, [scope, MAX_SUGGESTIONS]];
    else if (short) [sql, params] = [`SELECT id, title, published FROM search_articles WHERE scope = $1 AND title_terms @@ $2::tsquery ORDER BY ${ARTICLE_ORDER} LIMIT $3`, [scope, title, MAX_SUGGESTIONS]];
    else {
      // A title match is also a title-or-lead match (the typed word itself is among its variants): one query, titles first.
      sql = `SELECT id, title, published FROM search_articles WHERE scope = $1 AND any_terms @@ $3::tsquery ORDER BY title_terms @@ $2::tsquery DESC, ${ARTICLE_ORDER} LIMIT $4`;
      params = [scope, title, tsqueryOf(words, RULES.titleOrLead), MAX_SUGGESTIONS];
    }
    const { rows } = await this.pool.query<{ id: string; title: string; published: number }>(sql, params);
    return rows.map((row) => ({ ...articleChoice(row.title, row.id), published: row.published }));
  }

  /** Speakers of one scope whose name (or role) words start with the typed words, most recently quoted first. */
  async speakers(scope: string, typed: string): Promise<Suggestion[]> {
    const names = tsqueryOf(typedWords(typed).words, RULES.speakerName);
    const params: unknown[] = [scope, MAX_SUGGESTIONS];
    const match = names ? `AND name_terms @@ $${params.push(names)}::tsquery` : '';
    const { rows } = await this.pool.query<{ name: string }>(`SELECT name FROM search_speakers WHERE scope = $1 ${match} ORDER BY latest DESC, quotes DESC, name COLLATE "C" LIMIT $2`, params);
    return rows.map((row) => speakerChoice(row.name));
  }

  /** The newest article of one scope whose id or title is `typed` once folded. */
  async resolve(scope: string, typed: string): Promise<Dated<{ id: string }> | undefined> {
    const key = nameKey(typed);
    if (!key) return undefined;
    const { rows } = await this.pool.query<{ id: string; published: number }>(`SELECT id, published FROM search_articles WHERE scope = $1 AND names @> ARRAY[$2::text] ORDER BY ${ARTICLE_ORDER} LIMIT 1`, [scope, key]);
    return rows[0];
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
