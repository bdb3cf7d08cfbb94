import type { Database } from 'better-sqlite3';
import { ARTICLE_COLUMNS, SEARCH_TABLES } from './postgres/search-schema';

/** One schema change. Numbers are applied in order, each once, each in a transaction. */
export interface Migration {
  version: number;
  name: string;
  /** The SQLite dialect. */
  up: string;
  /**
   * The same change in Postgres's dialect (`DATABASE_URL`): BIGINT for epoch
   * ms, BIGSERIAL ids, BOOLEAN flags. Write it beside `up` in the same entry;
   * `npm run migrate` on Postgres refuses a migration without it.
   */
  postgres?: string;
}

/** The schema, as numbered migrations. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'schedules and deliveries',
    up: `
      CREATE TABLE schedules (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id      TEXT    NOT NULL,
        channel_id    TEXT    NOT NULL,
        when_text     TEXT    NOT NULL,
        pattern       TEXT    NOT NULL,
        timezone      TEXT    NOT NULL,
        created_by    TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        paused_reason TEXT,
        paused_at     INTEGER,
        last_run_at   INTEGER,
        last_result   TEXT CHECK (last_result IN ('ok', 'failed', 'paused')),
        last_detail   TEXT,
        next_run_at   INTEGER NOT NULL,
        primed        INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX schedules_due ON schedules (next_run_at) WHERE paused_reason IS NULL;
      CREATE INDEX schedules_guild ON schedules (guild_id, id);
      CREATE INDEX schedules_channel ON schedules (channel_id);

      CREATE TABLE deliveries (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id  TEXT    NOT NULL,
        article_id  TEXT    NOT NULL,
        schedule_id INTEGER REFERENCES schedules (id) ON DELETE SET NULL,
        status      TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped', 'rejected')),
        nonce       TEXT    NOT NULL CHECK (length(nonce) <= 25),
        message_id  TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        error       TEXT,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        UNIQUE (channel_id, article_id)
      );
      CREATE INDEX deliveries_pending ON deliveries (status) WHERE status = 'pending';
      CREATE INDEX deliveries_schedule ON deliveries (schedule_id);
    `,
    postgres: `
      CREATE TABLE schedules (
        id            BIGSERIAL PRIMARY KEY,
        guild_id      TEXT    NOT NULL,
        channel_id    TEXT    NOT NULL,
        when_text     TEXT    NOT NULL,
        pattern       TEXT    NOT NULL,
        timezone      TEXT    NOT NULL,
        created_by    TEXT    NOT NULL,
        created_at    BIGINT  NOT NULL,
        paused_reason TEXT,
        paused_at     BIGINT,
        last_run_at   BIGINT,
        last_result   TEXT CHECK (last_result IN ('ok', 'failed', 'paused')),
        last_detail   TEXT,
        next_run_at   BIGINT  NOT NULL,
        primed        BOOLEAN NOT NULL DEFAULT FALSE
      );
      CREATE INDEX schedules_due ON schedules (next_run_at) WHERE paused_reason IS NULL;
      CREATE INDEX schedules_guild ON schedules (guild_id, id);
      CREATE INDEX schedules_channel ON schedules (channel_id);

      CREATE TABLE deliveries (
        id          BIGSERIAL PRIMARY KEY,
        channel_id  TEXT    NOT NULL,
        article_id  TEXT    NOT NULL,
        schedule_id BIGINT REFERENCES schedules (id) ON DELETE SET NULL,
        status      TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped', 'rejected')),
        nonce       TEXT    NOT NULL CHECK (length(nonce) <= 25),
        message_id  TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        error       TEXT,
        created_at  BIGINT  NOT NULL,
        updated_at  BIGINT  NOT NULL,
        UNIQUE (channel_id, article_id)
      );
      CREATE INDEX deliveries_pending ON deliveries (status) WHERE status = 'pending';
      CREATE INDEX deliveries_schedule ON deliveries (schedule_id);
    `,
  },
  {
    version: 2,
    name: 'delivery content keys, owners and the uncertain status',
    // SQLite cannot change a CHECK constraint in place: the table is rebuilt with the new status and columns.
    up: `
      CREATE TABLE deliveries_v2 (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id  TEXT    NOT NULL,
        article_id  TEXT    NOT NULL,
        schedule_id INTEGER REFERENCES schedules (id) ON DELETE SET NULL,
        status      TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped', 'rejected', 'uncertain')),
        nonce       TEXT    NOT NULL CHECK (length(nonce) <= 25),
        message_id  TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        error       TEXT,
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        content_key TEXT,
        owner       TEXT,
        UNIQUE (channel_id, article_id)
      );
      INSERT INTO deliveries_v2 (id, channel_id, article_id, schedule_id, status, nonce, message_id, attempts, error, created_at, updated_at)
        SELECT id, channel_id, article_id, schedule_id, status, nonce, message_id, attempts, error, created_at, updated_at FROM deliveries;
      DROP TABLE deliveries;
      ALTER TABLE deliveries_v2 RENAME TO deliveries;
      CREATE INDEX deliveries_pending ON deliveries (status) WHERE status = 'pending';
      CREATE INDEX deliveries_schedule ON deliveries (schedule_id);
      CREATE INDEX deliveries_content ON deliveries (channel_id, content_key) WHERE content_key IS NOT NULL;
    `,
    // Postgres changes the CHECK in place. An owner is live while its lease in store_owners runs (renewed by its store):
    // only a dead owner's pending deliveries are taken over (adoptPending), as SQLite's instance lock ensures for a file.
    postgres: `
      ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
      ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check CHECK (status IN ('pending', 'sent', 'failed', 'skipped', 'rejected', 'uncertain'));
      ALTER TABLE deliveries ADD COLUMN content_key TEXT, ADD COLUMN owner TEXT;
      CREATE INDEX deliveries_content ON deliveries (channel_id, content_key) WHERE content_key IS NOT NULL;
      CREATE TABLE store_owners (
        owner       TEXT   PRIMARY KEY,
        lease_until BIGINT NOT NULL
      );
    `,
  },
  {
    // Feeds (issue 10). Independent of version 2: it neither reads nor changes its tables.
    version: 3,
    name: 'feeds, seen keys and feed articles',
    up: `
      CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id      TEXT    NOT NULL,
        channel_id    TEXT    NOT NULL,
        url           TEXT    NOT NULL,
        title         TEXT    NOT NULL DEFAULT '',
        etag          TEXT,
        last_modified TEXT,
        created_by    TEXT    NOT NULL,
        created_at    INTEGER NOT NULL,
        last_check_at INTEGER,
        next_check_at INTEGER NOT NULL,
        failures      INTEGER NOT NULL DEFAULT 0,
        last_detail   TEXT,
        paused_reason TEXT,
        paused_at     INTEGER,
        UNIQUE (guild_id, channel_id, url)
      );
      CREATE INDEX feeds_due ON feeds (next_check_at) WHERE paused_reason IS NULL;
      CREATE INDEX feeds_guild ON feeds (guild_id, id);

      CREATE TABLE feed_seen (
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        key     TEXT    NOT NULL,
        -- When the key was last in the feed (kept current while the item stays in it).
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (feed_id, key)
      ) WITHOUT ROWID;

      CREATE TABLE feed_articles (
        id           TEXT    PRIMARY KEY,
        feed_id      INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guild_id     TEXT    NOT NULL,
        item_key     TEXT    NOT NULL,
        url          TEXT,
        title        TEXT    NOT NULL,
        author       TEXT,
        source       TEXT    NOT NULL,
        published_at INTEGER NOT NULL,
        text         TEXT    NOT NULL,
        fetched_at   INTEGER NOT NULL
      );
      CREATE INDEX feed_articles_feed ON feed_articles (feed_id, published_at);
      CREATE INDEX feed_articles_guild ON feed_articles (guild_id, published_at);
    `,
    postgres: `
      CREATE TABLE feeds (
        id            BIGSERIAL PRIMARY KEY,
        guild_id      TEXT    NOT NULL,
        channel_id    TEXT    NOT NULL,
        url           TEXT    NOT NULL,
        title         TEXT    NOT NULL DEFAULT '',
        etag          TEXT,
        last_modified TEXT,
        created_by    TEXT    NOT NULL,
        created_at    BIGINT  NOT NULL,
        last_check_at BIGINT,
        next_check_at BIGINT  NOT NULL,
        failures      INTEGER NOT NULL DEFAULT 0,
        last_detail   TEXT,
        paused_reason TEXT,
        paused_at     BIGINT,
        UNIQUE (guild_id, channel_id, url)
      );
      CREATE INDEX feeds_due ON feeds (next_check_at) WHERE paused_reason IS NULL;
      CREATE INDEX feeds_guild ON feeds (guild_id, id);

      CREATE TABLE feed_seen (
        feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        key     TEXT   NOT NULL,
        seen_at BIGINT NOT NULL,
        PRIMARY KEY (feed_id, key)
      );

      CREATE TABLE feed_articles (
        id           TEXT    PRIMARY KEY,
        feed_id      BIGINT  NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guild_id     TEXT    NOT NULL,
        item_key     TEXT    NOT NULL,
        url          TEXT,
        title        TEXT    NOT NULL,
        author       TEXT,
        source       TEXT    NOT NULL,
        published_at BIGINT  NOT NULL,
        text         TEXT    NOT NULL,
        fetched_at   BIGINT  NOT NULL
      );
      CREATE INDEX feed_articles_feed ON feed_articles (feed_id, published_at);
      CREATE INDEX feed_articles_guild ON feed_articles (guild_id, published_at);
    `,
  },
  {
    // Issue 11, exactly once. A schedule keeps its place in the article stream (published time, id) instead of one
    // "skipped" row per article it found: delivery rows now exist only for posts attempted. Existing schedules keep
    // their rows and get their position at their next run, derived from those rows (the article times live in the
    // library, not here; see planRun). A delivery row claimed as pending carries its owner's lease: past it, another
    // worker may take the row over, and the first one can no longer record it (the send timeout is shorter).
    version: 4,
    name: 'schedule stream positions and delivery leases',
    up: `
      ALTER TABLE schedules ADD COLUMN position_at INTEGER;
      ALTER TABLE schedules ADD COLUMN position_id TEXT;
      ALTER TABLE deliveries ADD COLUMN lease_until INTEGER;
      CREATE INDEX deliveries_uncertain ON deliveries (channel_id) WHERE status = 'uncertain';
    `,
    postgres: `
      ALTER TABLE schedules ADD COLUMN position_at BIGINT, ADD COLUMN position_id TEXT;
      ALTER TABLE deliveries ADD COLUMN lease_until BIGINT;
      CREATE INDEX deliveries_uncertain ON deliveries (channel_id) WHERE status = 'uncertain';
    `,
  },
  {
    // Feed article retention (FEED_ARTICLE_RETENTION_DAYS): the articles fetched before a cut-off are found by this index.
    version: 5,
    name: 'feed articles by fetch time',
    up: 'CREATE INDEX feed_articles_fetched ON feed_articles (fetched_at);',
    postgres: 'CREATE INDEX feed_articles_fetched ON feed_articles (fetched_at);',
  },
  {
    // Quote and article search in Postgres (issue 11, "Search at scale"). SQLite keeps the search in memory: nothing to do there.
    version: 6,
    name: 'search: articles, quotes and speakers (Postgres)',
    up: '-- Postgres only: with SQLite the search index lives in memory.',
    postgres: SEARCH_TABLES,
  },
  {
    // Whole articles in Postgres (issue 11): ROLE=web and ROLE=scheduler read them instead of loading the folder. SQLite: the library is in memory.
    version: 7,
    name: 'articles: whole briefings beside their search rows (Postgres)',
    up: '-- Postgres only: with SQLite the articles live in memory.',
    postgres: ARTICLE_COLUMNS,
  },
  {
    // Shared /quote pages (issue 11): the search behind each result list, so that a Next clicked through any
    // ROLE=web replica shows the page. Rows live 15 minutes (pruned by created_at); the guild is part of the key.
    version: 8,
    name: 'quote pages',
    up: `
      CREATE TABLE quote_pages (
        token      TEXT    PRIMARY KEY CHECK (length(token) <= 40),
        guild_id   TEXT    NOT NULL,
        user_id    TEXT    NOT NULL,
        language   TEXT    NOT NULL,
        query      TEXT,
        speaker    TEXT,
        article_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX quote_pages_created ON quote_pages (created_at);
    `,
    postgres: `
      CREATE TABLE quote_pages (
        token      TEXT    PRIMARY KEY CHECK (length(token) <= 40),
        guild_id   TEXT    NOT NULL,
        user_id    TEXT    NOT NULL,
        language   TEXT    NOT NULL,
        query      TEXT,
        speaker    TEXT,
        article_id TEXT,
        created_at BIGINT  NOT NULL
      );
      CREATE INDEX quote_pages_created ON quote_pages (created_at);
    `,
  },
  {
    // Issue 11: no scheduled run lost when a worker dies after claiming it. A claim sets an owner and a lease on the
    // schedule; the lease ends when the run finishes. A schedule whose lease ran out (its worker died mid-run) is claimed
    // again and its run redone, even though its next run time was already written. The partial index finds them.
    version: 9,
    name: 'schedule claim leases',
    up: `
      ALTER TABLE schedules ADD COLUMN lease_owner TEXT;
      ALTER TABLE schedules ADD COLUMN lease_until INTEGER;
      CREATE INDEX schedules_leased ON schedules (lease_until) WHERE lease_until IS NOT NULL;
    `,
    postgres: `
      ALTER TABLE schedules ADD COLUMN lease_owner TEXT, ADD COLUMN lease_until BIGINT;
      CREATE INDEX schedules_leased ON schedules (lease_until) WHERE lease_until IS NOT NULL;
    `,
  },
];

/**
 * Apply the migrations not yet recorded in `schema_migrations`, each in its own
 * transaction (a failing one leaves the database as it was). Idempotent.
 *
 * @returns The versions applied by this call.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.up);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
    done.push(migration.version);
  }
  return done;
}

/** The highest applied version, 0 for an empty database. */
export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null } | undefined;
  return row?.v ?? 0;
}
