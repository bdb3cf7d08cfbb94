import { randomBytes } from 'node:crypto';

/** How long Previous/Next buttons keep working. */
export const PAGE_TTL_MS = 15 * 60_000;

/** Paging state kept for one result list. */
export interface PageState<T> {
  items: T[];
  /** Language of the labels (from the query and the user's locale). */
  language: string;
  createdAt: number;
  /** The user whose search it is, when known: only they turn its pages. */
  owner?: string;
}

/**
 * In-memory paging state with expiry, keyed by a short random token that goes
 * in the buttons' custom ids. Bounded: the oldest entries go first when full.
 */
export class PageStore<T = unknown> {
  private readonly entries = new Map<string, PageState<T>>();

  constructor(private readonly ttlMs = PAGE_TTL_MS, private readonly maxEntries = 5000) {}

  /** Keep `items` (the search of `owner`, when given) and return the token for them. */
  put(items: T[], language: string, now: number, owner?: string): string {
    this.sweep(now);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const token = randomBytes(6).toString('base64url');
    this.entries.set(token, { items, language, createdAt: now, ...(owner === undefined ? {} : { owner }) });
    return token;
  }

  /** The state behind a token, or undefined when unknown or expired. */
  get(token: string, now: number): PageState<T> | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now - entry.createdAt > this.ttlMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  /** Number of live entries. */
  get size(): number {
    return this.entries.size;
  }

  private sweep(now: number): void {
    for (const [token, entry] of this.entries) {
      if (now - entry.createdAt <= this.ttlMs) break;
      this.entries.delete(token);
    }
  }
}
