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
