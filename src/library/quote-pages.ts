/**
 * Kept `/quote` searches: what one search was, and where searches are kept so
 * that a Previous/Next click reaching any process shows its page. Defined
 * here, below both the commands' context (`src/discord`) and the stores
 * (`src/store`) that implement it, so that neither imports the other.
 */

/**
 * What one `/quote` search was: enough for any process (any `ROLE=web`
 * replica) to run it again and show any of its pages. The query is kept, not
 * the results or the rendered page.
 */
export interface QuoteSearch {
  /** Words the quotes contain, as typed; null when none. */
  query: string | null;
  /** Who said them, as typed; null when none. */
  speaker: string | null;
  /** The article searched (the one named, or the newest with quotes when no option was given); null: every article. */
  articleId: string | null;
  /** The server it was made in (null: a DM). Its pages turn in that server only. */
  guildId: string | null;
  /** The user who searched: only they turn its pages. */
  userId: string;
  /** Language of the labels (from the query and the user's locale). */
  language: string;
}

/** A kept {@link QuoteSearch}: the token its buttons carry, and when it was made (epoch ms). */
export interface QuoteSearchRecord extends QuoteSearch {
  token: string;
  createdAt: number;
}

/**
 * The `/quote` searches whose Previous/Next buttons still work, for their
 * time to live (`QUOTE_PAGES_TTL_MS` in `src/store/rows.ts`), shared by every process on the
 * database. Expired rows are pruned as new searches are kept, so the table
 * holds one time to live of searches at most.
 */
export interface QuotePageStore {
  /** Keep `search` (made at `now`) and return a new random token for it (base64url, 8 characters). */
  put(search: QuoteSearch, now: number): string;
  /** The search behind `token` if it was made in `guildId` (null: a DM) and has not expired; else undefined. */
  get(token: string, guildId: string | null, now: number): QuoteSearchRecord | undefined;
  /** Delete the expired searches; returns how many. */
  prune(now: number): number;
}

/** {@link QuotePageStore} as commands use it: every call may go to a database. */
export type QuotePages = {
  [K in keyof QuotePageStore]: (...args: Parameters<QuotePageStore[K]>) => Promise<Awaited<ReturnType<QuotePageStore[K]>>>;
};
