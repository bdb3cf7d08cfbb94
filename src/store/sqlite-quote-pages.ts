import type { Database } from 'better-sqlite3';
import { guildKey, newPageToken, QUOTE_PAGE_COLUMNS as COLUMNS, QUOTE_PAGES_TTL_MS, quotePageFromRow, quotePageValues, TOKEN_TRIES, type QuotePageRow } from './quote-pages';
import type { QuotePageStore, QuoteSearch, QuoteSearchRecord } from './types';

function prepare(db: Database) {
  return {
    // A kept search is worth no fsync (a power cut loses at most the page buttons of the last searches): its commit is
    // NORMAL, so a /quote never blocks the event loop on the disk (FULL: 2.4 ms p50 wall on the loaded test machine, with
    // the WAL). The connection's own level (FULL, for the deliveries) is back before anything else runs: better-sqlite3
    // is synchronous, nothing interleaves.
    keep: db.transaction((run: () => void) => run()),
    level: () => db.pragma('synchronous', { simple: true }) as number,
    setLevel: (level: number | 'NORMAL') => db.pragma(`synchronous = ${level}`),
    insert: db.prepare(`INSERT INTO quote_pages (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token) DO NOTHING`),
    get: db.prepare(`SELECT ${COLUMNS} FROM quote_pages WHERE token = ? AND guild_id = ? AND created_at >= ?`),
    prune: db.prepare('DELETE FROM quote_pages WHERE created_at < ?'),
  };
}

/** {@link QuotePageStore} on SQLite: the expired searches are deleted as each new one is kept (one writer: no contention). */
export class SqliteQuotePageStore implements QuotePageStore {
  private q: ReturnType<typeof prepare>;

  constructor(db: Database, private readonly ttlMs = QUOTE_PAGES_TTL_MS) {
    this.q = prepare(db);
  }

  /** Prepare the statements again on another connection (the database file was restored and reopened). */
  rebind(db: Database): void {
    this.q = prepare(db);
  }

  put(search: QuoteSearch, now: number): string {
    const level = this.q.level();
    this.q.setLevel('NORMAL');
    try {
      let token: string | undefined;
      this.q.keep(() => {
        this.prune(now);
        for (let i = 0; i < TOKEN_TRIES && token === undefined; i++) {
          const candidate = newPageToken();
          if (this.q.insert.run(...quotePageValues(candidate, search, now)).changes === 1) token = candidate;
        }
      });
      if (token === undefined) throw new Error('no free /quote page token');
      return token;
    } finally {
      this.q.setLevel(level);
    }
  }

  get(token: string, guildId: string | null, now: number): QuoteSearchRecord | undefined {
    const row = this.q.get.get(token, guildKey(guildId), now - this.ttlMs) as QuotePageRow | undefined;
    return row && quotePageFromRow(row);
  }

  prune(now: number): number {
    return this.q.prune.run(now - this.ttlMs).changes;
  }
}
