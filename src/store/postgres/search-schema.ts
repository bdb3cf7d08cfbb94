/**
 * Postgres tables of the quote and article search (migration 4).
 *
 * Text is folded and split by the project's own code (`foldForSearch`,
 * `termSet`: Arabic diacritics, tatweel, alef forms, ة/ى, accents, case,
 * and every Arabic word also without its light prefix و، ال، بال…), so that
 * Postgres matches exactly what the in-memory index matches. Postgres's
 * `arabic` configuration misses و+ال and `unaccent` leaves Arabic diacritics.
 * The lexemes are those terms as they are, like the `simple` configuration
 * (no stemming, no stop words) but without its parser, which would split a
 * few letter-digit words (½, 1e5x) differently: `array_to_tsvector` of the
 * terms. A GIN index on each vector answers `'term'` (a whole term) and
 * `'term':*` (a prefix) lookups.
 *
 * `scope` keeps servers apart: '' is the operator's library (visible
 * everywhere), a server id that server's feed articles. `published` is the
 * article's timestamp (epoch ms); ids order `COLLATE "C"` (code points), as
 * in memory.
 */
export const SEARCH_TABLES = `
  CREATE TABLE search_articles (
    scope       TEXT     NOT NULL,
    id          TEXT     NOT NULL,
    title       TEXT     NOT NULL,
    published   BIGINT   NOT NULL,
    -- Folded id and title: an id or title typed without autocomplete.
    names       TEXT[]   NOT NULL,
    -- What was indexed (a hash): a restart rewrites only the articles that changed.
    signature   TEXT     NOT NULL,
    title_terms TSVECTOR NOT NULL,
    -- Title, lead and speaker terms: autocomplete's second tier.
    any_terms   TSVECTOR NOT NULL,
    PRIMARY KEY (scope, id)
  );
  CREATE INDEX search_articles_newest ON search_articles (scope, published DESC, id COLLATE "C" DESC);
  CREATE INDEX search_articles_title ON search_articles USING GIN (title_terms);
  CREATE INDEX search_articles_any ON search_articles USING GIN (any_terms);
  CREATE INDEX search_articles_names ON search_articles USING GIN (names);

  CREATE TABLE search_quotes (
    key           BIGSERIAL PRIMARY KEY,
    scope         TEXT     NOT NULL,
    article_id    TEXT     NOT NULL,
    -- Position among the article's key quotes.
    idx           INTEGER  NOT NULL,
    published     BIGINT   NOT NULL,
    quote         JSONB    NOT NULL,
    -- Speaker's name (or role) on one line, and folded: speaker suggestions.
    short_name    TEXT     NOT NULL,
    suggest_key   TEXT     NOT NULL,
    text_terms    TSVECTOR NOT NULL,
    speaker_terms TSVECTOR NOT NULL,
    name_terms    TSVECTOR NOT NULL,
    FOREIGN KEY (scope, article_id) REFERENCES search_articles (scope, id) ON DELETE CASCADE
  );
  CREATE INDEX search_quotes_newest ON search_quotes (scope, published DESC, article_id COLLATE "C" DESC, idx);
  CREATE INDEX search_quotes_article ON search_quotes (scope, article_id, idx);
  CREATE INDEX search_quotes_text ON search_quotes USING GIN (text_terms);
  CREATE INDEX search_quotes_speaker ON search_quotes USING GIN (speaker_terms);
  CREATE INDEX search_quotes_suggest ON search_quotes (scope, suggest_key) WHERE short_name <> '';

  -- One row per speaker (folded name) of a scope, kept by the writer: suggestions never group a million quotes.
  CREATE TABLE search_speakers (
    scope      TEXT     NOT NULL,
    key        TEXT     NOT NULL,
    name       TEXT     NOT NULL,
    quotes     INTEGER  NOT NULL,
    latest     BIGINT   NOT NULL,
    name_terms TSVECTOR NOT NULL,
    PRIMARY KEY (scope, key)
  );
  CREATE INDEX search_speakers_order ON search_speakers (scope, latest DESC, quotes DESC, name COLLATE "C");
  CREATE INDEX search_speakers_terms ON search_speakers USING GIN (name_terms);
`;

/**
 * Whole articles in Postgres (migration 7): `ROLE=ingest` writes each
 * article's `LibraryArticle` (briefing, metadata, format, timestamp, content
 * key, search terms) beside its search row, and `ROLE=web` / `ROLE=scheduler`
 * read them (`PostgresArticles`) without loading any folder.
 *
 * Columns of `search_articles` rather than a table of their own: one row per
 * (scope, id) for search and article, written by one upsert and removed by
 * one delete (the quotes follow by cascade), so the two can never disagree,
 * and no join on a read. A JSONB briefing over 2 KB is stored out of line
 * (TOAST), so search scans stay as narrow as before.
 *
 * - `article_signature`: hash of the stored article: a summary filled in
 *   later changes it and only the article is rewritten (its quotes are not).
 *   NULL on rows written before version 7: the next reconcile fills them.
 * - `summary_pending`, `quoted`: what `newest` and `newestQuoted` skip or
 *   want, each with a partial index in stream order, so that neither walks
 *   past articles whose summary is still being computed.
 * - `stream_id`: the id in UTF-16 (big-endian), whose byte order is the
 *   order of JavaScript's `<` on ids (code units), the stream's order in
 *   memory; `COLLATE "C"` orders by code points, which differs for letters
 *   past U+FFFF (𝐀 U+1D400 comes before Ａ U+FF21 in memory, after it in "C").
 * - `search_articles_stream`: the stream order per scope (published, then
 *   `stream_id`): one range of it per page.
 */
export const ARTICLE_COLUMNS = `
  ALTER TABLE search_articles
    ADD COLUMN article           JSONB,
    ADD COLUMN article_signature TEXT,
    ADD COLUMN stream_id         BYTEA,
    ADD COLUMN summary_pending   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN quoted            BOOLEAN NOT NULL DEFAULT FALSE;
  CREATE INDEX search_articles_stream ON search_articles (scope, published, stream_id) WHERE article IS NOT NULL;
  CREATE INDEX search_articles_ready ON search_articles (scope, published, stream_id)
    WHERE article IS NOT NULL AND NOT summary_pending;
  CREATE INDEX search_articles_quoted ON search_articles (scope, published, stream_id)
    WHERE article IS NOT NULL AND NOT summary_pending AND quoted;
`;
